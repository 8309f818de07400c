from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from compliance.findings.wording import describe
from compliance.rulebook.models import Rule
from tests.compliance.rule_helpers import ON, check, check_and_sweep, compliant_case, set_parameters
from workers.models import CaseEvent

pytestmark = pytest.mark.django_db


# MVD_NOTIFICATION_OVERDUE: 3 working days for each notice. From Thursday 30 October 2025 they
# are 31 October, Saturday 1 November (worked by transfer) and 5 November (3 and 4 November were
# off). From Monday 10 November 2025: 11, 12 and 13 November.

MVD = "MVD_NOTIFICATION_OVERDUE"


def _employed_on(start, **fields):
    return compliant_case(employment_start=start, **fields)


def _ended_on(end, **fields):
    """A contract completed on `end`; its start (1 Sep 2025) was notified on 2 Sep, in time."""
    return compliant_case(status="completed", end_date=end, **fields)


def test_notifying_the_mvd_of_the_start_on_the_third_working_day_is_in_time():
    """Start 30 Oct 2025 + 3 working days = 5 Nov (1 Nov worked, 3-4 Nov off)."""
    case = _employed_on(date(2025, 10, 30), mvd_start_notified_on=date(2025, 11, 5))
    assert MVD not in check_and_sweep(case)


def test_notifying_the_mvd_of_the_start_a_day_later_is_overdue():
    """6 Nov 2025 is a day after the 5 Nov deadline."""
    case = _employed_on(date(2025, 10, 30), mvd_start_notified_on=date(2025, 11, 6))
    figures = check_and_sweep(case)[MVD].evidence["figures"]
    assert figures["missing"] == ["start"]
    assert figures["notices"] == [
        {
            "notice": "start",
            "event_on": "2025-10-30",
            "deadline": "2025-11-05",
            "recorded_on": "2025-11-06",
        }
    ]


def test_no_start_notice_is_not_overdue_on_the_deadline_but_is_the_day_after():
    """Nothing recorded: on 5 Nov 2025 (the deadline) it is still in time; on 6 Nov overdue."""
    case = _employed_on(date(2025, 10, 30), mvd_start_notified_on=None)
    assert MVD not in check_and_sweep(case, on=date(2025, 11, 5))
    assert check_and_sweep(case, on=date(2025, 11, 6))[MVD].evidence["figures"]["missing"] == [
        "start"
    ]


def test_notifying_the_mvd_on_signing_before_the_start_is_in_time():
    case = _employed_on(date(2025, 10, 30), mvd_start_notified_on=date(2025, 10, 27))
    assert MVD not in check_and_sweep(case, on=date(2025, 12, 1))


def test_an_ended_contract_without_its_end_notice_is_overdue_after_the_third_working_day():
    """Ended Monday 10 Nov 2025: the end notice is due by Thursday 13 Nov; the start was
    notified in time, so only the end is named."""
    case = _ended_on(date(2025, 11, 10))
    assert MVD not in check_and_sweep(case, on=date(2025, 11, 13))
    finding = check_and_sweep(case, on=date(2025, 11, 14))[MVD]
    assert finding.evidence["figures"]["missing"] == ["end"]
    assert finding.evidence["figures"]["notices"][0]["deadline"] == "2025-11-13"


def test_the_end_notice_on_the_third_working_day_is_in_time_and_keeps_the_start_notice():
    """End 10 Nov 2025, notified 13 Nov: in time; the start's own date stays as recorded."""
    case = _ended_on(date(2025, 11, 10), mvd_end_notified_on=date(2025, 11, 13))
    assert MVD not in check_and_sweep(case)
    case.refresh_from_db()
    assert case.mvd_start_notified_on == date(2025, 9, 2)


def test_the_end_notice_a_day_late_is_overdue():
    case = _ended_on(date(2025, 11, 10), mvd_end_notified_on=date(2025, 11, 14))
    assert check_and_sweep(case)[MVD].evidence["figures"]["notices"][0]["recorded_on"] == (
        "2025-11-14"
    )


