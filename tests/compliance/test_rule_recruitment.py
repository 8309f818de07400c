from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from django.db.models import F

from compliance.checks.verification import verify_subject
from compliance.models import Finding
from compliance.rulebook.models import Rule
from tests import factories
from tests.compliance.rule_helpers import (
    ON,
    check,
    check_and_sweep,
    compliant_case,
    open_findings,
    set_parameters,
)

pytestmark = pytest.mark.django_db


# RECRUITMENT_FEE_CHARGED: a warning for any fee, a breach above the 30,000 INR cap.


def test_no_fee_no_finding():
    assert "RECRUITMENT_FEE_CHARGED" not in check(compliant_case())


def test_a_fee_at_the_cap_is_a_warning():
    finding = check(compliant_case(recruitment_fee_inr=D("30000.00")))["RECRUITMENT_FEE_CHARGED"]
    assert finding.severity == "warning"


def test_a_fee_past_the_cap_is_a_breach():
    finding = check(compliant_case(recruitment_fee_inr=D("30000.01")))["RECRUITMENT_FEE_CHARGED"]
    assert finding.severity == "breach"


def test_raising_the_fee_past_the_cap_raises_the_open_findings_severity():
    case = compliant_case(recruitment_fee_inr=D("100"))
    first = check(case)["RECRUITMENT_FEE_CHARGED"]
    case.recruitment_fee_inr = D("50000")
    case.save()
    again = check(case)["RECRUITMENT_FEE_CHARGED"]
    assert again.pk == first.pk
    assert again.severity == "breach"


def _found_days_ago(finding, days):
    """As if the sweep had found it `days` ago, due 14 days after that."""
    ago = timedelta(days=days)
    Finding.objects.filter(pk=finding.pk).update(
        first_detected_at=F("first_detected_at") - ago,
        last_detected_at=F("last_detected_at") - ago,
        due_at=F("due_at") - ago,
    )
    finding.refresh_from_db()
    return finding


def test_a_finding_whose_severity_rises_gets_the_due_date_of_its_new_severity():
    """A 100 INR fee found as a warning 10 days ago is due in 14 - 10 = 4 days. The fee rises
    to 50,000 INR, above the cap, whose severity the official made critical: the finding is
    due 1 day after the check that saw it rise, no longer in 4 days."""
    set_parameters("RECRUITMENT_FEE_CHARGED", date(2025, 1, 1), severity_above_cap="critical")
    case = compliant_case(recruitment_fee_inr=D("100"))
    warning = _found_days_ago(check(case)["RECRUITMENT_FEE_CHARGED"], 10)
    assert warning.due_at == warning.first_detected_at + timedelta(days=14)
    case.recruitment_fee_inr = D("50000")
    case.save()
    critical = check(case)["RECRUITMENT_FEE_CHARGED"]
    assert (critical.pk, critical.severity) == (warning.pk, "critical")
    assert critical.due_at == critical.last_detected_at + timedelta(days=1)


def test_a_finding_whose_severity_falls_keeps_its_due_date():
    """A 50,000 INR fee is a breach due 14 days after it was found; the official lowers the
    second severity to a warning: the finding says warning and stays due when it was."""
    case = compliant_case(recruitment_fee_inr=D("50000"))
    breach = _found_days_ago(check(case)["RECRUITMENT_FEE_CHARGED"], 10)
    set_parameters("RECRUITMENT_FEE_CHARGED", date(2025, 1, 1), severity_above_cap="warning")
    warning = check(case)["RECRUITMENT_FEE_CHARGED"]
    assert (warning.pk, warning.severity) == (breach.pk, "warning")
    assert warning.due_at == breach.due_at


def test_an_officials_severity_edits_apply_to_both_sides_of_the_cap(api):
    """The official makes a fee under the cap a breach (the rule's severity) and one above it
    critical (severity_above_cap): 30,000 INR is at the cap, 30,000.01 above it."""
    rule = Rule.objects.get(code="RECRUITMENT_FEE_CHARGED")
    client = api.as_user(factories.official_user())
    assert client.patch(f"/api/v1/rules/{rule.pk}/", {"severity": "breach"}).status_code == 200
    response = client.post(
        f"/api/v1/rules/{rule.pk}/parameters/",
        {"effective_from": "2024-01-01", "values": {"severity_above_cap": "critical"}},
        format="json",
    )
    assert response.json()["values"] == {"cap_inr": 30000, "severity_above_cap": "critical"}
    at_cap = compliant_case(recruitment_fee_inr=D("30000.00"))
    above = compliant_case(recruitment_fee_inr=D("30000.01"))
    assert check_and_sweep(at_cap)["RECRUITMENT_FEE_CHARGED"].severity == "breach"
    assert check_and_sweep(above)["RECRUITMENT_FEE_CHARGED"].severity == "critical"


def test_a_second_severity_that_is_no_severity_is_refused(api):
    rule = Rule.objects.get(code="RECRUITMENT_FEE_CHARGED")
    response = api.as_user(factories.official_user()).post(
        f"/api/v1/rules/{rule.pk}/parameters/",
        {"effective_from": "2027-01-01", "values": {"severity_above_cap": "grave"}},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "values": ["severity_above_cap must be one of info, warning, breach, critical."]
    }


# AGENCY_LICENCE_INVALID


def _agency_case(**agency_fields):
    agency = factories.AgencyFactory(**agency_fields)
    worker = factories.WorkerFactory(agency=agency)
    compliant_case(worker=worker, agency=agency)
    verify_subject("agency", agency.pk, on=ON)
    return agency


def test_a_licence_valid_until_today_is_valid():
    agency = _agency_case(licence_valid_until=ON)
    assert "AGENCY_LICENCE_INVALID" not in open_findings(agency=agency)


def test_a_licence_that_expired_yesterday_is_invalid():
    agency = _agency_case(licence_valid_until=date(2025, 11, 24))
    finding = open_findings(agency=agency)["AGENCY_LICENCE_INVALID"]
    assert finding.subject_key == f"agency:{agency.pk}"
    assert finding.evidence["figures"]["active_cases"] == 1


def test_a_suspended_agency_with_cases_in_progress_is_flagged():
    agency = _agency_case(status="suspended")
    assert "AGENCY_LICENCE_INVALID" in open_findings(agency=agency)


# EMPLOYER_NOT_APPROVED and EMPLOYER_QUOTA_EXCEEDED


def test_an_approved_employer_is_fine():
    employer = factories.EmployerFactory()
    compliant_case(employer=employer)
    verify_subject("employer", employer.pk, on=ON)
    assert open_findings(employer=employer) == {}


def test_a_suspended_employer_with_accepted_cases_is_flagged():
    employer = factories.EmployerFactory(sponsorship_status="suspended")
    compliant_case(employer=employer)
    verify_subject("employer", employer.pk, on=ON)
    assert "EMPLOYER_NOT_APPROVED" in open_findings(employer=employer)


def test_workers_up_to_the_quota_are_allowed_and_one_more_is_not():
    employer = factories.EmployerFactory(quota=1)
    compliant_case(employer=employer)
    verify_subject("employer", employer.pk, on=ON)
    assert "EMPLOYER_QUOTA_EXCEEDED" not in open_findings(employer=employer)
    compliant_case(employer=employer)
    verify_subject("employer", employer.pk, on=ON)
    finding = open_findings(employer=employer)["EMPLOYER_QUOTA_EXCEEDED"]
    assert finding.evidence["figures"] == {"quota": 1, "active_cases": 2}
