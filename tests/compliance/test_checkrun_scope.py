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
class World:
    moscow: Placement
    petersburg: Placement
    moscow_run: CheckRun
    petersburg_run: CheckRun
    sweep: CheckRun
    deadlines: CheckRun


@pytest.fixture
def world():
    moscow = compliant_case()
    petersburg = compliant_case(employer=factories.EmployerFactory(region="RU-SPE"))
    return World(
        moscow=moscow,
        petersburg=petersburg,
        moscow_run=engine.evaluate_placement(moscow.pk, trigger="user"),
        petersburg_run=engine.evaluate_placement(petersburg.pk, trigger="user"),
        sweep=CheckRun.objects.create(scope="all", trigger="schedule", status="finished"),
        deadlines=CheckRun.objects.create(scope="deadlines", trigger="schedule", status="finished"),
    )


def _listed(api, user, **query):
    response = api.as_user(user).get(URL, query)
    assert response.status_code == 200
    return {run["id"] for run in response.json()["results"]}


def test_an_official_of_every_region_sees_every_run(client, api, world):
    official = factories.official_user()
    everything = {
        world.moscow_run.pk,
        world.petersburg_run.pk,
        world.sweep.pk,
        world.deadlines.pk,
    }
    assert _listed(api, official) == everything
    assert _listed(api, official, placement=world.moscow.pk) == {world.moscow_run.pk}
    client.force_login(official)
    page = client.get(PAGE).content.decode()
    assert world.moscow.reference in page and world.petersburg.reference in page


def test_a_region_limited_official_sees_runs_about_cases_in_scope_and_the_sweeps(
    client, api, world
):
    official = factories.official_user(regions=["RU-SPE"])
    assert _listed(api, official) == {world.petersburg_run.pk, world.sweep.pk, world.deadlines.pk}
    client.force_login(official)
    response = client.get(PAGE)
    assert response.status_code == 200
    page = response.content.decode()
    assert world.petersburg.reference in page
    assert world.moscow.reference not in page
    assert "All cases" in page and "Deadlines" in page


def test_a_run_about_a_case_elsewhere_answers_like_one_that_does_not_exist(client, api, world):
    official = factories.official_user(regions=["RU-SPE"])
    caller = api.as_user(official)
    assert caller.get(f"{URL}{world.moscow_run.pk}/").status_code == 404
    assert caller.get(f"{URL}{world.petersburg_run.pk}/").status_code == 200
    elsewhere = caller.get(URL, {"placement": world.moscow.pk})
    missing = caller.get(URL, {"placement": 999999})
    assert elsewhere.status_code == missing.status_code == 400
    assert elsewhere.json() == missing.json()
    client.force_login(official)
    assert client.get(f"{PAGE}{world.moscow_run.pk}/progress/").status_code == 404
    assert client.get(f"{PAGE}{world.petersburg_run.pk}/progress/").status_code == 200


@pytest.mark.parametrize("make_user", [factories.agency_user, factories.employer_user])
def test_agencies_and_employers_see_no_run_even_about_their_own_cases(
    client, api, world, make_user
):
    user = make_user()
    assert not check_runs_visible_to(user).exists()
    assert api.as_user(user).get(URL).status_code == 403
    client.force_login(user)
    response = client.get(PAGE)
    assert response.status_code == 404
    assert world.moscow.reference not in response.content.decode()
    progress = client.get(f"{PAGE}{world.moscow_run.pk}/progress/")
    assert progress.status_code == 404


def test_the_owner_of_a_case_sees_no_run_about_it_either(world):
    owner = factories.employer_user(employer=world.moscow.job_order.employer)
    assert not check_runs_visible_to(owner).exists()
