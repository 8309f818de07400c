"""Findings through the API: who sees which, the officials' moves and their reasons."""

import pytest

from compliance.models import Finding
from tests import factories
from tests.queries import max_queries
from tests.world import S

pytestmark = pytest.mark.django_db


@pytest.fixture
def findings(world):
    """A finding on an employed case of the owner's (Moscow, construction) and one on the
    peer's (St Petersburg, textiles), one about each employer and one about agency A."""
    case_a, case_b = world.case(S.EMPLOYED), world.case(S.EMPLOYED, peer=True)
    return {
        "case_a": factories.FindingFactory(placement=case_a, period="2026-05"),
        "case_b": factories.FindingFactory(code="SAFETY_INCIDENT_SERIOUS", placement=case_b),
        "employer_a": factories.FindingFactory(
            code="EMPLOYER_QUOTA_EXCEEDED", employer=world.employer_a
        ),
        "employer_b": factories.FindingFactory(code="WATCHLIST_MATCH", employer=world.employer_b),
        "agency_a": factories.FindingFactory(code="AGENCY_LICENCE_INVALID", agency=world.agency_a),
    }


def listed(api, user, **params):
    response = api.as_user(user).get("/api/v1/findings/", params)
    assert response.status_code == 200, response.data
    return {row["id"] for row in response.data["results"]}


def pks(findings, *names):
    return {findings[name].pk for name in names}


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("agency_a_user", {"case_a", "agency_a"}),
        ("agency_b_user", {"case_b"}),
        ("employer_a_user", {"case_a", "employer_a"}),
        ("employer_b_user", {"case_b", "employer_b"}),
        ("official", {"case_a", "case_b", "employer_a", "employer_b", "agency_a"}),
        ("official_mow", {"case_a", "employer_a", "agency_a"}),
    ],
)
def test_each_role_sees_only_its_own_findings(api, world, findings, who, sees):
    assert listed(api, getattr(world, who)) == pks(findings, *sees)


def test_a_finding_outside_scope_is_not_found(api, world, findings):
    other = findings["case_b"].pk
    for user in (world.agency_a_user, world.employer_a_user, world.official_mow):
        assert api.as_user(user).get(f"/api/v1/findings/{other}/").status_code == 404
        response = api.as_user(user).post(
            f"/api/v1/findings/{other}/resolve/", {"reason": "x"}, format="json"
        )
        assert response.status_code == 404
    assert Finding.objects.get(pk=other).status == "open"


def test_a_finding_reads_in_words_with_its_rule_and_source(api, world, findings):
    finding = findings["case_a"]
    data = api.as_user(world.official).get(f"/api/v1/findings/{finding.pk}/").data
    assert data["rule"] == "WAGE_UNDERPAID"
    assert data["category"] == "wages"
    assert data["status"] == "open"
    assert data["placement"] == finding.placement_id
    assert data["period"] == "2026-05"
    assert data["legal_source"].startswith("Labour Code RF")
    # The period and the evidence's figures, in words.
    assert data["message"] == "May 2026: Expected 60000.00; found 50000.00."


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"rule": "WAGE_UNDERPAID"}, {"case_a"}),
        ({"category": "safety"}, {"case_b"}),
        ({"severity": "critical"}, {"case_b", "employer_b"}),
        ({"status": "open"}, {"case_a", "case_b", "employer_a", "employer_b", "agency_a"}),
        ({"region": "RU-SPE"}, {"case_b", "employer_b"}),
        ({"sector": "construction"}, {"case_a", "employer_a"}),
        ({"period": "2026-05"}, {"case_a"}),
    ],
)
def test_officials_filter_the_findings(api, world, findings, params, expected):
    assert listed(api, world.official, **params) == pks(findings, *expected)


def test_filter_by_employer_and_agency_covers_their_cases(api, world, findings):
    official = world.official
    employer_a = pks(findings, "case_a", "employer_a")
    assert listed(api, official, employer=world.employer_a.pk) == employer_a
    assert listed(api, official, agency=world.agency_a.pk) == pks(findings, "case_a", "agency_a")
    case_b = findings["case_b"].placement_id
    assert listed(api, official, placement=case_b) == pks(findings, "case_b")


