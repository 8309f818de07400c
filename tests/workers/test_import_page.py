import pytest

from tests import factories
from tests.workers.import_files import upload, workers_csv
from workers.models import Import, ImportStatus, Worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = factories.agency_user()
    client.force_login(user)
    return user


def test_agency_uploads_a_file_on_the_page_and_sees_the_result(
    client, staff, django_capture_on_commit_callbacks
):
    assert client.get("/agency/imports/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/agency/imports/", {"kind": "workers", "file": upload(workers_csv(2))}
        )
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "2 rows imported." in page.content.decode()
    assert Worker.objects.count() == 2


def test_the_page_lists_every_bad_row(client, staff, django_capture_on_commit_callbacks):
    content = workers_csv(3, row2={"sex": "Q"}, row4={"consent": "no"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/agency/imports/", {"kind": "workers", "file": upload(content)})
    page = client.get(response["Location"]).content.decode()
    assert "Nothing was imported: 2 problems were found." in page
    assert "Enter F, M or X." in page
    assert "consent to data processing is required" in page


def test_a_running_import_polls_its_progress_and_a_finished_one_reloads(client, staff):
    record = Import.objects.create(
        agency=staff.agency_membership.agency,
        kind="workers",
        file=upload(workers_csv(1)),
        status=ImportStatus.VALIDATING,
        total_rows=10_000,
        processed_rows=5_000,
    )
    running = client.get(f"/agency/imports/{record.pk}/")
    assert b'hx-trigger="every 1s"' in running.content
    assert b'value="25"' in running.content
    Import.objects.filter(pk=record.pk).update(status=ImportStatus.DONE, imported_rows=10_000)
    finished = client.get(f"/agency/imports/{record.pk}/progress/")
    assert finished["HX-Refresh"] == "true"
    assert b"hx-trigger" not in finished.content


def test_another_agency_and_employers_do_not_see_the_import(client, staff):
    record = Import.objects.create(
        agency=staff.agency_membership.agency, kind="workers", file=upload(workers_csv(1))
    )
    client.force_login(factories.agency_user())
    assert client.get(f"/agency/imports/{record.pk}/").status_code == 404
    client.force_login(factories.employer_user())
    assert client.get("/agency/imports/").status_code == 404


def test_the_page_asks_anonymous_visitors_to_sign_in(client):
    assert client.get("/agency/imports/").status_code == 302
