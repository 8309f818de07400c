from datetime import date, datetime, time
from decimal import Decimal as D

import pytest
from django.utils import timezone

from compliance.checks.rules.base import Context, prepare_chunk
from compliance.checks.rules.wages import wage_underpaid
from compliance.findings.wording import finding_message
from tests import factories
from tests.compliance.rule_helpers import (
    ON,
    check,
    check_and_sweep,
    compliant_case,
    set_parameters,
    set_report,
)
from workers.models import CaseEvent

pytestmark = pytest.mark.django_db
OCTOBER = date(2025, 10, 1)


def test_a_case_that_keeps_every_rule_has_no_findings():
    assert check(compliant_case()) == {}


# WAGE_BELOW_MINIMUM: Moscow's 32,916 RUB in 2025, 39,730 RUB from 1 January 2026.


def test_a_contract_at_exactly_the_minimum_wage_is_fine():
    case = compliant_case(contract_wage_rub=D("32916.00"))
    assert "WAGE_BELOW_MINIMUM" not in check(case)


def test_a_contract_a_kopeck_below_the_minimum_wage_is_a_breach():
    case = compliant_case(contract_wage_rub=D("32915.99"))
    finding = check(case)["WAGE_BELOW_MINIMUM"]
    assert finding.severity == "breach"
    assert finding.period == "contract"
    assert finding.evidence["figures"]["minimum_rub"] == "32916.00"
    assert "Moscow minimum wage agreement for 2025" in finding.evidence["legal_source"]


def test_the_minimum_in_force_on_the_contract_start_decides():
    before = compliant_case(contract_wage_rub=D("35000.00"), contract_start=date(2025, 12, 31))
    after = compliant_case(contract_wage_rub=D("35000.00"), contract_start=date(2026, 1, 1))
    assert "WAGE_BELOW_MINIMUM" not in check(before)
    finding = check(after)["WAGE_BELOW_MINIMUM"]
    assert finding.evidence["figures"]["minimum_rub"] == "39730.00"


def test_part_time_pro_rates_the_minimum():
    fine = compliant_case(contract_wage_rub=D("16458.00"), contract_hours_per_week=D("20"))
    short = compliant_case(contract_wage_rub=D("16457.99"), contract_hours_per_week=D("20"))
    assert "WAGE_BELOW_MINIMUM" not in check(fine)
    assert "WAGE_BELOW_MINIMUM" in check(short)


def test_a_full_month_paid_below_the_minimum_is_a_breach_for_that_month():
    case = compliant_case()
    set_report(case, OCTOBER, gross_rub=D("32915.99"), tax_withheld_rub=D("0"))
    finding = check(case)["WAGE_BELOW_MINIMUM"]
    assert finding.period == "2025-10"


def test_a_part_month_is_judged_by_what_the_contract_owes_not_the_minimum():
    case = compliant_case()
    set_report(case, OCTOBER, gross_rub=D("30000.00"), hours_worked=D("92"), tax_withheld_rub=0)
    findings = check(case)
    assert "WAGE_BELOW_MINIMUM" not in findings
    assert "WAGE_UNDERPAID" not in findings


# Base pay against the minimum (Constitutional Court ruling 38-P): January 2026 in Moscow,
# 39,730 RUB; the month's norm is 120 h (15 working days).
JANUARY_2026 = date(2026, 1, 1)


def _january(gross: str, overtime_hours: str = "20", overtime_pay: str | None = None):
    case = compliant_case()
    factories.WageReportFactory(
        placement=case,
        month=JANUARY_2026,
        gross_rub=D(gross),
        tax_withheld_rub=D("0"),
        hours_worked=D("120.0"),
        overtime_hours=D(overtime_hours),
        overtime_pay_rub=D(overtime_pay) if overtime_pay is not None else None,
        paid_on=date(2026, 2, 5),
    )
    return case