def test_an_official_acknowledges_then_resolves_with_a_reason(api, world, findings):
    finding = findings["case_a"]
    client = api.as_user(world.official)
    response = client.post(f"/api/v1/findings/{finding.pk}/acknowledge/")
    assert response.status_code == 200
    assert response.data["status"] == "acknowledged"
    response = client.post(
        f"/api/v1/findings/{finding.pk}/resolve/",
        {"reason": "Back pay received, payslip checked."},
        format="json",
    )
    assert response.status_code == 200
    assert response.data["status"] == "resolved"
    assert response.data["closed_by"] == world.official.username
    assert response.data["close_reason"] == "Back pay received, payslip checked."
    assert response.data["closed_at"]


@pytest.mark.parametrize("move", ["resolve", "waive"])
@pytest.mark.parametrize(
    "body, message",
    [
        ({}, "This field is required."),
        ({"reason": ""}, "This field may not be blank."),
        ({"reason": "   "}, "This field may not be blank."),
    ],
)
def test_resolve_and_waive_need_a_reason(api, world, findings, move, body, message):
    finding = findings["case_a"]
    response = api.as_user(world.official).post(
        f"/api/v1/findings/{finding.pk}/{move}/", body, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"reason": [message]}
    finding.refresh_from_db()
    assert finding.status == "open"


@pytest.mark.parametrize("move", ["acknowledge", "resolve", "waive"])
def test_a_closed_finding_cannot_move_again(api, world, findings, move):
    finding = findings["case_a"]
    client = api.as_user(world.official)
    assert (
        client.post(
            f"/api/v1/findings/{finding.pk}/waive/", {"reason": "Not applicable"}, format="json"
        ).status_code
        == 200
    )
    response = client.post(f"/api/v1/findings/{finding.pk}/{move}/", {"reason": "again"})
    assert response.status_code == 409
    assert response.data["allowed"] == []
    finding.refresh_from_db()
    assert (finding.status, finding.close_reason) == ("waived", "Not applicable")


@pytest.mark.parametrize("who", ["agency_a_user", "employer_a_user"])
@pytest.mark.parametrize("move", ["acknowledge", "resolve", "waive"])
def test_others_who_see_a_finding_may_not_handle_it(api, world, findings, who, move):
    finding = findings["case_a"]
    response = api.as_user(getattr(world, who)).post(
        f"/api/v1/findings/{finding.pk}/{move}/", {"reason": "We paid"}, format="json"
    )
    assert response.status_code == 403
    finding.refresh_from_db()
    assert finding.status == "open"


def test_the_finding_history_names_who_closed_it(api, world, findings):
    finding = findings["case_a"]
    client = api.as_user(world.official)
    client.post(f"/api/v1/findings/{finding.pk}/waive/", {"reason": "Seasonal"}, format="json")
    history = client.get(f"/api/v1/findings/{finding.pk}/history/").data["results"]
    assert history[0]["user"] == world.official.username
    assert history[0]["changes"]["status"] == {"from": "open", "to": "waived"}


def _grow(count):
    employer = factories.EmployerFactory()
    for _ in range(count):
        case = factories.PlacementFactory(employed=True, job_order__employer=employer)
        factories.FindingFactory(placement=case, period="2026-04")
        factories.FindingFactory(
            code="EMPLOYER_QUOTA_EXCEEDED", employer=employer, period=str(case.pk)
        )


def test_the_findings_list_costs_the_same_queries_for_5_and_30_findings(api, world):
    client = api.as_user(world.official)
    _grow(5)
    client.get("/api/v1/findings/")  # warms the actor's caches, as any earlier request would
    with max_queries(10) as few:
        assert client.get("/api/v1/findings/").data["count"] == 10
    _grow(25)
    with max_queries(len(few), compared_with=few):
        assert client.get("/api/v1/findings/").data["count"] == 60
    assert Finding.objects.count() == 60
