"""Who sees and who may send evidence: the employer of the case sends, the case's agency and
officials read, everyone else finds nothing."""

import pytest

from compliance.models import SafetyRecord, WageReport
from tests import factories
from tests.factories import months_ago
from tests.world import S, wage_body

pytestmark = pytest.mark.django_db

ENDPOINTS = ["wage-reports", "safety-records", "insurance-covers"]


@pytest.fixture
def cases(world):
    """An employed case of the owner's (Moscow) and one of the peer's (St Petersburg), each with
    a wage report, a safety record (besides its induction) and an insurance cover."""
    case_a, case_b = world.case(S.EMPLOYED), world.case(S.EMPLOYED, peer=True)
    for case in (case_a, case_b):
        factories.WageReportFactory(placement=case, month=months_ago(2))
        factories.SafetyRecordFactory(placement=case, kind="training")
        factories.InsuranceCoverFactory(placement=case)
    return {"case_a": case_a, "case_b": case_b}


def ids(response):
    return {row["placement"] for row in response.data["results"]}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("employer_a_user", {"case_a"}),
        ("employer_b_user", {"case_b"}),
        ("agency_a_user", {"case_a"}),
        ("agency_b_user", {"case_b"}),
        ("official", {"case_a", "case_b"}),
        ("official_mow", {"case_a"}),
    ],
)
def test_each_role_lists_only_the_evidence_of_its_own_cases(api, world, cases, endpoint, who, sees):
    response = api.as_user(getattr(world, who)).get(f"/api/v1/{endpoint}/")
    assert response.status_code == 200
    assert ids(response) == {cases[name].pk for name in sees}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_another_employers_evidence_is_not_found(api, world, cases, endpoint):
    owners = api.as_user(world.employer_a_user).get(f"/api/v1/{endpoint}/").data["results"]
    record = owners[0]["id"]
    assert owners[0]["placement"] == cases["case_a"].pk
    for peer in (world.employer_b_user, world.agency_b_user):
        assert api.as_user(peer).get(f"/api/v1/{endpoint}/{record}/").status_code == 404
    response = api.as_user(world.official_mow).get(f"/api/v1/{endpoint}/{record}/")
    assert response.status_code == 200


def test_an_employer_cannot_report_on_another_employers_case(api, world, cases):
    response = api.as_user(world.employer_b_user).post(
        "/api/v1/wage-reports/", wage_body(cases["case_a"], months_ago(1)), format="json"
    )
    assert response.status_code == 400
    pk = cases["case_a"].pk
    assert response.json() == {"placement": [f'Invalid pk "{pk}" - object does not exist.']}
    assert WageReport.objects.filter(placement=cases["case_a"]).count() == 1


@pytest.mark.parametrize("who", ["agency_a_user", "official"])
def test_only_the_employer_reports(api, world, cases, who):
    response = api.as_user(getattr(world, who)).post(
        "/api/v1/wage-reports/", wage_body(cases["case_a"], months_ago(1)), format="json"
    )
    assert response.status_code == 403
    assert WageReport.objects.filter(placement=cases["case_a"]).count() == 1


def test_an_agency_cannot_correct_a_report_on_its_case(api, world, cases):
    report = WageReport.objects.get(placement=cases["case_a"])
    response = api.as_user(world.agency_a_user).patch(
        f"/api/v1/wage-reports/{report.pk}/", {"hours_worked": "1"}, format="json"
    )
    assert response.status_code == 403
    response = api.as_user(world.agency_b_user).patch(
        f"/api/v1/wage-reports/{report.pk}/", {"hours_worked": "1"}, format="json"
    )
    assert response.status_code == 404
    report.refresh_from_db()
    assert report.hours_worked != 1


def test_a_user_without_a_role_sees_nothing(api, cases):
    nobody = factories.UserFactory()
    assert api.as_user(nobody).get("/api/v1/safety-records/").data["count"] == 0
    record = SafetyRecord.objects.get(placement=cases["case_a"], kind="training")
    assert api.get(f"/api/v1/safety-records/{record.pk}/").status_code == 404


def test_history_is_for_officials(api, world, cases):
    report = WageReport.objects.get(placement=cases["case_a"])
    url = f"/api/v1/wage-reports/{report.pk}/history/"
    # The employer's own report: its history is the officials' page, 404 to anyone else.
    assert api.as_user(world.employer_a_user).get(url).status_code == 404
    assert api.as_user(world.official).get(url).status_code == 200
