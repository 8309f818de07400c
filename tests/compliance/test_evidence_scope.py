"""Who sees and who may send evidence: the employer of the case sends, the case's agency and
officials read, everyone else finds nothing."""

import pytest

from compliance.models import SafetyRecord, WageReport
from tests import factories
from tests.compliance.test_evidence_api import employed_case, months_ago, wage_body

pytestmark = pytest.mark.django_db

ENDPOINTS = ["wage-reports", "safety-records", "insurance-covers"]


@pytest.fixture
def world():
    employer_a, employer_b = factories.EmployerFactory(), factories.EmployerFactory(region="RU-SPE")
    case_a = employed_case(employer_a)
    case_b = employed_case(employer_b)
    for case in (case_a, case_b):
        factories.WageReportFactory(placement=case, month=months_ago(2))
        factories.SafetyRecordFactory(placement=case)
        factories.InsuranceCoverFactory(placement=case)
    return {
        "case_a": case_a,
        "case_b": case_b,
        "employer_a": factories.employer_user(employer_a),
        "employer_b": factories.employer_user(employer_b),
        "agency_a": factories.agency_user(case_a.agency),
        "agency_b": factories.agency_user(case_b.agency),
        "official": factories.official_user(),
        "official_mow": factories.official_user(regions=["RU-MOW"]),
    }


def ids(response):
    return {row["placement"] for row in response.data["results"]}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("employer_a", {"case_a"}),
        ("employer_b", {"case_b"}),
        ("agency_a", {"case_a"}),
        ("agency_b", {"case_b"}),
        ("official", {"case_a", "case_b"}),
        ("official_mow", {"case_a"}),
    ],
)
def test_each_role_lists_only_the_evidence_of_its_own_cases(api, world, endpoint, who, sees):
    response = api.as_user(world[who]).get(f"/api/v1/{endpoint}/")
    assert response.status_code == 200
    assert ids(response) == {world[name].pk for name in sees}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_another_employers_evidence_is_not_found(api, world, endpoint):
    client = api.as_user(world["employer_a"])
    other = client.get(f"/api/v1/{endpoint}/").data["results"][0]["id"]
    response = api.as_user(world["employer_b"]).get(f"/api/v1/{endpoint}/{other}/")
    assert response.status_code == 404
    response = api.as_user(world["agency_b"]).get(f"/api/v1/{endpoint}/{other}/")
    assert response.status_code == 404
    response = api.as_user(world["official_mow"]).get(f"/api/v1/{endpoint}/{other}/")
    assert response.status_code == 200


def test_an_employer_cannot_report_on_another_employers_case(api, world):
    response = api.as_user(world["employer_b"]).post(
        "/api/v1/wage-reports/", wage_body(world["case_a"], months_ago(1)), format="json"
    )
    assert response.status_code == 400
    assert "placement" in response.data
    assert WageReport.objects.filter(placement=world["case_a"]).count() == 1


@pytest.mark.parametrize("who", ["agency_a", "official"])
def test_only_the_employer_reports(api, world, who):
    response = api.as_user(world[who]).post(
        "/api/v1/wage-reports/", wage_body(world["case_a"], months_ago(1)), format="json"
    )
    assert response.status_code == 403
    assert WageReport.objects.filter(placement=world["case_a"]).count() == 1


def test_an_agency_cannot_correct_a_report_on_its_case(api, world):
    report = WageReport.objects.get(placement=world["case_a"])
    response = api.as_user(world["agency_a"]).patch(
        f"/api/v1/wage-reports/{report.pk}/", {"hours_worked": "1"}, format="json"
    )
    assert response.status_code == 403
    response = api.as_user(world["agency_b"]).patch(
        f"/api/v1/wage-reports/{report.pk}/", {"hours_worked": "1"}, format="json"
    )
    assert response.status_code == 404


def test_a_user_without_a_role_sees_nothing(api, world):
    nobody = factories.UserFactory()
    assert api.as_user(nobody).get("/api/v1/safety-records/").data["count"] == 0
    record = SafetyRecord.objects.filter(placement=world["case_a"]).get()
    assert api.get(f"/api/v1/safety-records/{record.pk}/").status_code == 404


def test_history_is_for_officials(api, world):
    report = WageReport.objects.get(placement=world["case_a"])
    url = f"/api/v1/wage-reports/{report.pk}/history/"
    assert api.as_user(world["employer_a"]).get(url).status_code == 403
    assert api.as_user(world["official"]).get(url).status_code == 200
