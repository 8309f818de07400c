"""The minimum wage and the parameter version in force have one answer: the contract and
job-order checks (one date, through the rulebook) and the sweep's rules (set-based) agree at
every edge RULES.md draws."""

from datetime import date
from decimal import Decimal as D

import pytest

from compliance.checks import engine
from compliance.checks.rules import Context
from compliance.rulebook.models import MinimumWage, Rule
from compliance.rulebook.selectors import applicable_minimum_wage, check_job_terms, parameters
from tests import factories
from tests.compliance.rule_helpers import ON, check, compliant_case, set_parameters, set_report

pytestmark = pytest.mark.django_db

EDGES = [
    # region, day, hours a week
    ("RU-MOW", date(2025, 12, 31), D("40")),
    ("RU-MOW", date(2026, 1, 1), D("40")),
    ("RU-MOW", date(2026, 1, 1), D("37.5")),  # 37,246.875 rounds up to 37,246.88
    ("RU-SPE", date(2024, 6, 1), D("40")),  # the 2023-2024 agreement's 25,000
    ("RU-LEN", date(2024, 1, 1), D("40")),  # the 2024 agreement's 20,125, from its first day
    ("RU-SPE", date(2025, 1, 1), D("20")),
    ("RU-TA", date(2025, 9, 1), D("48")),  # more hours never raise the minimum
]


def _judged_by_the_sweep(region: str, day: date, hours: D, wage: D) -> bool:
    employer = factories.EmployerFactory(region=region, quota=50)
    job_order = factories.JobOrderFactory(
        employer=employer,
        work_region=region,
        monthly_wage_rub=wage,
        hours_per_week=min(hours, D("40")),
    )
    case = compliant_case(
        job_order=job_order,
        contract_wage_rub=wage,
        contract_hours_per_week=hours,
        contract_start=day,
    )
    engine.run_sweep_now(on=ON)
    return case.findings.filter(rule__code="WAGE_BELOW_MINIMUM", period="contract").exists()


def _refused_by_the_contract_check(region: str, day: date, hours: D, wage: D) -> bool:
    violations = check_job_terms(region=region, on=day, monthly_wage_rub=wage, hours_per_week=hours)
    return "WAGE_BELOW_MINIMUM" in [v.rule for v in violations]


@pytest.mark.parametrize(("region", "day", "hours"), EDGES)
def test_the_contract_check_and_the_sweep_draw_the_line_at_the_same_kopeck(region, day, hours):
    minimum = applicable_minimum_wage(region, day, hours).amount_rub
    below = minimum - D("0.01")
    assert not _refused_by_the_contract_check(region, day, hours, minimum)
    assert _refused_by_the_contract_check(region, day, hours, below)
    assert not _judged_by_the_sweep(region, day, hours, minimum)
    assert _judged_by_the_sweep(region, day, hours, below)


def test_pro_rating_rounds_half_a_kopeck_up():
    answer = applicable_minimum_wage("RU-MOW", date(2026, 1, 1), D("37.5"))
    assert answer.amount_rub == D("37246.88")
    assert answer.full_time_rub == D("39730.00")


def test_a_regional_figure_below_the_federal_one_never_lowers_it():
    MinimumWage.objects.create(region="RU-TA", effective_from=date(2025, 1, 1), amount_rub=1000)
    answer = applicable_minimum_wage("RU-TA", date(2025, 6, 1))
    assert (answer.scope, answer.amount_rub) == ("federal", D("22440.00"))


def test_before_any_figure_there_is_no_minimum_to_break():
    assert applicable_minimum_wage("RU-MOW", date(2010, 1, 1)) is None
    assert not _refused_by_the_contract_check("RU-MOW", date(2010, 1, 1), D("40"), D("1"))


def test_a_reported_month_is_judged_at_the_minimum_of_that_month():
    case = compliant_case()
    set_report(case, date(2025, 10, 1), gross_rub=D("32915.99"), tax_withheld_rub=D("0"))
    finding = check(case)["WAGE_BELOW_MINIMUM"]
    expected = applicable_minimum_wage("RU-MOW", date(2025, 10, 1))
    assert finding.evidence["figures"]["minimum_rub"] == str(expected.amount_rub)
    assert finding.evidence["figures"]["minimum_scope"] == expected.scope == "RU-MOW"


@pytest.mark.parametrize(
    "day", [date(2015, 1, 1), date(2025, 12, 31), date(2026, 1, 1), date(2026, 6, 1)]
)
def test_the_sweep_and_the_rulebook_read_the_same_parameter_version(day):
    set_parameters("HOURS_WEEKLY_EXCEEDED", date(2026, 1, 1), max_hours_per_week=36)
    ctx = Context.load(ON)
    for code in ctx.rules:
        assert ctx.parameters(code, day) == parameters(code, day)


def test_a_partial_version_takes_the_rest_from_the_version_in_force_on_its_own_date(api):
    set_parameters("WAGE_UNDERPAID", date(2027, 1, 1), tolerance_pct=5)
    rule = Rule.objects.get(code="WAGE_UNDERPAID")
    response = api.as_user(factories.official_user()).post(
        f"/api/v1/rules/{rule.pk}/parameters/",
        {"effective_from": "2026-06-01", "values": {"overtime_multiplier": 2}},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["values"] == {"tolerance_pct": 1, "overtime_multiplier": 2}
    assert parameters("WAGE_UNDERPAID", date(2026, 6, 1)) == response.json()["values"]
    assert parameters("WAGE_UNDERPAID", date(2027, 1, 1))["tolerance_pct"] == 5


@pytest.mark.parametrize(
    ("region", "day", "amount"),
    [
        ("RU-SPE", date(2024, 1, 1), D("25000")),
        ("RU-SPE", date(2024, 12, 31), D("25000")),
        ("RU-SPE", date(2025, 1, 1), D("28750")),
        ("RU-LEN", date(2024, 1, 1), D("20125")),
        ("RU-LEN", date(2024, 12, 31), D("20125")),
        ("RU-LEN", date(2025, 1, 1), D("23800")),
    ],
)
def test_2024_months_in_saint_petersburg_and_leningrad_oblast_have_their_regional_minimum(
    region, day, amount
):
    """Both regional figures are above the federal 19,242 of 2024, so they are what applies."""
    minimum = applicable_minimum_wage(region, day, D("40"))
    assert minimum.amount_rub == amount
    assert "regional agreement" in minimum.source
