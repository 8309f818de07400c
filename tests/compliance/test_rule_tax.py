"""Income tax withheld (RULES.md amendments, "Tax that is really a deduction"):
TAX_WITHHOLDING_IMPLAUSIBLE, TAX_RESIDENT_RATE_NOT_APPLIED, and the one ceiling they share
with WAGE_DEDUCTIONS_EXCESSIVE. The compliant case's October 2025 report: 60,000 gross, 18,000
(30 %) income tax, no deductions."""

from datetime import date
from decimal import Decimal as D

import pytest

from compliance.findings.wording import finding_message
from tests import factories
from tests.compliance.rule_helpers import (
    check_and_sweep,
    compliant_case,
    set_parameters,
    set_report,
)
from workers.models import Placement

pytestmark = pytest.mark.django_db
OCTOBER = date(2025, 10, 1)
MARCH_2026 = date(2026, 3, 1)


# TAX_WITHHOLDING_IMPLAUSIBLE: above non_resident_rate_pct = 30 % of gross.


def test_tax_at_exactly_thirty_percent_is_plausible():
    """30 % × 60,000 = 18,000.00, the compliant case's own tax."""
    assert "TAX_WITHHOLDING_IMPLAUSIBLE" not in check_and_sweep(compliant_case())


def test_thirty_percent_rounded_to_the_kopeck_is_at_the_ceiling():
    """30 % × 90,032.89 = 27,009.867, withheld as 27,009.87: at the ceiling, no finding, and no
    kopeck of it counted as a deduction; 27,009.88 is a kopeck above it."""
    case = compliant_case()
    set_report(case, OCTOBER, gross_rub=D("90032.89"), tax_withheld_rub=D("27009.87"))
    found = check_and_sweep(case)
    assert "TAX_WITHHOLDING_IMPLAUSIBLE" not in found
    assert "WAGE_DEDUCTIONS_EXCESSIVE" not in found
    set_report(case, OCTOBER, tax_withheld_rub=D("27009.88"))
    finding = check_and_sweep(case)["TAX_WITHHOLDING_IMPLAUSIBLE"]
    assert finding.evidence["figures"]["excess_rub"] == "0.01"


def test_a_kopeck_above_thirty_percent_is_implausible():
    """18,000.01 > 18,000.00: 0.01 too much."""
    case = compliant_case()
    set_report(case, OCTOBER, tax_withheld_rub=D("18000.01"))
    finding = check_and_sweep(case)["TAX_WITHHOLDING_IMPLAUSIBLE"]
    assert finding.severity == "breach"
    assert finding.period == "2025-10"
    figures = finding.evidence["figures"]
    assert (figures["ceiling_pct"], figures["ceiling_rub"], figures["excess_rub"]) == (
        "30",
        "18000.00",
        "0.01",
    )


def test_half_the_gross_as_tax_is_implausible_and_an_excessive_deduction():
    """30,000 tax on 60,000: 12,000 above the 18,000 ceiling counts as a deduction, against a
    cap of 20 % × (60,000 - 18,000) = 8,400."""
    case = compliant_case()
    set_report(case, OCTOBER, tax_withheld_rub=D("30000"))
    findings = check_and_sweep(case)
    assert findings["TAX_WITHHOLDING_IMPLAUSIBLE"].evidence["figures"]["excess_rub"] == "12000.00"
    assert "the excess of 12,000 RUB is a deduction" in finding_message(
        findings["TAX_WITHHOLDING_IMPLAUSIBLE"]
    )
    deductions = findings["WAGE_DEDUCTIONS_EXCESSIVE"].evidence["figures"]
    assert (deductions["deductions_counted_rub"], deductions["cap_rub"]) == ("12000.00", "8400.00")


def test_the_ceiling_is_one_parameter_for_both_rules():
    """With the non-resident rate at 35 %, 21,000 on 60,000 is lawful tax: neither the tax
    rule nor the deductions rule counts it."""
    set_parameters("TAX_RESIDENT_RATE_NOT_APPLIED", date(2025, 1, 1), non_resident_rate_pct=35)
    case = compliant_case()
    set_report(case, OCTOBER, tax_withheld_rub=D("21000"))
    findings = check_and_sweep(case)
    assert "TAX_WITHHOLDING_IMPLAUSIBLE" not in findings
    assert "WAGE_DEDUCTIONS_EXCESSIVE" not in findings


# TAX_RESIDENT_RATE_NOT_APPLIED: resident_after_days = 183, resident_rate_pct = 13,
# tolerance_pct = 1. Arrival is day 1.

ON = date(2026, 4, 10)


def _march_report(arrived: date, tax: str):
    case = compliant_case()
    Placement.objects.filter(pk=case.pk).update(arrival_date=arrived)
    factories.WageReportFactory(
        placement=case,
        month=MARCH_2026,
        tax_withheld_rub=D(tax),
        hours_worked=D("168.0"),
        paid_on=date(2026, 4, 5),
    )
    return case


def test_a_month_starting_after_day_183_is_taxed_at_the_resident_rate():
    """Arrived 30 August 2025: day 183 is 30 August + 182 days = 28 February 2026, so March
    starts after it. 14 % × 60,000 = 8,400.00 is within 13 % + 1 %; 8,400.01 is not, and
    8,400.01 - 13 % × 60,000 (7,800) = 600.01 was over-withheld."""
    within = _march_report(date(2025, 8, 30), "8400.00")
    assert "TAX_RESIDENT_RATE_NOT_APPLIED" not in check_and_sweep(within, on=ON)
    over = _march_report(date(2025, 8, 30), "8400.01")
    finding = check_and_sweep(over, on=ON)["TAX_RESIDENT_RATE_NOT_APPLIED"]
    assert finding.severity == "warning"
    assert finding.period == "2026-03"
    figures = finding.evidence["figures"]
    assert (figures["resident_on"], figures["over_withheld_rub"]) == ("2026-02-28", "600.01")
    message = finding_message(finding)
    assert "became a tax resident on 28 February 2026" in message
    assert "600.01 RUB too much" in message


def test_a_month_starting_on_day_183_is_still_taxed_as_a_non_resident():
    """Arrived 31 August 2025: day 183 is 1 March 2026, so March does not start after it;
    30 % is lawful that month."""
    case = _march_report(date(2025, 8, 31), "18000.00")
    assert "TAX_RESIDENT_RATE_NOT_APPLIED" not in check_and_sweep(case, on=ON)


def test_the_non_resident_rate_after_residence_is_a_warning():
    """Arrived 25 August 2025 (day 183: 23 February 2026); March at 30 %: 18,000 - 7,800 =
    10,200 over-withheld."""
    case = _march_report(date(2025, 8, 25), "18000.00")
    finding = check_and_sweep(case, on=ON)["TAX_RESIDENT_RATE_NOT_APPLIED"]
    assert finding.evidence["figures"]["over_withheld_rub"] == "10200.00"
    assert finding.evidence["figures"]["resident_on"] == "2026-02-23"
