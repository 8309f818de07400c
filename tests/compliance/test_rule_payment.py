"""When a month's wage reaches the worker (RULES.md amendments, "Months not paid, or not paid in
full" and "The final settlement"): WAGE_UNPAID, WAGE_PAID_LATE, WAGE_FINAL_SETTLEMENT_LATE and
WAGE_ADVANCE_MISSING, each judged alike by the per-case check and the sweep.

The compliant case's October 2025 report: 60,000 gross, 18,000 income tax, no deductions, so
42,000 net is owed; paid in full on 5 November."""

from datetime import date, datetime, time
from decimal import Decimal as D

import pytest
from django.utils import timezone

from compliance.findings.wording import finding_message
from compliance.models import FindingStatus, WageReport
from tests.compliance.rule_helpers import (
    check,
    check_and_sweep,
    compliant_case,
    set_parameters,
    set_report,
)
from workers.models import CaseEvent

pytestmark = pytest.mark.django_db
OCTOBER = date(2025, 10, 1)


def pay(case, month: date, net: str, paid_on: date | None, **fields) -> None:
    """What reached the worker for the month, the rest still owed."""
    WageReport.objects.filter(placement=case, month=month).update(
        net_paid_rub=D(net), paid_on=paid_on, **fields
    )


# WAGE_UNPAID: max_days_after_period = 15, tolerance_rub = 1.


def test_a_month_partly_paid_is_unpaid_from_day_16_after_its_end():
    """October ends on the 31st; 15 days later is 15 November, the last day to pay. Of 42,000
    owed, 30,000 was paid: 12,000 outstanding, 1 day late on 16 November."""
    case = compliant_case()
    pay(case, OCTOBER, "30000.00", date(2025, 11, 5))
    assert "WAGE_UNPAID" not in check_and_sweep(case, on=date(2025, 11, 15))
    finding = check_and_sweep(case, on=date(2025, 11, 16))["WAGE_UNPAID"]
    assert finding.severity == "breach"
    assert finding.period == "2025-10"
    figures = finding.evidence["figures"]
    assert (figures["owed_net_rub"], figures["paid_rub"], figures["outstanding_rub"]) == (
        "42000.00",
        "30000.00",
        "12000.00",
    )
    assert figures["days_late"] == 1
    message = finding_message(finding)
    assert "12,000 RUB is still unpaid" in message
    assert "1 day late" in message


def test_a_month_with_nothing_paid_is_unpaid():
    """Nothing paid, no payment date: all 42,000 outstanding, 10 days late on 25 November."""
    case = compliant_case()
    pay(case, OCTOBER, "0", None)
    finding = check_and_sweep(case)["WAGE_UNPAID"]
    assert finding.evidence["figures"]["outstanding_rub"] == "42000.00"
    assert finding.evidence["figures"]["days_late"] == 10
    assert finding.evidence["figures"]["paid_on"] is None


def test_a_rouble_outstanding_is_within_the_tolerance_a_kopeck_more_is_not():
    """42,000 - 41,999.00 = 1.00, not above the 1 RUB tolerance; 42,000 - 41,998.99 = 1.01."""
    case = compliant_case()
    pay(case, OCTOBER, "41999.00", date(2025, 11, 5))
    assert "WAGE_UNPAID" not in check_and_sweep(case)
    pay(case, OCTOBER, "41998.99", date(2025, 11, 5))
    assert check_and_sweep(case)["WAGE_UNPAID"].evidence["figures"]["outstanding_rub"] == "1.01"


def test_a_report_corrected_to_paid_waits_for_the_worker_to_confirm_the_money():
    """The employer's corrected report alone does not close the finding: the 12,000 still owed
    stays on the ledger until a payment the worker confirms covers it (issue 13)."""
    case = compliant_case()
    pay(case, OCTOBER, "30000.00", date(2025, 11, 5))
    finding = check(case)["WAGE_UNPAID"]
    set_report(case, OCTOBER, paid_on=date(2025, 11, 20))
    assert check(case)["WAGE_UNPAID"].pk == finding.pk
    finding.refresh_from_db()
    assert finding.status == FindingStatus.OPEN
    assert finding.entitlement.outstanding == D("12000.00")


# WAGE_PAID_LATE: only for a month paid in full.


def test_a_month_paid_in_full_late_is_late_not_unpaid():
    """Paid in full on 16 November, 16 days after 31 October."""
    case = compliant_case()
    set_report(case, OCTOBER, paid_on=date(2025, 11, 16))
    findings = check_and_sweep(case)
    assert findings["WAGE_PAID_LATE"].evidence["figures"]["days_after"] == 16
    assert "WAGE_UNPAID" not in findings


def test_a_month_partly_paid_late_is_unpaid_not_late():
    """30,000 of 42,000 paid on 20 November: the month is not paid in full, so it is not
    'paid late' — it is unpaid."""
    case = compliant_case()
    pay(case, OCTOBER, "30000.00", date(2025, 11, 20))
    findings = check_and_sweep(case)
    assert "WAGE_PAID_LATE" not in findings
    assert "WAGE_UNPAID" in findings


def test_a_month_paid_within_the_tolerance_counts_as_paid_in_full():
    """41,999.00 of 42,000 on 16 November: 1.00 short, within the tolerance, so paid in full
    and late."""
    case = compliant_case()
    pay(case, OCTOBER, "41999.00", date(2025, 11, 16))
    findings = check_and_sweep(case)
    assert "WAGE_PAID_LATE" in findings
    assert "WAGE_UNPAID" not in findings


# WAGE_FINAL_SETTLEMENT_LATE: grace_days = 1.


