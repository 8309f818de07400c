"""`/officials/checks/`: the runs with their progress, and a sweep started after a confirmation."""

import pytest

from compliance.models import CheckRun
from tests import factories
from tests.compliance.rule_helpers import compliant_case
from tests.queries import max_queries

pytestmark = pytest.mark.django_db


def test_an_official_sees_runs_with_their_progress(client, world):
    case = compliant_case()
    factories.CheckRunFactory(status="running", chunks_total=4, chunks_done=1)
    factories.CheckRunFactory.create_batch(3, placement=case, trigger="event")
    client.force_login(world.official)
    with max_queries(12):
        response = client.get("/officials/checks/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "1 of 4 parts" in page
    # Only the running sweep polls for its progress.
    assert page.count('hx-trigger="every 2s"') == 1
    assert page.count(case.reference) == 3


def test_starting_a_sweep_asks_for_confirmation_first(
    client, world, django_capture_on_commit_callbacks
):
    compliant_case()
    client.force_login(world.official)
    confirm = client.get("/officials/checks/start/")
    assert confirm.status_code == 200 and "Check every case now?" in confirm.content.decode()
    # A POST without the confirmation asks again and starts nothing.
    assert "Yes, check every case" in client.post("/officials/checks/start/").content.decode()
    assert not CheckRun.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/officials/checks/start/", {"confirm": "yes"})
    assert response.status_code == 302
    run = CheckRun.objects.get()
    assert run.status == "finished"
    progress = client.get(f"/officials/checks/{run.pk}/progress/").content.decode()
    assert "hx-trigger" not in progress
    # One case in one part, its employer, agency and worker in another.
    assert run.chunks_total == 2
    assert "2 of 2 parts" in progress


@pytest.mark.parametrize("persona", ["agency_a_user", "employer_a_user"])
def test_agencies_and_employers_cannot_open_the_checks_page(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.get("/officials/checks/").status_code == 404
    assert client.post("/officials/checks/start/").status_code == 404
    assert not CheckRun.objects.exists()


def test_a_missing_run_is_not_found(client, world):
    client.force_login(world.official)
    assert client.get("/officials/checks/999999/progress/").status_code == 404
    assert client.get("/officials/checks/99999999999999999999/progress/").status_code == 404
