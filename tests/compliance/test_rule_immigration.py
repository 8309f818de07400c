from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from compliance.rulebook.models import Rule
from tests.compliance.rule_helpers import ON, check, check_and_sweep, compliant_case, set_parameters
from workers.models import CaseEvent

pytestmark = pytest.mark.django_db


# MVD_NOTIFICATION_OVERDUE: 3 working days. From Thursday 30 October 2025 they are 31 October,
# Saturday 1 November (worked by transfer) and 5 November (3 and 4 November were off).


def _employed_on(start, **fields):
    return compliant_case(employment_start=start, **fields)


def test_notifying_the_mvd_on_the_third_working_day_is_in_time():
    case = _employed_on(date(2025, 10, 30), mvd_notified_on=date(2025, 11, 5))
    assert "MVD_NOTIFICATION_OVERDUE" not in check(case)


def test_notifying_the_mvd_a_day_later_is_overdue():
    case = _employed_on(date(2025, 10, 30), mvd_notified_on=date(2025, 11, 6))
    finding = check(case)["MVD_NOTIFICATION_OVERDUE"]
    assert finding.evidence["figures"]["deadline"] == "2025-11-05"


def test_no_notification_is_not_overdue_on_the_deadline_but_is_the_day_after():
    case = _employed_on(date(2025, 10, 30), mvd_notified_on=None)
    assert "MVD_NOTIFICATION_OVERDUE" not in check(case, on=date(2025, 11, 5))
    assert "MVD_NOTIFICATION_OVERDUE" in check(case, on=date(2025, 11, 6))


def test_an_ended_contract_needs_a_notification_of_its_end():
    case = compliant_case(status="completed", end_date=date(2025, 11, 10))
    finding = check(case, on=date(2025, 11, 14))["MVD_NOTIFICATION_OVERDUE"]
    assert finding.evidence["figures"]["event_on"] == "2025-11-10"


# MIGRATION_REGISTRATION_OVERDUE: 7 working days after arrival on Monday 25 August 2025.


def test_registration_on_the_seventh_working_day_is_in_time():
    case = compliant_case(migration_registered_on=date(2025, 9, 3))
    assert "MIGRATION_REGISTRATION_OVERDUE" not in check(case)


def test_registration_a_day_later_is_overdue():
    case = compliant_case(migration_registered_on=date(2025, 9, 4))
    assert check(case)["MIGRATION_REGISTRATION_OVERDUE"].severity == "breach"


def test_no_registration_before_the_deadline_is_not_yet_overdue():
    case = compliant_case(
        status="arrived",
        arrival_date=date(2025, 11, 20),
        migration_registered_on=None,
        employment_start=None,
        medical_exam_on=None,
        fingerprinted_on=None,
        mvd_notified_on=None,
    )
    assert "MIGRATION_REGISTRATION_OVERDUE" not in check(case)


# The two arrival deadlines run only while the worker is in Russia.

NOTHING_RECORDED = {"migration_registered_on": None, "medical_exam_on": None}


def test_a_worker_repatriated_the_day_after_arrival_leaves_no_deadline_behind():
    """Arrived Monday 25 Aug 2025, brought home on Tuesday 26 Aug: registration was due by
    3 Sep (7 working days), the medical examination by 24 Sep (30 days); neither had come."""
    case = compliant_case(
        status="repatriated", employment_start=None, mvd_notified_on=None, **NOTHING_RECORDED
    )
    CaseEvent.objects.create(placement=case, from_status="arrived", to_status="repatriated")
    CaseEvent.objects.filter(placement=case).update(
        at=timezone.make_aware(datetime(2025, 8, 26, 12))
    )
    found = check_and_sweep(case)
    assert "MIGRATION_REGISTRATION_OVERDUE" not in found
    assert "MEDICAL_BIOMETRICS_OVERDUE" not in found


def test_a_contract_ended_on_the_registration_deadline_leaves_no_breach():
    """Registration due by Wednesday 3 Sep 2025 (25 Aug + 7 working days); the contract ended
    that day, before the deadline passed."""
    case = compliant_case(status="terminated", end_date=date(2025, 9, 3), **NOTHING_RECORDED)
    found = check_and_sweep(case)
    assert "MIGRATION_REGISTRATION_OVERDUE" not in found
    assert "MEDICAL_BIOMETRICS_OVERDUE" not in found


def test_a_contract_ended_the_day_after_the_registration_deadline_keeps_the_breach():
    """Ended Thursday 4 Sep 2025, a day after the 3 Sep deadline: overdue for that day."""
    case = compliant_case(status="terminated", end_date=date(2025, 9, 4), **NOTHING_RECORDED)
    found = check_and_sweep(case)
    assert found["MIGRATION_REGISTRATION_OVERDUE"].evidence["figures"]["deadline"] == "2025-09-03"
    assert "MEDICAL_BIOMETRICS_OVERDUE" not in found


