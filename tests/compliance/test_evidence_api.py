"""Wage reports, safety records and insurance covers through the API: who may send and read
them, and the checks at the edge."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from compliance.checks import engine
from compliance.models import InsuranceCover, SafetyRecord, WageReport
from tests.factories import WageReportFactory, months_ago
from tests.world import S, wage_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(world):
    return world.case(S.EMPLOYED)


@pytest.fixture
def employer_staff(world):
    return world.employer_a_user


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


NOT_NEGATIVE = "Ensure this value is greater than or equal to 0."
MONTH_FORMAT = "Give the month as YYYY-MM, e.g. 2025-10."


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"net_paid_rub": "40000.01"},
            "net_paid_rub",
            "Net paid cannot exceed gross less income tax and deductions: at most 40,000 RUB, "
            "not 40,000.01 RUB.",
        ),
        (
            {"net_paid_rub": "0.00"},
            "paid_on",
            "Nothing was paid (net paid is 0), so there is no payment date.",
        ),
        ({"paid_on": None}, "paid_on", "40,000 RUB was paid: give the date it was paid."),
        ({"overtime_pay_rub": "-1"}, "overtime_pay_rub", NOT_NEGATIVE),
        (
            {"overtime_pay_rub": "60000.01"},
            "overtime_pay_rub",
            "Overtime and premium pay are part of the gross: at most 60,000 RUB.",
        ),
        (
            {"advance_paid_on": (timezone.localdate() + timedelta(days=2)).isoformat()},
            "advance_paid_on",
            "The payment date is in the future.",
        ),
        ({"gross_rub": "-1.00"}, "gross_rub", NOT_NEGATIVE),
        ({"deductions_rub": "-5.00"}, "deductions_rub", NOT_NEGATIVE),
        ({"overtime_hours": "-1"}, "overtime_hours", NOT_NEGATIVE),
        ({"employer_contributions_rub": "-1"}, "employer_contributions_rub", NOT_NEGATIVE),
        ({"month": "2025-13"}, "month", MONTH_FORMAT),
        ({"month": "last month"}, "month", MONTH_FORMAT),
        (
            {"paid_on": (timezone.localdate() + timedelta(days=2)).isoformat()},
            "paid_on",
            "The payment date is in the future.",
        ),
        (
            {"paid_on": "0001-01-01"},
            "paid_on",
            "The payment date is before the month it pays for.",
        ),
    ],
)
def test_bad_figures_are_refused_with_the_field_and_the_reason(
    api, case, employer_staff, overrides, field, message
):
    response = api.as_user(employer_staff).post(
        "/api/v1/wage-reports/", wage_body(case, months_ago(2), **overrides), format="json"
    )
    assert response.status_code == 400
    assert response.json() == {field: [message]}
    assert not WageReport.objects.exists()


def test_a_month_paid_in_part_or_not_at_all_is_accepted(api, case, employer_staff):
    """Net paid may fall short of the 40,000 owed (the rest is WAGE_UNPAID's); a month with
    nothing paid has no payment date."""
    client = api.as_user(employer_staff)
    part = client.post(
        "/api/v1/wage-reports/",
        wage_body(case, months_ago(2), net_paid_rub="39999.99", overtime_pay_rub="1500.00"),
        format="json",
    )
    assert part.status_code == 201, part.data
    assert part.data["overtime_pay_rub"] == "1500.00"
    nothing = client.post(
        "/api/v1/wage-reports/",
        wage_body(case, months_ago(1), net_paid_rub="0.00", paid_on=None),
        format="json",
    )
    assert nothing.status_code == 201, nothing.data
    assert nothing.data["paid_on"] is None
    assert nothing.data["advance_paid_on"] is None


def test_the_database_refuses_what_the_service_refuses(case):
    """The CHECK constraints hold for a bulk write that bypasses the service too."""
    for fields in (
        {"net_paid_rub": Decimal("42000.01")},  # 60,000 - 18,000 = 42,000 at most
        {"net_paid_rub": Decimal("0"), "paid_on": months_ago(1)},
        {"net_paid_rub": Decimal("100"), "paid_on": None},
        {"overtime_pay_rub": Decimal("60000.01")},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            WageReportFactory(placement=case, month=months_ago(2).replace(day=1), **fields)
    assert not WageReport.objects.exists()


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


def test_a_case_not_yet_arrived_takes_no_wage_report(api, world):
    case = world.case(S.VISA_ISSUED)
    response = api.as_user(world.employer_a_user).post(
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


def test_a_correction_by_patch_keeps_the_first_figures_in_history(api, world, case, employer_staff):
    client = api.as_user(employer_staff)
    created = client.post("/api/v1/wage-reports/", wage_body(case, months_ago(2)), format="json")
    url = f"/api/v1/wage-reports/{created.data['id']}/"
    response = client.patch(
        url, {"gross_rub": "62000.00", "net_paid_rub": "42000.00"}, format="json"
    )
    assert response.status_code == 200, response.data
    assert response.data["gross_rub"] == "62000.00"

    history = api.as_user(world.official).get(url + "history/")
    assert history.status_code == 200
    update = history.data["results"][0]
    assert update["action"] == "updated"
    assert update["user"] == employer_staff.username
    change = update["changes"]["gross_rub"]
    assert Decimal(str(change["from"])) == Decimal("60000")
    assert Decimal(str(change["to"])) == Decimal("62000")


def test_a_correction_that_leaves_more_paid_than_owed_is_refused(api, case, employer_staff):
    """40,000 paid; a gross of 59,999.99 owes 59,999.99 - 18,000 - 2,000 = 39,999.99 net."""
    client = api.as_user(employer_staff)
    created = client.post("/api/v1/wage-reports/", wage_body(case, months_ago(2)), format="json")
    response = client.patch(
        f"/api/v1/wage-reports/{created.data['id']}/", {"gross_rub": "59999.99"}, format="json"
    )
    assert response.status_code == 400
    assert "net_paid_rub" in response.data
    assert WageReport.objects.get().gross_rub == Decimal("60000.00")


INCIDENT_SEVERITY = "An incident needs its severity: minor, serious or fatal."


def test_safety_incident_needs_a_severity_and_others_have_none(api, case, employer_staff):
    client = api.as_user(employer_staff)
    body = {"placement": case.pk, "kind": "incident", "date": months_ago(1).isoformat()}
    response = client.post("/api/v1/safety-records/", body, format="json")
    assert response.status_code == 400
    assert response.json() == {"severity": [INCIDENT_SEVERITY]}
    assert not SafetyRecord.objects.filter(kind="incident").exists()
    body["severity"] = "serious"
    body["description"] = "Fall from scaffolding"
    assert client.post("/api/v1/safety-records/", body, format="json").status_code == 201
    training = {**body, "kind": "training"}
    response = client.post("/api/v1/safety-records/", training, format="json")
    assert response.status_code == 400
    assert response.json() == {"severity": ["Only incidents have a severity."]}
    assert not SafetyRecord.objects.filter(kind="training").exists()


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
    assert response.json() == {"valid_until": ["A policy cannot end before it starts."]}
    assert not InsuranceCover.objects.exists()
    body["valid_until"] = "2026-12-31"
    assert client.post("/api/v1/insurance-covers/", body, format="json").status_code == 201


def test_a_safety_record_correction_keeps_the_incident_rules(api, case, employer_staff):
    client = api.as_user(employer_staff)
    body = {"placement": case.pk, "kind": "training", "date": months_ago(1).isoformat()}
    created = client.post("/api/v1/safety-records/", body, format="json")
    url = f"/api/v1/safety-records/{created.data['id']}/"
    response = client.patch(url, {"kind": "incident"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"severity": [INCIDENT_SEVERITY]}
    assert SafetyRecord.objects.get(pk=created.data["id"]).kind == "training"
    response = client.patch(url, {"kind": "incident", "severity": "fatal"}, format="json")
    assert response.status_code == 200
    assert (response.data["kind"], response.data["severity"]) == ("incident", "fatal")


def test_a_safety_record_dated_before_2000_is_refused_and_not_counted(api, case, employer_staff):
    before = case.safety_records.count()
    body = {"placement": case.pk, "kind": "induction", "date": "0001-01-01"}
    response = api.as_user(employer_staff).post("/api/v1/safety-records/", body, format="json")
    assert response.status_code == 400
    assert response.json() == {"date": ["The date must be in 2000 or later."]}
    assert case.safety_records.count() == before


def test_a_safety_record_before_the_worker_arrived_is_refused(api, case, employer_staff):
    """An induction dated the day before arrival cannot have happened at the Russian workplace;
    the arrival day itself is accepted."""
    client = api.as_user(employer_staff)
    before = case.safety_records.count()
    body = {"placement": case.pk, "kind": "induction"}
    day_before = (case.arrival_date - timedelta(days=1)).isoformat()
    response = client.post("/api/v1/safety-records/", {**body, "date": day_before}, format="json")
    assert response.status_code == 400
    assert "before the worker arrived in Russia" in response.json()["date"][0]
    assert case.safety_records.count() == before
    arrival = case.arrival_date.isoformat()
    response = client.post("/api/v1/safety-records/", {**body, "date": arrival}, format="json")
    assert response.status_code == 201


def test_an_insurance_cover_outside_a_sane_window_is_refused(api, case, employer_staff):
    client = api.as_user(employer_staff)
    start = case.contract_start
    body = {"placement": case.pk, "kind": "dms", "policy_number": "DMS-2"}
    too_long = {
        "valid_from": start.isoformat(),
        "valid_until": start.replace(year=start.year + 5, day=1).replace(month=12, day=31),
    }
    response = client.post("/api/v1/insurance-covers/", {**body, **too_long}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "valid_until": ["A policy runs for at most five years; check the end date."]
    }
    ended_before = {
        "valid_from": (start - timedelta(days=400)).isoformat(),
        "valid_until": (start - timedelta(days=1)).isoformat(),
    }
    response = client.post("/api/v1/insurance-covers/", {**body, **ended_before}, format="json")
    assert response.status_code == 400
    assert "ended before the contract starts" in response.json()["valid_until"][0]
    ancient = {"valid_from": "0001-01-01", "valid_until": start.isoformat()}
    response = client.post("/api/v1/insurance-covers/", {**body, **ancient}, format="json")
    assert response.status_code == 400
    assert response.json()["valid_from"] == ["The date must be in 2000 or later."]
    assert not InsuranceCover.objects.filter(policy_number="DMS-2").exists()


def _open_rules(api, user, case) -> set[str]:
    response = api.as_user(user).get("/api/v1/findings/", {"placement": case.pk, "status": "open"})
    return {f["rule"] for f in response.data["results"]}


def test_tax_of_half_the_gross_is_implausible_and_an_excessive_deduction(
    api, case, employer_staff, world
):
    """A Moscow case: 30,000 "tax" on 60,000 gross is 12,000 above the 30 % ceiling (18,000),
    a deduction against a cap of 20 % × 42,000 = 8,400."""
    response = api.as_user(employer_staff).post(
        "/api/v1/wage-reports/",
        wage_body(
            case,
            months_ago(2),
            tax_withheld_rub="30000.00",
            deductions_rub="0",
            net_paid_rub="30000.00",
        ),
        format="json",
    )
    assert response.status_code == 201, response.data
    engine.evaluate_placement(case.pk, trigger="user")
    rules = _open_rules(api, world.official_mow, case)
    assert {"TAX_WITHHOLDING_IMPLAUSIBLE", "WAGE_DEDUCTIONS_EXCESSIVE"} <= rules
    assert {"TAX_WITHHOLDING_IMPLAUSIBLE", "WAGE_DEDUCTIONS_EXCESSIVE"} <= _open_rules(
        api, employer_staff, case
    )


def test_a_month_with_nothing_paid_is_unpaid_after_day_15_and_stays_owed_after_a_correction(
    api, case, employer_staff
):
    """Last month, nothing paid: on day 15 of this month it may still be paid; on day 16 it is
    WAGE_UNPAID. A PATCH with what was paid and when does not close it: the 40,000 stays owed
    until the worker confirms a payment of it (issue 13)."""
    month = months_ago(1)
    client = api.as_user(employer_staff)
    created = client.post(
        "/api/v1/wage-reports/",
        wage_body(case, month, net_paid_rub="0.00", paid_on=None),
        format="json",
    )
    assert created.status_code == 201, created.data
    day_15, day_16 = months_ago(0).replace(day=15), months_ago(0).replace(day=16)
    engine.evaluate_placement(case.pk, trigger="user", on=day_15)
    assert "WAGE_UNPAID" not in _open_rules(api, employer_staff, case)
    engine.evaluate_placement(case.pk, trigger="user", on=day_16)
    assert "WAGE_UNPAID" in _open_rules(api, employer_staff, case)
    corrected = client.patch(
        f"/api/v1/wage-reports/{created.data['id']}/",
        {"net_paid_rub": "40000.00", "paid_on": months_ago(0).isoformat()},
        format="json",
    )
    assert corrected.status_code == 200, corrected.data
    engine.evaluate_placement(case.pk, trigger="user", on=day_16)
    assert "WAGE_UNPAID" in _open_rules(api, employer_staff, case)
    owed = client.get(
        "/api/v1/entitlements/", {"placement": case.pk, "kind": "unpaid_wages"}
    ).json()["results"]
    assert [(row["kind"], row["outstanding"]) for row in owed] == [("unpaid_wages", "40000.00")]
