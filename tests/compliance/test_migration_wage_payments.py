"""Migrations 0010 and 0011 forward on wage reports shaped like the old ones: every report had a
payment date, even a month with nothing to pay, and net paid was exactly gross less tax and
deductions."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests import factories

BEFORE = [("compliance", "0009_insurance_expiring_source")]
AFTER = [("compliance", "0011_seed_wage_rules")]
NEW_RULES = {
    "WAGE_UNPAID",
    "WAGE_FINAL_SETTLEMENT_LATE",
    "WAGE_ADVANCE_MISSING",
    "TAX_WITHHOLDING_IMPLAUSIBLE",
    "TAX_RESIDENT_RATE_NOT_APPLIED",
}


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def latest_afterwards(transactional_db):
    """Put the database back to the latest migrations for the tests that follow."""
    yield
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_old_reports_keep_their_figures_and_a_month_with_nothing_paid_loses_its_date(
    latest_afterwards,
):
    placement = factories.PlacementFactory(employed=True)
    old = _migrate(BEFORE)
    WageReport = old.get_model("compliance", "WageReport")
    Rule = old.get_model("compliance", "Rule")
    Rule.objects.filter(code__in=NEW_RULES).delete()
    common = {"placement_id": placement.pk, "hours_worked": Decimal("0"), "tax_withheld_rub": 0}
    nothing = WageReport.objects.create(
        month=date(2025, 9, 1),
        gross_rub=0,
        deductions_rub=0,
        net_paid_rub=0,
        paid_on=date(2025, 10, 5),
        **common,
    )
    paid = WageReport.objects.create(
        month=date(2025, 10, 1),
        gross_rub=Decimal("60000"),
        deductions_rub=Decimal("2000"),
        net_paid_rub=Decimal("58000"),
        paid_on=date(2025, 11, 5),
        **common,
    )
    new = _migrate(AFTER)
    WageReport = new.get_model("compliance", "WageReport")
    assert WageReport.objects.get(pk=nothing.pk).paid_on is None
    migrated = WageReport.objects.get(pk=paid.pk)
    assert (migrated.paid_on, migrated.net_paid_rub) == (date(2025, 11, 5), Decimal("58000"))
    assert (migrated.overtime_pay_rub, migrated.advance_paid_on) == (None, None)
    rules = new.get_model("compliance", "Rule").objects.filter(code__in=NEW_RULES)
    assert set(rules.values_list("code", flat=True)) == NEW_RULES
    parameters = new.get_model("compliance", "RuleParameter").objects.get(
        rule__code="TAX_RESIDENT_RATE_NOT_APPLIED"
    )
    assert parameters.values["non_resident_rate_pct"] == 30
