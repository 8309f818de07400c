import pytest

from compliance.models import CheckRun
from tests import factories
from tests.compliance.rule_helpers import compliant_case

pytestmark = pytest.mark.django_db


def test_an_official_sees_runs_with_their_progress(client, django_assert_max_num_queries):
    case = compliant_case()
    CheckRun.objects.create(trigger="user", status="running", chunks_total=4, chunks_done=1)
    for _ in range(3):
        CheckRun.objects.create(trigger="event", placement=case, status="finished")
    client.force_login(factories.official_user())
    with django_assert_max_num_queries(12):
        response = client.get("/officials/checks/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "1 of 4 parts" in page
    assert 'hx-trigger="every 2s"' in page
    assert case.reference in page


def test_starting_a_sweep_asks_for_confirmation_first(client, django_capture_on_commit_callbacks):
    compliant_case()
    client.force_login(factories.official_user())
    confirm = client.get("/officials/checks/start/")
    assert confirm.status_code == 200
    assert not CheckRun.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/officials/checks/start/")
    assert response.status_code == 302
    run = CheckRun.objects.get()
    assert run.status == "finished"
    progress = client.get(f"/officials/checks/{run.pk}/progress/").content.decode()
    assert "hx-trigger" not in progress
    assert f"{run.chunks_total} of {run.chunks_total} parts" in progress


@pytest.mark.parametrize("make_user", [factories.agency_user, factories.employer_user])
def test_agencies_and_employers_cannot_open_the_checks_page(client, make_user):
    client.force_login(make_user())
    assert client.get("/officials/checks/").status_code == 404
    assert client.post("/officials/checks/start/").status_code == 404
    assert not CheckRun.objects.exists()


def test_a_missing_run_is_not_found(client):
    client.force_login(factories.official_user())
    assert client.get("/officials/checks/999999/progress/").status_code == 404
    assert client.get("/officials/checks/99999999999999999999/progress/").status_code == 404
