"""Wage reports, safety records and insurance covers through the API: who may send and read
them, and the checks at the edge."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from compliance.models import WageReport
from tests import factories

pytestmark = pytest.mark.django_db


def months_ago(n: int) -> date:
    first = timezone.localdate().replace(day=1)
    for _ in range(n):
        first = (first - timedelta(days=1)).replace(day=1)
    return first


def employed_case(employer=None, **kwargs):
    employer = employer or factories.EmployerFactory()
    defaults = {
        "status": "employed",
        "arrival_date": months_ago(6),
        "employment_start": months_ago(6) + timedelta(days=3),
        "contract_wage_rub": Decimal("60000"),
        "contract_hours_per_week": Decimal("40"),
        "contract_start": months_ago(6),
        "contract_end": months_ago(6) + timedelta(days=365),
        "job_order": factories.JobOrderFactory(employer=employer),
    }
    return factories.PlacementFactory(**{**defaults, **kwargs})


def wage_body(placement, when, **overrides):
    body = {
        "placement": placement.pk,
        "month": f"{when:%Y-%m}",
        "gross_rub": "60000.00",
        "tax_withheld_rub": "18000.00",
        "deductions_rub": "2000.00",
        "net_paid_rub": "40000.00",
        "paid_on": (when + timedelta(days=35)).isoformat(),
        "hours_worked": "168",
        "overtime_hours": "4",
        "employer_contributions_rub": "18000.00",
    }
    body.update(overrides)
    return body


@pytest.fixture
def case():
    return employed_case()


@pytest.fixture
def employer_staff(case):
    return factories.employer_user(case.job_order.employer)


def test_employer_reports_a_month_and_reads_it_back(api, case, employer_staff):
    response = api.as_user(employer_staff).post(
        "/api/v1/wage-reports/", wage_body(case, months_ago(2)), format="json"
    )
    assert response.status_code == 201, response.data
    assert response.data["month"] == f"{months_ago(2):%Y-%m}"
    assert response.data["net_paid_rub"] == "40000.00"
    listed = api.get("/api/v1/wage-reports/", {"placement": case.pk})
    assert [r["id"] for r in listed.data["results"]] == [response.data["id"]]


def test_income_tax_defaults_to_zero(api, case, employer_staff):
    body = wage_body(case, months_ago(2), net_paid_rub="58000.00")
    del body["tax_withheld_rub"]
    response = api.as_user(employer_staff).post("/api/v1/wage-reports/", body, format="json")
    assert response.status_code == 201, response.data
    assert response.data["tax_withheld_rub"] == "0.00"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"net_paid_rub": "41000.00"}, "net_paid_rub"),
        ({"gross_rub": "-1.00"}, "gross_rub"),
        ({"deductions_rub": "-5.00"}, "deductions_rub"),
        ({"overtime_hours": "-1"}, "overtime_hours"),
        ({"employer_contributions_rub": "-1"}, "employer_contributions_rub"),
        ({"month": "2025-13"}, "month"),
        ({"month": "last month"}, "month"),
        ({"paid_on": (timezone.localdate() + timedelta(days=2)).isoformat()}, "paid_on"),
    ],
)
def test_bad_figures_are_refused_with_the_field_named(api, case, employer_staff, overrides, field):
    response = api.as_user(employer_staff).post(
        "/api/v1/wage-reports/", wage_body(case, months_ago(2), **overrides), format="json"
    )
    assert response.status_code == 400
    assert field in response.data
    assert not WageReport.objects.exists()


def test_net_must_be_gross_less_tax_and_deductions(api, case, employer_staff):
    response = api.as_user(employer_staff).post(
        "/api/v1/wage-reports/",
        wage_body(case, months_ago(2), net_paid_rub="42000.00"),
        format="json",
    )
    assert response.status_code == 400
    assert "40,000 RUB" in response.data["net_paid_rub"][0]


def test_a_future_month_is_refused(api, case, employer_staff):
    next_month = (timezone.localdate().replace(day=28) + timedelta(days=5)).replace(day=1)
    response = api.as_user(employer_staff).post(
        "/api/v1/wage-reports/",
        wage_body(case, next_month, paid_on=timezone.localdate().isoformat()),
        format="json",
    )
    assert response.status_code == 400
    assert "future" in response.data["month"][0]


def test_a_month_before_the_employment_is_refused(api, case, employer_staff):
    response = api.as_user(employer_staff).post(
        "/api/v1/wage-reports/", wage_body(case, months_ago(8)), format="json"
    )
    assert response.status_code == 400
    assert "before the employment started" in response.data["month"][0]


def test_the_month_the_employment_started_is_accepted(api, case, employer_staff):
    response = api.as_user(employer_staff).post(
        "/api/v1/wage-reports/", wage_body(case, months_ago(6)), format="json"
    )
    assert response.status_code == 201, response.data


def test_a_month_after_the_employment_ended_is_refused(api, employer_staff, case):
    case.status = "completed"
    case.end_date = months_ago(3) + timedelta(days=10)
    case.save()
    client = api.as_user(employer_staff)
    assert (
        client.post(
            "/api/v1/wage-reports/", wage_body(case, months_ago(3)), format="json"
        ).status_code
        == 201
    )
    response = client.post("/api/v1/wage-reports/", wage_body(case, months_ago(2)), format="json")
    assert response.status_code == 400
    assert "after the employment ended" in response.data["month"][0]


def test_a_case_not_yet_arrived_takes_no_wage_report(api):
    case = employed_case(status="visa_issued", employment_start=None, arrival_date=None)
    staff = factories.employer_user(case.job_order.employer)
    response = api.as_user(staff).post(
        "/api/v1/wage-reports/", wage_body(case, months_ago(2)), format="json"
    )
    assert response.status_code == 400
    assert "placement" in response.data


def test_a_second_report_for_the_same_month_is_refused_and_points_to_patch(
    api, case, employer_staff
):
    client = api.as_user(employer_staff)
    first = client.post("/api/v1/wage-reports/", wage_body(case, months_ago(2)), format="json")
    assert first.status_code == 201
    second = client.post(
        "/api/v1/wage-reports/", wage_body(case, months_ago(2), gross_rub="61000.00"), format="json"
    )
    assert second.status_code == 400
    assert "PATCH" in second.data["month"][0]
    assert WageReport.objects.get().gross_rub == Decimal("60000.00")


def test_a_correction_by_patch_keeps_the_first_figures_in_history(api, case, employer_staff):
    client = api.as_user(employer_staff)
    created = client.post("/api/v1/wage-reports/", wage_body(case, months_ago(2)), format="json")
    url = f"/api/v1/wage-reports/{created.data['id']}/"
    response = client.patch(
        url, {"gross_rub": "62000.00", "net_paid_rub": "42000.00"}, format="json"
    )
    assert response.status_code == 200, response.data
    assert response.data["gross_rub"] == "62000.00"

    official = factories.official_user()
    history = api.as_user(official).get(url + "history/")
    assert history.status_code == 200
    update = history.data[0]
    assert update["action"] == "updated"
    assert update["user"] == employer_staff.username
    change = update["changes"]["gross_rub"]
    assert Decimal(str(change["from"])) == Decimal("60000")
    assert Decimal(str(change["to"])) == Decimal("62000")


def test_a_correction_that_breaks_the_net_is_refused(api, case, employer_staff):
    client = api.as_user(employer_staff)
    created = client.post("/api/v1/wage-reports/", wage_body(case, months_ago(2)), format="json")
    response = client.patch(
        f"/api/v1/wage-reports/{created.data['id']}/", {"gross_rub": "62000.00"}, format="json"
    )
    assert response.status_code == 400
    assert "net_paid_rub" in response.data
    assert WageReport.objects.get().gross_rub == Decimal("60000.00")


def test_safety_incident_needs_a_severity_and_others_have_none(api, case, employer_staff):
    client = api.as_user(employer_staff)
    body = {"placement": case.pk, "kind": "incident", "date": months_ago(1).isoformat()}
    assert client.post("/api/v1/safety-records/", body, format="json").status_code == 400
    body["severity"] = "serious"
    body["description"] = "Fall from scaffolding"
    assert client.post("/api/v1/safety-records/", body, format="json").status_code == 201
    training = {**body, "kind": "training"}
    response = client.post("/api/v1/safety-records/", training, format="json")
    assert response.status_code == 400
    assert "severity" in response.data


def test_insurance_cover_cannot_end_before_it_starts(api, case, employer_staff):
    client = api.as_user(employer_staff)
    body = {
        "placement": case.pk,
        "kind": "dms",
        "policy_number": "DMS-1",
        "valid_from": "2026-01-01",
        "valid_until": "2025-12-31",
    }
    response = client.post("/api/v1/insurance-covers/", body, format="json")
    assert response.status_code == 400
    assert "valid_until" in response.data
    body["valid_until"] = "2026-12-31"
    assert client.post("/api/v1/insurance-covers/", body, format="json").status_code == 201


def test_a_safety_record_correction_keeps_the_incident_rules(api, case, employer_staff):
    client = api.as_user(employer_staff)
    body = {"placement": case.pk, "kind": "training", "date": months_ago(1).isoformat()}
    created = client.post("/api/v1/safety-records/", body, format="json")
    url = f"/api/v1/safety-records/{created.data['id']}/"
    assert client.patch(url, {"kind": "incident"}, format="json").status_code == 400
    response = client.patch(url, {"kind": "incident", "severity": "fatal"}, format="json")
    assert response.status_code == 200
    assert (response.data["kind"], response.data["severity"]) == ("incident", "fatal")
