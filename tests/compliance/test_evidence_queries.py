"""The evidence and grievance lists cost the same number of queries however long they are, for
each persona who reads them, and list every row that persona may see."""

import pytest

from tests import factories
from tests.factories import months_ago
from tests.queries import max_queries
from tests.world import S
from workers.models import Grievance, Placement

pytestmark = pytest.mark.django_db

# Enough for the persona's role, the page of rows with what each row shows, and the count.
CEILING = 12


def grow(world, count):
    """`count` more employed cases of the owner's, each with a month's wage report, a safety
    record, an insurance cover, a grievance and a finding."""
    for _ in range(count):
        case = world.case(S.EMPLOYED)
        factories.WageReportFactory(placement=case, month=months_ago(1))
        factories.SafetyRecordFactory(placement=case)
        factories.InsuranceCoverFactory(placement=case)
        factories.GrievanceFactory(placement=case)
        factories.FindingFactory(placement=case)


def assert_flat(world, fetch, rows_of=None):
    """Five cases, then thirty: the second page costs no more queries than the first, and
    (for an API list) lists one row per case each time. `world.case` adds a safety induction
    of its own to each case, so safety records count two a case."""
    grow(world, 5)
    fetch()  # the role lookup is cached on the user after the first request
    with max_queries(CEILING) as few:
        response = fetch()
    assert response.status_code == 200
    if rows_of:
        assert response.json()["count"] == rows_of(5)
    grow(world, 25)
    with max_queries(len(few), compared_with=few):
        response = fetch()
    assert response.status_code == 200
    if rows_of:
        assert response.json()["count"] == rows_of(30)
    return response


ROWS = {
    "/api/v1/wage-reports/": lambda cases: cases,
    "/api/v1/safety-records/": lambda cases: 2 * cases,
    "/api/v1/insurance-covers/": lambda cases: cases,
}


@pytest.mark.parametrize("url", list(ROWS))
@pytest.mark.parametrize("persona", ["official", "employer_a_user", "agency_a_user"])
def test_evidence_lists_cost_the_same_queries_for_5_and_30_cases(api, world, persona, url):
    client = api.as_user(getattr(world, persona))
    assert_flat(world, lambda: client.get(url, {"page_size": 50}), ROWS[url])


@pytest.mark.parametrize("persona", ["official", "employer_a_user"])
def test_the_grievance_list_costs_the_same_queries_for_5_and_30_grievances(api, world, persona):
    client = api.as_user(getattr(world, persona))
    url = "/api/v1/grievances/"
    assert_flat(world, lambda: client.get(url, {"page_size": 50}), lambda cases: cases)


def receipts():
    return list(Grievance.objects.values_list("receipt", flat=True))


def references():
    return list(Placement.objects.values_list("reference", flat=True))


@pytest.mark.parametrize(
    ("persona", "url", "shown"),
    [
        ("official", "/officials/grievances/", receipts),
        ("employer_a_user", "/employer/findings/", references),
        ("employer_a_user", f"/employer/evidence/?month={months_ago(1):%Y-%m}", references),
    ],
)
def test_pages_cost_the_same_queries_for_5_and_30_cases(client, world, persona, url, shown):
    client.force_login(getattr(world, persona))
    page = assert_flat(world, lambda: client.get(url)).content.decode()
    missing = [text for text in shown() if text not in page]
    assert len(shown()) == 30 and missing == []


def test_the_employers_grievance_page_costs_the_same_queries_for_5_and_30(client, world):
    client.force_login(world.employer_a_user)
    page = assert_flat(world, lambda: client.get("/employer/grievances/")).content.decode()
    # Unshared, each grievance is a row that says so and names no case.
    assert page.count("Not shared with you") == 30
    assert [ref for ref in references() if ref in page] == []