def test_overtime_pay_does_not_count_towards_the_minimum():
    """RULES.md's example: 43,750 gross with 8,750 of overtime pay is a base of 35,000 <
    39,730, a breach, though the gross is above the minimum."""
    case = _january("43750.00", overtime_pay="8750.00")
    finding = check_and_sweep(case, on=date(2026, 2, 10))["WAGE_BELOW_MINIMUM"]
    assert finding.period == "2026-01"
    figures = finding.evidence["figures"]
    assert (figures["wage_rub"], figures["overtime_pay_rub"], figures["shortfall_rub"]) == (
        "35000.00",
        "8750.00",
        "4730.00",
    )
    assert "a base pay of 35,000 RUB" in finding_message(finding)


def test_a_base_pay_at_the_minimum_is_fine_a_kopeck_below_is_not():
    """48,480.00 - 8,750 = 39,730.00, the minimum; 48,479.99 - 8,750 = 39,729.99."""
    on = date(2026, 2, 10)
    assert "WAGE_BELOW_MINIMUM" not in check_and_sweep(
        _january("48480.00", overtime_pay="8750"), on
    )
    assert "WAGE_BELOW_MINIMUM" in check_and_sweep(_january("48479.99", overtime_pay="8750"), on)


def test_unstated_overtime_pay_is_taken_as_what_the_overtime_hours_earn():
    """No overtime pay stated, 20 overtime hours on a 60,000 contract: at least 20 × 60,000 /
    120 × 1.5 = 15,000 of the gross is overtime pay. 54,730.00 leaves 39,730.00, the minimum;
    54,729.99 leaves 39,729.99, a breach."""
    on = date(2026, 2, 10)
    assert "WAGE_BELOW_MINIMUM" not in check_and_sweep(_january("54730.00"), on)
    finding = check_and_sweep(_january("54729.99"), on)["WAGE_BELOW_MINIMUM"]
    figures = finding.evidence["figures"]
    assert (figures["overtime_pay_rub"], figures["overtime_pay_estimated"]) == ("15000.00", True)


def test_without_overtime_the_gross_is_the_base_pay():
    """No overtime hours, none stated: 39,730.00 gross meets the minimum."""
    assert "WAGE_BELOW_MINIMUM" not in check_and_sweep(
        _january("39730.00", overtime_hours="0"), on=date(2026, 2, 10)
    )


# WAGE_CONTRACT_SUBSTITUTION


def test_a_contract_matching_the_job_order_is_fine():
    assert "WAGE_CONTRACT_SUBSTITUTION" not in check(compliant_case())


def test_a_contract_paying_a_kopeck_less_than_the_job_order_is_substitution():
    case = compliant_case(contract_wage_rub=D("59999.99"))
    finding = check(case)["WAGE_CONTRACT_SUBSTITUTION"]
    assert finding.evidence["figures"]["job_order_wage_rub"] == "60000.00"


def test_a_contract_with_longer_hours_than_the_job_order_is_substitution():
    case = compliant_case(contract_hours_per_week=D("40.5"))
    assert "WAGE_CONTRACT_SUBSTITUTION" in check(case)


# WAGE_UNDERPAID: October 2025 has 23 working days, so the norm is 184 hours.


def test_a_month_paid_exactly_at_the_tolerance_is_fine():
    case = compliant_case()
    set_report(case, OCTOBER, gross_rub=D("59400.00"))
    assert "WAGE_UNDERPAID" not in check(case)


def test_a_month_paid_a_kopeck_below_the_tolerance_is_underpaid():
    case = compliant_case()
    set_report(case, OCTOBER, gross_rub=D("59399.99"))
    finding = check(case)["WAGE_UNDERPAID"]
    figures = finding.evidence["figures"]
    assert finding.period == "2025-10"
    assert figures["norm_hours"] == "184"
    assert figures["owed_rub"] == "60000.00"
    assert figures["shortfall_rub"] == "600.01"


def test_a_part_month_owes_its_share_of_the_wage():
    case = compliant_case()
    set_report(case, OCTOBER, hours_worked=D("92"), gross_rub=D("29700.00"))
    assert "WAGE_UNDERPAID" not in check(case)
    set_report(case, OCTOBER, gross_rub=D("29699.99"))
    assert check(case)["WAGE_UNDERPAID"].evidence["figures"]["owed_rub"] == "30000.00"


