"""The rulebook's answers at the edges RULES.md draws: the minimum wage to the kopeck, the
regional figure above the federal one, the switch on 1 January, part time, 40 hours."""

from datetime import date
from decimal import Decimal

import pytest

from compliance.rulebook.selectors import applicable_minimum_wage, check_job_terms

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 2)


def rules_broken(region="RU-MOW", on=DAY, wage="39730.00", hours=40):
    violations = check_job_terms(
        region=region, on=on, monthly_wage_rub=Decimal(wage), hours_per_week=Decimal(hours)
    )
    return [v.rule for v in violations]


def test_wage_exactly_at_the_minimum_passes():
    assert rules_broken(wage="39730.00") == []


def test_one_kopeck_below_the_minimum_fails():
    assert rules_broken(wage="39729.99") == ["WAGE_BELOW_MINIMUM"]


def test_moscow_figure_applies_above_the_federal_one():
    moscow = applicable_minimum_wage("RU-MOW", DAY)
    assert (moscow.scope, moscow.amount_rub) == ("RU-MOW", Decimal("39730.00"))
    federal_only = applicable_minimum_wage("RU-TA", DAY)
    assert (federal_only.scope, federal_only.amount_rub) == ("federal", Decimal("27093.00"))
    assert rules_broken(region="RU-TA", wage="30000") == []
    assert rules_broken(region="RU-MOW", wage="30000") == ["WAGE_BELOW_MINIMUM"]


def test_new_years_eve_uses_the_2025_figure_and_new_years_day_the_2026_one():
    assert applicable_minimum_wage("RU-MOW", date(2025, 12, 31)).amount_rub == Decimal("32916.00")
    assert applicable_minimum_wage("RU-MOW", date(2026, 1, 1)).amount_rub == Decimal("39730.00")
    assert rules_broken(on=date(2025, 12, 31), wage="33000") == []
    assert rules_broken(on=date(2026, 1, 1), wage="33000") == ["WAGE_BELOW_MINIMUM"]


def test_part_time_minimum_is_pro_rated_by_hours():
    half = applicable_minimum_wage("RU-MOW", DAY, hours_per_week=20)
    assert half.amount_rub == Decimal("19865.00") and half.full_time_rub == Decimal("39730.00")
    assert rules_broken(wage="19865.00", hours=20) == []
    assert rules_broken(wage="19864.99", hours=20) == ["WAGE_BELOW_MINIMUM"]


def test_forty_hours_pass_and_forty_one_fail():
    assert rules_broken(wage="90000", hours=40) == []
    assert rules_broken(wage="90000", hours=41) == ["HOURS_WEEKLY_EXCEEDED"]
