import pytest

from tests.compliance.test_dashboard import employed_case, open_finding
from tests.factories import official_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_official_signs_in_and_reads_the_dashboard(page, tmp_path):
    official_user(username="inspector")
    open_finding(employed_case())
    open_finding(employed_case(region="RU-SPE", sector="textiles"), severity="critical")
    page.goto("/officials/dashboard/")
    page.fill("#id_username", "inspector")
    page.fill("#id_password", "pass-word-123")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/officials/dashboard/")
    assert page.get_by_role("heading", name="Compliance dashboard").is_visible()
    # Chart.js has drawn: the canvas got its rendered size from the script.
    page.wait_for_function(
        "document.getElementById('chart-cases-by-sector').getAttribute('width') !== null"
    )
    assert page.locator(".tile .figure").first.inner_text().startswith("2")
    page.select_option("#id_sector", "textiles")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**sector=textiles**")
    assert page.locator(".tile .figure").first.inner_text().startswith("1")
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