def test_a_late_start_is_not_hidden_by_a_timely_end_notice():
    """Start 1 Sep 2025 (due by 4 Sep) notified only on 10 Sep; the end of 10 Nov notified on
    11 Nov, in time: the one date field would have held only the end and let the start go."""
    case = _ended_on(
        date(2025, 11, 10),
        mvd_start_notified_on=date(2025, 9, 10),
        mvd_end_notified_on=date(2025, 11, 11),
    )
    assert check_and_sweep(case)[MVD].evidence["figures"]["missing"] == ["start"]


def test_both_notices_missing_make_one_finding_that_names_both():
    case = _ended_on(date(2025, 11, 10), mvd_start_notified_on=None)
    finding = check_and_sweep(case)[MVD]
    assert finding.evidence["figures"]["missing"] == ["start", "end"]
    text = describe(finding)
    assert "was not notified of the employment start of 1 September 2025" in text
    assert "was not notified of the end of the contract on 10 November 2025" in text
    assert "by 13 November 2025" in text


def test_a_repatriation_ends_the_contract_and_starts_the_end_notices_clock():
    """Repatriated on 10 Nov 2025 (its end date) after working since 1 Sep: the end notice
    was due by 13 Nov."""
    case = compliant_case(status="repatriated", end_date=date(2025, 11, 10))
    assert check_and_sweep(case)[MVD].evidence["figures"]["missing"] == ["end"]


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
        mvd_start_notified_on=None,
    )
    assert "MIGRATION_REGISTRATION_OVERDUE" not in check(case)


# The two arrival deadlines run only while the worker is in Russia.

NOTHING_RECORDED = {"migration_registered_on": None, "medical_exam_on": None}


def test_a_worker_repatriated_the_day_after_arrival_leaves_no_deadline_behind():
    """Arrived Monday 25 Aug 2025, brought home on Tuesday 26 Aug: registration was due by
    3 Sep (7 working days), the medical examination by 24 Sep (30 days); neither had come."""
    case = compliant_case(
        status="repatriated", employment_start=None, mvd_start_notified_on=None, **NOTHING_RECORDED
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


# WORK_PERMIT_MISMATCH: the job's work region and occupation against the permit's. The
# compliant case works in Moscow as a bricklayer (7112) with a permit of Moscow for 7112.

MISMATCH = "WORK_PERMIT_MISMATCH"


def test_a_permit_of_another_region_is_a_breach():
    case = compliant_case(work_permit_region="RU-MOS")
    finding = check_and_sweep(case)[MISMATCH]
    assert finding.severity == "breach"
    figures = finding.evidence["figures"]
    assert figures["differs"] == ["region"]
    assert (figures["permit_region"], figures["work_region"]) == ("RU-MOS", "RU-MOW")
    assert "is in Moscow, but the work permit is valid only in Moscow Oblast" in describe(finding)


def test_a_permit_for_another_occupation_is_a_breach():
    case = compliant_case(work_permit_occupation="9313")
    finding = check_and_sweep(case)[MISMATCH]
    assert finding.evidence["figures"]["differs"] == ["occupation"]
    assert "but the work permit is for" in describe(finding)
    assert "for Building construction labourers" in describe(finding)


def test_a_permit_of_the_jobs_region_and_occupation_is_not_a_finding():
    assert MISMATCH not in check_and_sweep(compliant_case())


def test_a_permit_recorded_before_its_region_was_asked_for_is_not_judged():
    """Old data: no permit region (and no occupation) is not a mismatch."""
    case = compliant_case(work_permit_region="", work_permit_occupation="")
    assert MISMATCH not in check_and_sweep(case)
    old_with_occupation = compliant_case(work_permit_region="", work_permit_occupation="9313")
    assert MISMATCH not in check_and_sweep(old_with_occupation)


def test_an_occupation_in_the_permits_own_words_is_not_compared_with_the_jobs_code():
    case = compliant_case(work_permit_occupation="Каменщик 4 разряда")
    assert MISMATCH not in check_and_sweep(case)


def test_only_an_employed_case_is_judged_and_correcting_the_permit_clears_it():
    case = compliant_case(work_permit_region="RU-MOS")
    assert MISMATCH in check(case)
    case.work_permit_region = "RU-MOW"
    case.save()
    assert MISMATCH not in check(case)
    arrived = compliant_case(status="arrived", employment_start=None, work_permit_region="RU-MOS")
    assert MISMATCH not in check(arrived)