def test_overtime_is_owed_at_one_and_a_half_times_the_hourly_wage():
    case = compliant_case()
    # 10 h x 60,000 / 184 x 1.5 = 4,891.30; owed 64,891.30; 99 % of it is 64,242.387
    set_report(case, OCTOBER, overtime_hours=D("10"), gross_rub=D("64242.39"))
    assert "WAGE_UNDERPAID" not in check(case)
    set_report(case, OCTOBER, gross_rub=D("64242.38"))
    assert check(case)["WAGE_UNDERPAID"].evidence["figures"]["owed_rub"] == "64891.30"


def test_the_tolerance_in_force_in_the_reported_month_applies():
    """Judged by the rule itself: a finding, once open, waits for the money it owes."""
    case = compliant_case()
    set_report(case, OCTOBER, gross_rub=D("58900.00"))

    def underpaid() -> bool:
        # The rule reads its chunk's tables, as in a sweep.
        prepare_chunk(case.pk, case.pk)
        return bool(wage_underpaid(Context.load(ON), case.pk, case.pk))

    assert underpaid()
    set_parameters("WAGE_UNDERPAID", date(2025, 10, 1), tolerance_pct=2)
    assert not underpaid()
    set_parameters("WAGE_UNDERPAID", date(2025, 11, 1), tolerance_pct=0)
    assert not underpaid()


# WAGE_PAID_LATE: October ends on the 31st; 15 days later is 15 November.


def test_wages_paid_on_the_last_allowed_day_are_on_time():
    case = compliant_case()
    set_report(case, OCTOBER, paid_on=date(2025, 11, 15))
    assert "WAGE_PAID_LATE" not in check(case)


def test_wages_paid_a_day_later_are_late():
    case = compliant_case()
    set_report(case, OCTOBER, paid_on=date(2025, 11, 16))
    finding = check(case)["WAGE_PAID_LATE"]
    assert finding.severity == "warning"
    assert finding.evidence["figures"]["days_after"] == 16


# WAGE_REPORT_MISSING: October's report is due by 20 November.


def test_a_missing_report_is_not_late_on_its_due_day():
    case = compliant_case()
    case.wage_reports.filter(month=OCTOBER).delete()
    assert "WAGE_REPORT_MISSING" not in check(case, on=date(2025, 11, 20))


def test_a_missing_report_is_flagged_the_day_after():
    case = compliant_case()
    case.wage_reports.filter(month=OCTOBER).delete()
    finding = check(case, on=date(2025, 11, 21))["WAGE_REPORT_MISSING"]
    assert finding.period == "2025-10"


def _repatriated_on(day: date):
    case = compliant_case(status="repatriated")
    CaseEvent.objects.create(placement=case, from_status="employed", to_status="repatriated")
    CaseEvent.objects.filter(placement=case, to_status="repatriated").update(
        at=timezone.make_aware(datetime.combine(day, time(12)))
    )
    return case


def test_a_repatriated_workers_final_month_is_due_like_any_other():
    """Brought home on 10 Oct 2025 with no October report: due by 20 Nov, flagged on 21 Nov;
    November, after the repatriation, is never asked for (not even on 25 Dec)."""
    case = _repatriated_on(date(2025, 10, 10))
    case.wage_reports.filter(month=OCTOBER).delete()
    assert "WAGE_REPORT_MISSING" not in check_and_sweep(case, on=date(2025, 11, 20))
    finding = check_and_sweep(case, on=date(2025, 11, 21))["WAGE_REPORT_MISSING"]
    assert finding.period == "2025-10"
    check(case, on=date(2025, 12, 25))
    assert [f.period for f in case.findings.filter(rule__code="WAGE_REPORT_MISSING")] == ["2025-10"]


def test_a_case_not_yet_employed_owes_no_wage_reports():
    case = compliant_case(status="arrived", employment_start=None)
    case.wage_reports.all().delete()
    assert "WAGE_REPORT_MISSING" not in check(case)


# WAGE_DEDUCTIONS_EXCESSIVE: 20 % of 60,000 - 18,000 tax = 8,400.


