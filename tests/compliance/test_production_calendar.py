"""The month's norm counts shortened pre-holiday days (RULES.md amendment, art. 95), and the
figures equal the published production calendars at 40 h/week."""

from datetime import date
from decimal import Decimal as D

import pytest

from compliance.checks import engine
from compliance.rulebook.working_time import full_time_norm_hours, monthly_norm_hours
from tests import factories
from tests.compliance.rule_helpers import check, compliant_case, open_findings

DECEMBER_2025 = date(2025, 12, 25)
NOVEMBER = date(2025, 11, 1)


@pytest.mark.parametrize(
    ("year", "hours"),
    [(2024, 1979), (2025, 1972), (2026, 1972), (2027, 1973)],
)
def test_the_annual_norm_equals_the_published_calendar(year, hours):
    assert sum(full_time_norm_hours(year, month) for month in range(1, 13)) == hours


@pytest.mark.parametrize(
    ("year", "month", "hours"),
    [
        (2024, 11, 167),  # 21 days, Saturday 2 November worked and shortened
        (2024, 12, 168),  # 21 days, Saturday 28 December worked in full
        (2025, 3, 167),  # 21 days, 7 March shortened
        (2025, 10, 184),
        (2025, 11, 151),  # 19 days, Saturday 1 November shortened
        (2025, 12, 176),  # 22 days; 31 December off, so 30 December is not pre-holiday
        (2026, 4, 175),  # 22 days, 30 April shortened
        (2026, 5, 151),  # 19 days, 8 May shortened
    ],
)
def test_monthly_norms_equal_the_published_calendar(year, month, hours):
    assert full_time_norm_hours(year, month) == hours


def test_part_time_takes_its_share_of_the_shortened_norm():
    """151 h x 20 / 40 = 75.5 h."""
    assert monthly_norm_hours(2025, 11, 20) == D("75.5")


def _november_report(case, hours: str, gross: str):
    return factories.WageReportFactory(
        placement=case,
        month=NOVEMBER,
        hours_worked=D(hours),
        gross_rub=D(gross),
        tax_withheld_rub=D("0"),
        paid_on=date(2025, 12, 5),
    )


@pytest.mark.django_db
def test_151_hours_in_november_2025_is_a_full_month_for_the_minimum_wage():
    """Moscow's minimum in 2025 is 32,916; 151 h is November's whole norm, so a gross of
    32,915.99 is a kopeck below the minimum for a full month: a breach."""
    case = compliant_case()
    _november_report(case, "151.0", "32915.99")
    finding = check(case, on=DECEMBER_2025)["WAGE_BELOW_MINIMUM"]
    assert finding.period == "2025-11"
    assert finding.evidence["figures"]["shortfall_rub"] == "0.01"


@pytest.mark.django_db
def test_an_hour_short_of_the_november_norm_is_a_part_month():
    """150.9 h < 151 h: a part month, judged by WAGE_UNDERPAID only (owed 60,000 x 150.9 /
    151 = 59,960.26; the minimum-wage rule keeps out)."""
    case = compliant_case()
    _november_report(case, "150.9", "32915.99")
    findings = check(case, on=DECEMBER_2025)
    assert "WAGE_BELOW_MINIMUM" not in findings
    assert findings["WAGE_UNDERPAID"].evidence["figures"]["norm_hours"] == "151"
    assert findings["WAGE_UNDERPAID"].evidence["figures"]["owed_rub"] == "59960.26"


@pytest.mark.django_db
def test_the_sweep_judges_november_2025_like_the_case_check():
    case = compliant_case()
    _november_report(case, "151.0", "32915.99")
    engine.run_sweep_now(on=DECEMBER_2025)
    assert open_findings(case)["WAGE_BELOW_MINIMUM"].period == "2025-11"