def _ended(status: str, end: date, **fields):
    return compliant_case(status=status, end_date=end, contract_end=end, **fields)


def test_the_final_month_paid_the_day_after_the_end_is_on_time():
    """Terminated on 20 October 2025: due by 20 October + 1 day = 21 October."""
    case = _ended("terminated", date(2025, 10, 20))
    set_report(case, OCTOBER, paid_on=date(2025, 10, 21))
    assert "WAGE_FINAL_SETTLEMENT_LATE" not in check_and_sweep(case)


def test_the_final_month_paid_two_days_after_the_end_is_late():
    """Completed on 20 October, paid on 22 October: one day after the 21 October deadline."""
    case = _ended("completed", date(2025, 10, 20))
    set_report(case, OCTOBER, paid_on=date(2025, 10, 22))
    finding = check_and_sweep(case)["WAGE_FINAL_SETTLEMENT_LATE"]
    assert finding.severity == "breach"
    assert finding.period == "2025-10"
    figures = finding.evidence["figures"]
    assert (figures["ended_on"], figures["due_on"], figures["paid_on"]) == (
        "2025-10-20",
        "2025-10-21",
        "2025-10-22",
    )
    assert figures["days_late"] == 1
    assert "it was paid on 22 October 2025, 1 day late" in finding_message(finding)


def test_the_final_month_still_unpaid_is_late_from_the_day_after_the_grace():
    """Nothing paid for October: on 21 October it may still be paid; on 22 October it is late
    with all 42,000 outstanding."""
    case = _ended("terminated", date(2025, 10, 20))
    pay(case, OCTOBER, "0", None)
    assert "WAGE_FINAL_SETTLEMENT_LATE" not in check_and_sweep(case, on=date(2025, 10, 21))
    finding = check_and_sweep(case, on=date(2025, 10, 22))["WAGE_FINAL_SETTLEMENT_LATE"]
    assert finding.evidence["figures"]["outstanding_rub"] == "42000.00"
    assert finding.evidence["figures"]["paid_on"] is None


def test_a_repatriated_workers_final_month_is_settled_by_the_repatriation_day():
    """Repatriated on 10 October (no end date recorded: the day of the move counts); October
    paid on 5 November, 25 days after the 11 October deadline."""
    case = compliant_case(status="repatriated")
    CaseEvent.objects.create(placement=case, from_status="employed", to_status="repatriated")
    CaseEvent.objects.filter(placement=case, to_status="repatriated").update(
        at=timezone.make_aware(datetime.combine(date(2025, 10, 10), time(12)))
    )
    finding = check_and_sweep(case)["WAGE_FINAL_SETTLEMENT_LATE"]
    assert finding.evidence["figures"]["due_on"] == "2025-10-11"
    assert finding.evidence["figures"]["days_late"] == 25


def test_an_employed_case_has_no_final_settlement():
    assert "WAGE_FINAL_SETTLEMENT_LATE" not in check_and_sweep(compliant_case())


# WAGE_ADVANCE_MISSING: enabled_from (the seeding date) keeps older months unjudged.


def test_months_that_ended_before_the_rule_was_seeded_are_not_judged():
    """The compliant case's months (September, October 2025) have no advance date and ended
    long before the rule's enabled_from (2 December 2026)."""
    assert "WAGE_ADVANCE_MISSING" not in check_and_sweep(compliant_case())


def test_a_full_month_without_an_advance_is_a_warning():
    """enabled_from = 31 October 2025, the last day of October: October is judged."""
    set_parameters("WAGE_ADVANCE_MISSING", date(2025, 1, 1), enabled_from="2025-10-31")
    case = compliant_case()
    finding = check_and_sweep(case)["WAGE_ADVANCE_MISSING"]
    assert finding.severity == "warning"
    assert finding.period == "2025-10"
    assert "no half-month advance reported" in finding_message(finding)


def test_a_month_that_ended_the_day_before_enabled_from_is_not_judged():
    """enabled_from = 1 November 2025: October ended on the 31st, the day before."""
    set_parameters("WAGE_ADVANCE_MISSING", date(2025, 1, 1), enabled_from="2025-11-01")
    assert "WAGE_ADVANCE_MISSING" not in check_and_sweep(compliant_case())


def test_an_advance_on_the_months_last_day_is_on_time_a_day_later_is_not():
    """October's last day is 31 October: an advance that day is on time; on 1 November it is
    after the month it should have come in."""
    set_parameters("WAGE_ADVANCE_MISSING", date(2025, 1, 1), enabled_from="2025-09-01")
    case = compliant_case()
    WageReport.objects.filter(placement=case).update(advance_paid_on=date(2025, 9, 15))
    set_report(case, OCTOBER, advance_paid_on=date(2025, 10, 31))
    assert "WAGE_ADVANCE_MISSING" not in check_and_sweep(case)
    set_report(case, OCTOBER, advance_paid_on=date(2025, 11, 1))
    finding = check_and_sweep(case)["WAGE_ADVANCE_MISSING"]
    assert finding.evidence["figures"]["advance_paid_on"] == "2025-11-01"


def test_a_part_month_needs_no_advance():
    """92 of October's 184 hours: not a month worked in full."""
    set_parameters("WAGE_ADVANCE_MISSING", date(2025, 1, 1), enabled_from="2025-10-31")
    case = compliant_case()
    set_report(
        case, OCTOBER, hours_worked=D("92"), gross_rub=D("30000"), tax_withheld_rub=D("9000")
    )
    assert "WAGE_ADVANCE_MISSING" not in check_and_sweep(case)
