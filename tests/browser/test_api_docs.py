import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_renders_from_local_files_only(page, live_server):
    outside = []
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith(live_server.url) else outside.append(request.url)
        ),
    )
    page.goto("/api/docs/")
    page.get_by_text("/api/v1/employers/").first.wait_for()
    assert page.get_by_role("heading", name="Mobility API").is_visible()
    assert outside == []