def test_a_contract_ended_on_the_medical_deadline_or_a_day_later():
    """The examination was due by 24 Sep 2025 (25 Aug + 30 days): a contract that ended on
    24 Sep leaves no breach, one that ended on 25 Sep keeps it."""
    on_time = compliant_case(status="completed", end_date=date(2025, 9, 24), medical_exam_on=None)
    late = compliant_case(status="completed", end_date=date(2025, 9, 25), medical_exam_on=None)
    assert "MEDICAL_BIOMETRICS_OVERDUE" not in check_and_sweep(on_time)
    assert check_and_sweep(late)["MEDICAL_BIOMETRICS_OVERDUE"].evidence["figures"]["missing"] == [
        "medical examination"
    ]


# MEDICAL_BIOMETRICS_OVERDUE: 30 calendar days after arrival (by 24 September 2025).


def test_a_medical_examination_on_the_thirtieth_day_is_in_time():
    case = compliant_case(medical_exam_on=date(2025, 9, 24))
    assert "MEDICAL_BIOMETRICS_OVERDUE" not in check(case)


def test_a_medical_examination_a_day_later_is_overdue():
    case = compliant_case(medical_exam_on=date(2025, 9, 25))
    finding = check(case)["MEDICAL_BIOMETRICS_OVERDUE"]
    assert finding.evidence["figures"]["missing"] == ["medical examination"]


def test_missing_fingerprints_are_overdue_after_thirty_days():
    case = compliant_case(fingerprinted_on=None)
    assert check(case)["MEDICAL_BIOMETRICS_OVERDUE"].evidence["figures"]["missing"] == [
        "fingerprint registration"
    ]


# WORK_PERMIT_EXPIRED: a breach once expired, a warning when ending in 30 days or fewer,
# before the contract ends.


def test_a_permit_ending_in_thirty_days_before_the_contract_is_a_warning():
    """ "Within 30 days" includes day 30: 25 Nov 2025 + 30 days = 25 Dec 2025 fires."""
    case = compliant_case(work_permit_valid_until=ON + timedelta(days=30))
    finding = check_and_sweep(case)["WORK_PERMIT_EXPIRED"]
    assert finding.severity == "warning"
    assert finding.evidence["figures"]["valid_until"] == "2025-12-25"


def test_a_permit_ending_in_thirty_one_days_is_not_yet_a_warning():
    """25 Nov 2025 + 31 days = 26 Dec 2025: one day outside the 30-day notice."""
    case = compliant_case(work_permit_valid_until=ON + timedelta(days=31))
    assert "WORK_PERMIT_EXPIRED" not in check_and_sweep(case)


def test_a_permit_valid_until_today_is_not_expired():
    case = compliant_case(work_permit_valid_until=ON)
    assert check(case)["WORK_PERMIT_EXPIRED"].severity == "warning"


def test_an_expired_permit_is_a_breach():
    case = compliant_case(work_permit_valid_until=ON - timedelta(days=1))
    finding = check(case)["WORK_PERMIT_EXPIRED"]
    assert finding.severity == "breach"
    assert finding.evidence["figures"]["expired"] is True


def test_an_officials_severity_edits_apply_to_expired_and_expiring_permits():
    """The rule's severity (expired) raised to critical, severity_expiring to breach: a permit
    that ended yesterday, 24 Nov 2025, is critical; one ending on 25 Dec 2025 (day 30) a
    breach."""
    Rule.objects.filter(code="WORK_PERMIT_EXPIRED").update(severity="critical")
    set_parameters("WORK_PERMIT_EXPIRED", date(2025, 1, 1), severity_expiring="breach")
    expired = compliant_case(work_permit_valid_until=ON - timedelta(days=1))
    expiring = compliant_case(work_permit_valid_until=ON + timedelta(days=30))
    assert check_and_sweep(expired)["WORK_PERMIT_EXPIRED"].severity == "critical"
    assert check_and_sweep(expiring)["WORK_PERMIT_EXPIRED"].severity == "breach"


def test_a_permit_ending_with_the_contract_raises_no_warning():
    case = compliant_case(
        contract_end=ON + timedelta(days=10), work_permit_valid_until=ON + timedelta(days=10)
    )
    assert "WORK_PERMIT_EXPIRED" not in check(case)


def test_notifying_the_mvd_on_signing_before_the_start_is_in_time():
    case = _employed_on(date(2025, 10, 30), mvd_notified_on=date(2025, 10, 27))
    assert "MVD_NOTIFICATION_OVERDUE" not in check(case, on=date(2025, 12, 1))