def test_deductions_at_the_limit_are_allowed():
    case = compliant_case()
    set_report(case, OCTOBER, deductions_rub=D("8400.00"))
    assert "WAGE_DEDUCTIONS_EXCESSIVE" not in check(case)


def test_deductions_a_kopeck_over_the_limit_are_a_breach():
    case = compliant_case()
    set_report(case, OCTOBER, deductions_rub=D("8400.01"))
    assert check(case)["WAGE_DEDUCTIONS_EXCESSIVE"].evidence["figures"]["cap_rub"] == "8400.00"


# Tax above 30 % of gross is a deduction: the pay after tax is gross - 18,000 (the ceiling on
# 60,000), and what was withheld above the ceiling counts with the deductions.


def test_half_the_gross_withheld_as_tax_is_a_deduction_over_the_limit():
    """30,000 "tax" on 60,000: 12,000 above the 18,000 ceiling, against 20 % x 42,000 = 8,400."""
    case = compliant_case()
    set_report(case, OCTOBER, tax_withheld_rub=D("30000.00"), deductions_rub=D("0"))
    finding = check_and_sweep(case)["WAGE_DEDUCTIONS_EXCESSIVE"]
    figures = finding.evidence["figures"]
    assert (figures["tax_excess_rub"], figures["deductions_counted_rub"]) == (
        "12000.00",
        "12000.00",
    )
    assert (figures["pay_after_tax_rub"], figures["cap_rub"]) == ("42000.00", "8400.00")
    assert finding_message(finding).startswith(
        "October 2025: the employer deducted 12,000 RUB, 12,000 RUB of it withheld as "
        "income tax above 30 % of gross (18,000 RUB), more than 20 % of the pay after "
        "income tax (42,000 RUB), which allows at most 8,400 RUB."
    )


def test_tax_a_kopeck_above_the_ceiling_counts_to_the_kopeck():
    """Deductions 8,399.99 with tax 18,000.01: 8,399.99 + 0.01 = 8,400.00, at the cap; with tax
    18,000.02 they come to 8,400.01, a kopeck over."""
    at_cap, over = compliant_case(), compliant_case()
    set_report(at_cap, OCTOBER, tax_withheld_rub=D("18000.01"), deductions_rub=D("8399.99"))
    set_report(over, OCTOBER, tax_withheld_rub=D("18000.02"), deductions_rub=D("8399.99"))
    assert "WAGE_DEDUCTIONS_EXCESSIVE" not in check_and_sweep(at_cap)
    figures = check_and_sweep(over)["WAGE_DEDUCTIONS_EXCESSIVE"].evidence["figures"]
    assert figures["deductions_counted_rub"] == "8400.01"


# HOURS_WEEKLY_EXCEEDED


def test_forty_hours_a_week_is_the_limit():
    assert "HOURS_WEEKLY_EXCEEDED" not in check(compliant_case())


def test_a_contract_over_forty_hours_a_week_is_a_breach():
    case = compliant_case(contract_hours_per_week=D("40.5"))
    assert check(case)["HOURS_WEEKLY_EXCEEDED"].evidence["figures"]["found_in"] == "contract"


# OVERTIME_ANNUAL_EXCEEDED: 120 hours a calendar year.


def test_overtime_up_to_the_annual_limit_is_allowed():
    case = compliant_case()
    set_report(case, date(2025, 9, 1), overtime_hours=D("60"), gross_rub=D("80000"))
    set_report(case, OCTOBER, overtime_hours=D("60"), gross_rub=D("80000"))
    assert "OVERTIME_ANNUAL_EXCEEDED" not in check(case)


def test_overtime_past_the_annual_limit_is_a_breach_for_that_year():
    case = compliant_case()
    set_report(case, date(2025, 9, 1), overtime_hours=D("60"), gross_rub=D("80000"))
    set_report(case, OCTOBER, overtime_hours=D("60.5"), gross_rub=D("80000"))
    finding = check(case)["OVERTIME_ANNUAL_EXCEEDED"]
    assert finding.period == "2025"
    assert finding.evidence["figures"]["overtime_hours"] == "120.5"
