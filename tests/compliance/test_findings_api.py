"""Findings through the API: who sees which, the officials' moves and their reasons."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from compliance.models import Finding
from tests import factories
from tests.compliance.finding_helpers import make_finding
from tests.compliance.test_evidence_api import employed_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    employer_a = factories.EmployerFactory(region="RU-MOW", sector="construction")
    employer_b = factories.EmployerFactory(region="RU-SPE", sector="textiles")
    case_a, case_b = employed_case(employer_a), employed_case(employer_b)
    findings = {
        "case_a": make_finding(placement=case_a, period="2026-05"),
        "case_b": make_finding(code="SAFETY_INCIDENT_SERIOUS", placement=case_b),
        "employer_a": make_finding(code="EMPLOYER_QUOTA_EXCEEDED", employer=employer_a),
        "employer_b": make_finding(code="WATCHLIST_MATCH", employer=employer_b),
        "agency_a": make_finding(code="AGENCY_LICENCE_INVALID", agency=case_a.agency),
    }
    return {
        "findings": findings,
        "case_a": case_a,
        "case_b": case_b,
        "employer_a": factories.employer_user(employer_a),
        "employer_b": factories.employer_user(employer_b),
        "agency_a": factories.agency_user(case_a.agency),
        "agency_b": factories.agency_user(case_b.agency),
        "official": factories.official_user(),
        "official_mow": factories.official_user(regions=["RU-MOW"]),
    }


def listed(api, user, **params):
    response = api.as_user(user).get("/api/v1/findings/", params)
    assert response.status_code == 200, response.data
    return {row["id"] for row in response.data["results"]}


def pks(world, *names):
    return {world["findings"][name].pk for name in names}


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("agency_a", {"case_a", "agency_a"}),
        ("agency_b", {"case_b"}),
        ("employer_a", {"case_a", "employer_a"}),
        ("employer_b", {"case_b", "employer_b"}),
        ("official", {"case_a", "case_b", "employer_a", "employer_b", "agency_a"}),
        ("official_mow", {"case_a", "employer_a", "agency_a"}),
    ],
)
def test_each_role_sees_only_its_own_findings(api, world, who, sees):
    assert listed(api, world[who]) == pks(world, *sees)


def test_a_finding_outside_scope_is_not_found(api, world):
    other = world["findings"]["case_b"].pk
    for who in ("agency_a", "employer_a", "official_mow"):
        assert api.as_user(world[who]).get(f"/api/v1/findings/{other}/").status_code == 404
        response = api.as_user(world[who]).post(
            f"/api/v1/findings/{other}/resolve/", {"reason": "x"}, format="json"
        )
        assert response.status_code == 404


def test_a_finding_reads_in_words_with_its_rule_and_source(api, world):
    finding = world["findings"]["case_a"]
    data = api.as_user(world["official"]).get(f"/api/v1/findings/{finding.pk}/").data
    assert data["rule"] == "WAGE_UNDERPAID"
    assert data["category"] == "wages"
    assert data["status"] == "open"
    assert data["placement"] == world["case_a"].pk
    assert data["period"] == "2026-05"
    assert data["legal_source"].startswith("Labour Code RF")
    assert len(data["message"]) > 20 and data["message"].endswith(".")


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
def test_officials_filter_the_findings(api, world, params, expected):
    assert listed(api, world["official"], **params) == pks(world, *expected)


def test_filter_by_employer_and_agency_covers_their_cases(api, world):
    employer_id = world["case_a"].job_order.employer_id
    assert listed(api, world["official"], employer=employer_id) == pks(
        world, "case_a", "employer_a"
    )
    assert listed(api, world["official"], agency=world["case_a"].agency_id) == pks(
        world, "case_a", "agency_a"
    )
    assert listed(api, world["official"], placement=world["case_b"].pk) == pks(world, "case_b")


def test_an_official_acknowledges_then_resolves_with_a_reason(api, world):
    finding = world["findings"]["case_a"]
    client = api.as_user(world["official"])
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
    assert response.data["closed_by"] == world["official"].username
    assert response.data["close_reason"] == "Back pay received, payslip checked."
    assert response.data["closed_at"]


@pytest.mark.parametrize("move", ["resolve", "waive"])
@pytest.mark.parametrize("body", [{}, {"reason": ""}, {"reason": "   "}])
def test_resolve_and_waive_need_a_reason(api, world, move, body):
    finding = world["findings"]["case_a"]
    response = api.as_user(world["official"]).post(
        f"/api/v1/findings/{finding.pk}/{move}/", body, format="json"
    )
    assert response.status_code == 400
    assert "reason" in response.data
    finding.refresh_from_db()
    assert finding.status == "open"


@pytest.mark.parametrize("move", ["acknowledge", "resolve", "waive"])
def test_a_closed_finding_cannot_move_again(api, world, move):
    finding = world["findings"]["case_a"]
    client = api.as_user(world["official"])
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


@pytest.mark.parametrize("who", ["agency_a", "employer_a"])
@pytest.mark.parametrize("move", ["acknowledge", "resolve", "waive"])
def test_others_who_see_a_finding_may_not_handle_it(api, world, who, move):
    finding = world["findings"]["case_a"]
    response = api.as_user(world[who]).post(
        f"/api/v1/findings/{finding.pk}/{move}/", {"reason": "We paid"}, format="json"
    )
    assert response.status_code == 403
    finding.refresh_from_db()
    assert finding.status == "open"


def test_the_finding_history_names_who_closed_it(api, world):
    finding = world["findings"]["case_a"]
    client = api.as_user(world["official"])
    client.post(f"/api/v1/findings/{finding.pk}/waive/", {"reason": "Seasonal"}, format="json")
    history = client.get(f"/api/v1/findings/{finding.pk}/history/").data
    assert history[0]["user"] == world["official"].username
    assert history[0]["changes"]["status"] == {"from": "open", "to": "waived"}


def _grow(count):
    employer = factories.EmployerFactory()
    for _ in range(count):
        case = employed_case(employer)
        make_finding(placement=case, period="2026-04")
        make_finding(code="EMPLOYER_QUOTA_EXCEEDED", employer=employer, period=str(case.pk))


def test_the_findings_list_costs_the_same_queries_for_5_and_30_findings(
    api, django_assert_max_num_queries
):
    official = factories.official_user()
    client = api.as_user(official)
    _grow(5)
    client.get("/api/v1/findings/")  # warms the actor's caches, as any earlier request would
    with CaptureQueriesContext(connection) as small:
        assert client.get("/api/v1/findings/").data["count"] == 10
    _grow(25)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get("/api/v1/findings/").data["count"] == 60
    assert Finding.objects.count() == 60
