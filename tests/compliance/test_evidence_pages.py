"""The employer's wage and hours form, the month's CSV upload, and the safety and insurance
forms."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from compliance.models import InsuranceCover, SafetyRecord, WageReport
from tests import factories
from tests.factories import months_ago
from tests.world import S

pytestmark = pytest.mark.django_db

FORM = {
    "gross_rub": "60000",
    "tax_withheld_rub": "18000",
    "deductions_rub": "2000",
    "net_paid_rub": "40000",
    "hours_worked": "168",
    "overtime_hours": "0",
    "employer_contributions_rub": "18000",
}


@pytest.fixture
def staff(client, world):
    client.force_login(world.employer_a_user)
    return world.employer_a_user


def test_the_month_overview_shows_who_is_reported(client, staff, world):
    reported, missing = world.case(S.EMPLOYED), world.case(S.EMPLOYED)
    factories.WageReportFactory(placement=reported, month=months_ago(1))
    text = client.get("/employer/evidence/", {"month": f"{months_ago(1):%Y-%m}"}).content.decode()
    assert reported.reference in text and missing.reference in text
    assert "not reported" in text


def test_the_wage_form_reports_then_corrects_a_month(client, staff, world):
    case = world.case(S.EMPLOYED)
    url = f"/employer/evidence/{case.pk}/wages/{months_ago(1):%Y-%m}/"
    body = {**FORM, "paid_on": months_ago(0).isoformat()}
    assert client.post(url, body).status_code == 302
    assert WageReport.objects.get().gross_rub == Decimal("60000")
    page = client.get(url).content.decode()
    assert "Correct the wage report" in page
    assert (
        client.post(url, {**body, "gross_rub": "61000", "net_paid_rub": "41000"}).status_code == 302
    )
    assert WageReport.objects.get().gross_rub == Decimal("61000")


def test_the_wage_form_names_a_wrong_net(client, staff, world):
    case = world.case(S.EMPLOYED)
    url = f"/employer/evidence/{case.pk}/wages/{months_ago(1):%Y-%m}/"
    paid = months_ago(0).isoformat()
    response = client.post(url, {**FORM, "net_paid_rub": "40000.01", "paid_on": paid})
    assert response.status_code == 400
    assert "Net paid cannot exceed gross less income tax and deductions" in (
        response.content.decode()
    )
    assert not WageReport.objects.exists()


def test_the_wage_form_takes_an_unpaid_month_and_the_new_figures(client, staff, world):
    """Nothing paid yet: no payment date; the advance date and overtime pay are optional."""
    case = world.case(S.EMPLOYED)
    url = f"/employer/evidence/{case.pk}/wages/{months_ago(1):%Y-%m}/"
    body = {**FORM, "net_paid_rub": "0", "paid_on": "", "overtime_pay_rub": "2500"}
    assert client.post(url, body).status_code == 302
    report = WageReport.objects.get()
    assert (report.paid_on, report.advance_paid_on) == (None, None)
    assert report.overtime_pay_rub == Decimal("2500")
    assert "Not paid" in client.get(f"/employer/evidence/{case.pk}/").content.decode()


def test_another_employers_case_is_not_found(client, staff, world):
    other = world.case(S.EMPLOYED, peer=True)
    assert client.get(f"/employer/evidence/{other.pk}/").status_code == 404
    url = f"/employer/evidence/{other.pk}/wages/{months_ago(1):%Y-%m}/"
    assert client.post(url, {**FORM, "paid_on": months_ago(0).isoformat()}).status_code == 404
    assert not WageReport.objects.exists()


def test_an_official_cannot_use_the_employer_forms(client, world):
    case = world.case(S.EMPLOYED)
    client.force_login(world.official)
    assert client.get(f"/employer/evidence/{case.pk}/").status_code == 404


def test_safety_and_insurance_forms_record_evidence(client, staff, world):
    case = world.case(S.EMPLOYED)
    response = client.post(
        f"/employer/evidence/{case.pk}/safety/",
        {"kind": "incident", "date": months_ago(1).isoformat(), "severity": ""},
    )
    assert response.status_code == 400
    assert "An incident needs its severity" in response.content.decode()
    assert not SafetyRecord.objects.filter(kind="incident").exists()
    client.post(
        f"/employer/evidence/{case.pk}/safety/",
        {"kind": "incident", "date": months_ago(1).isoformat(), "severity": "minor"},
    )
    assert SafetyRecord.objects.get(kind="incident").severity == "minor"
    client.post(
        f"/employer/evidence/{case.pk}/insurance/",
        {
            "kind": "dms",
            "policy_number": "DMS-77",
            "valid_from": months_ago(6).isoformat(),
            "valid_until": months_ago(0).replace(year=months_ago(0).year + 1).isoformat(),
        },
    )
    assert InsuranceCover.objects.get().policy_number == "DMS-77"
    text = client.get(f"/employer/evidence/{case.pk}/").content.decode()
    assert "DMS-77" in text and "Minor" in text


def csv_file(lines):
    return SimpleUploadedFile("wages.csv", ("\ufeff" + "\n".join(lines)).encode(), "text/csv")


HEADER = (
    "reference,gross_rub,tax_withheld_rub,deductions_rub,net_paid_rub,paid_on,hours_worked,"
    "overtime_hours,employer_contributions_rub"
)


def test_a_clean_csv_imports_every_row(client, staff, world):
    first, second = world.case(S.EMPLOYED), world.case(S.EMPLOYED)
    paid = months_ago(0).isoformat()
    lines = [
        HEADER,
        f"{first.reference},60000,18000,2000,40000,{paid},168,0,18000",
        f"{second.reference.lower()},55000,0,0,55000,{paid},160,4,",
    ]
    response = client.post(
        "/employer/evidence/upload/",
        {"month": f"{months_ago(1):%Y-%m}", "file": csv_file(lines)},
    )
    assert response.status_code == 302
    assert WageReport.objects.count() == 2
    assert WageReport.objects.get(placement=second).employer_contributions_rub is None


def test_one_bad_row_imports_nothing_and_every_bad_row_is_named(client, staff, world):
    good, bad = world.case(S.EMPLOYED), world.case(S.EMPLOYED)
    stranger = world.case(S.EMPLOYED, peer=True)
    paid = months_ago(0).isoformat()
    lines = [
        HEADER,
        f"{good.reference},60000,18000,2000,40000,{paid},168,0,18000",
        f"{bad.reference},60000,18000,2000,41000,{paid},168,0,18000",
        f"{stranger.reference},60000,18000,2000,40000,{paid},168,0,18000",
        f"{good.reference},1,0,0,1,{paid},1,0,0",
        f"NOT-A-REF,-5,0,0,0,{paid},1,0,0",
    ]
    response = client.post(
        "/employer/evidence/upload/",
        {"month": f"{months_ago(1):%Y-%m}", "file": csv_file(lines)},
    )
    assert response.status_code == 400
    assert not WageReport.objects.exists()
    errors = {(e.row, e.column) for e in response.context["errors"]}
    assert {(3, "net_paid_rub"), (4, "reference"), (5, "reference"), (6, "reference")} <= errors


def test_a_csv_with_missing_columns_is_refused(client, staff, world):
    response = client.post(
        "/employer/evidence/upload/",
        {"month": f"{months_ago(1):%Y-%m}", "file": csv_file(["reference,gross_rub", "x,1"])},
    )
    assert response.status_code == 400
    columns = {e.column for e in response.context["errors"]}
    assert columns >= {"net_paid_rub", "hours_worked"}
    assert "paid_on" not in columns


def test_a_csv_takes_unpaid_months_advances_and_overtime_pay(client, staff, world):
    paid, unpaid = world.case(S.EMPLOYED), world.case(S.EMPLOYED)
    month = months_ago(1)
    lines = [
        "reference,gross_rub,tax_withheld_rub,deductions_rub,net_paid_rub,paid_on,"
        "advance_paid_on,hours_worked,overtime_hours,overtime_pay_rub",
        f"{paid.reference},60000,18000,0,42000,{months_ago(0).isoformat()},"
        f"{month.replace(day=15).isoformat()},168,10,5000",
        f"{unpaid.reference},60000,18000,0,0,,,168,0,",
    ]
    response = client.post(
        "/employer/evidence/upload/", {"month": f"{month:%Y-%m}", "file": csv_file(lines)}
    )
    assert response.status_code == 302
    first = WageReport.objects.get(placement=paid)
    assert first.advance_paid_on == month.replace(day=15)
    assert first.overtime_pay_rub == Decimal("5000")
    second = WageReport.objects.get(placement=unpaid)
    assert (second.paid_on, second.net_paid_rub, second.overtime_pay_rub) == (None, 0, None)


def test_the_case_page_lists_its_open_findings_in_words(client, staff, world):
    case = world.case(S.EMPLOYED)
    factories.FindingFactory(
        placement=case, evidence={"expected": "60,000 RUB", "actual": "50,000 RUB"}
    )
    text = client.get(f"/employer/evidence/{case.pk}/").content.decode()
    assert "Open findings on this case" in text and "50,000 RUB" in text
