"""Check runs follow the case scope: a region-limited official reads the runs about cases in
their regions and the runs over every case, never the reference of a case elsewhere."""

from dataclasses import dataclass

import pytest

from compliance.checks import engine
from compliance.checks.selectors import check_runs_visible_to
from compliance.models import CheckRun
from tests import factories
from tests.compliance.rule_helpers import compliant_case
from workers.models import Placement

pytestmark = pytest.mark.django_db
URL = "/api/v1/check-runs/"
PAGE = "/officials/checks/"


@dataclass
class Runs:
    moscow: Placement
    petersburg: Placement
    moscow_run: CheckRun
    petersburg_run: CheckRun
    sweep: CheckRun
    deadlines: CheckRun


@pytest.fixture
def runs(world):
    """A check of the owner's case in Moscow, one of the peer's in St Petersburg, a sweep over
    every case and an hourly deadlines run."""
    moscow = compliant_case(job_order=world.job_a, worker__agency=world.agency_a)
    petersburg = compliant_case(job_order=world.job_b, worker__agency=world.agency_b)
    return Runs(
        moscow=moscow,
        petersburg=petersburg,
        moscow_run=engine.evaluate_placement(moscow.pk, trigger="user"),
        petersburg_run=engine.evaluate_placement(petersburg.pk, trigger="user"),
        sweep=factories.CheckRunFactory(trigger="schedule"),
        deadlines=factories.CheckRunFactory(scope="deadlines", trigger="schedule"),
    )


def _listed(api, user, **query):
    response = api.as_user(user).get(URL, query)
    assert response.status_code == 200
    return {run["id"] for run in response.json()["results"]}


def test_an_official_of_every_region_sees_every_run(client, api, world, runs):
    official = world.official
    everything = {
        runs.moscow_run.pk,
        runs.petersburg_run.pk,
        runs.sweep.pk,
        runs.deadlines.pk,
    }
    assert _listed(api, official) == everything
    assert _listed(api, official, placement=runs.moscow.pk) == {runs.moscow_run.pk}
    client.force_login(official)
    page = client.get(PAGE).content.decode()
    assert runs.moscow.reference in page and runs.petersburg.reference in page


def test_a_region_limited_official_sees_runs_about_cases_in_scope_and_the_sweeps(
    client, api, world, runs
):
    official = world.official_mow
    assert _listed(api, official) == {runs.moscow_run.pk, runs.sweep.pk, runs.deadlines.pk}
    client.force_login(official)
    response = client.get(PAGE)
    assert response.status_code == 200
    page = response.content.decode()
    assert runs.moscow.reference in page
    assert runs.petersburg.reference not in page
    assert "All cases" in page and "Deadlines" in page


def test_a_run_about_a_case_elsewhere_answers_like_one_that_does_not_exist(
    client, api, world, runs
):
    official = world.official_mow
    caller = api.as_user(official)
    assert caller.get(f"{URL}{runs.petersburg_run.pk}/").status_code == 404
    assert caller.get(f"{URL}{runs.moscow_run.pk}/").status_code == 200
    elsewhere = caller.get(URL, {"placement": runs.petersburg.pk})
    missing = caller.get(URL, {"placement": 999999})
    assert elsewhere.status_code == missing.status_code == 400
    assert elsewhere.json() == missing.json()
    client.force_login(official)
    assert client.get(f"{PAGE}{runs.petersburg_run.pk}/progress/").status_code == 404
    assert client.get(f"{PAGE}{runs.moscow_run.pk}/progress/").status_code == 200


@pytest.mark.parametrize("persona", ["agency_a_user", "employer_a_user"])
def test_agencies_and_employers_see_no_run_even_about_their_own_cases(
    client, api, world, runs, persona
):
    # The Moscow case is agency A's, on employer A's job order.
    user = getattr(world, persona)
    assert not check_runs_visible_to(user).exists()
    assert api.as_user(user).get(URL).status_code == 403
    client.force_login(user)
    response = client.get(PAGE)
    assert response.status_code == 404
    assert runs.moscow.reference not in response.content.decode()
    progress = client.get(f"{PAGE}{runs.moscow_run.pk}/progress/")
    assert progress.status_code == 404
