from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import connection
from django.utils.translation import gettext as _

from compliance.rulebook.models import Rule, RuleParameter
from mobility import figures

FULL_TIME_HOURS = 40


def parameter_versions(code: str | None = None) -> dict[str, list[RuleParameter]]:
    """Every rule's parameter versions (or one rule's), by rule code."""
    rows = RuleParameter.objects.select_related("rule").order_by("effective_from")
    if code is not None:
        rows = rows.filter(rule__code=code)
    versions: dict[str, list[RuleParameter]] = {}
    for version in rows:
        versions.setdefault(version.rule.code, []).append(version)
    return versions


def version_in_force(versions: Iterable[RuleParameter], on: date) -> RuleParameter | None:
    """Of one rule's versions, the latest in force on `on`; before the first, the first (a
    rule judges from its seeding on, dates that precede it too)."""
    ordered = sorted(versions, key=lambda version: version.effective_from)
    chosen = ordered[0] if ordered else None
    for version in ordered:
        if version.effective_from <= on:
            chosen = version
    return chosen


def values_in_force(versions: Iterable[RuleParameter], on: date) -> dict:
    version = version_in_force(versions, on)
    return dict(version.values) if version else {}


def parameters(code: str, on: date) -> dict:
    """The parameters of rule `code` in force on `on`."""
    return values_in_force(parameter_versions(code).get(code, []), on)


def rule(code: str) -> Rule:
    return Rule.objects.get(code=code)


@dataclass(frozen=True)
class MinimumWageAnswer:
    amount_rub: Decimal  # pro-rated to the hours
    full_time_rub: Decimal
    scope: str  # "federal" or the region code whose figure applies
    source: str
    effective_from: date


def applicable_minimum_wage(
    region: str, on: date, hours_per_week: Decimal | int = FULL_TIME_HOURS
) -> MinimumWageAnswer | None:
    """The highest of the federal MROT and the region's minimum in force on `on`, pro-rated by
    hours / 40 for part time. The database's `mobility_minimum_wage` decides, the same
    function the sweep's rules join to (compliance migration 0004)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT mobility_pro_rated_minimum(m.amount_rub, %s), m.amount_rub, m.scope,"
            " m.source, m.effective_from FROM mobility_minimum_wage(%s, %s) m",
            [Decimal(hours_per_week), region, on],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    amount, full_time, scope, source, effective_from = row
    return MinimumWageAnswer(
        amount_rub=amount,
        full_time_rub=full_time,
        scope=scope,
        source=source,
        effective_from=effective_from,
    )


@dataclass(frozen=True)
class Violation:
    rule: str
    # A sentence naming the rule in words, with its figures, in the reader's language.
    message: str
    source: str
    details: dict = field(default_factory=dict)

    def as_text(self) -> str:
        return self.message


def _minimum_wage_text(
    monthly_wage_rub: Decimal, hours_per_week: Decimal | int, minimum: MinimumWageAnswer
) -> str:
    values = {
        "wage": figures.roubles(monthly_wage_rub),
        "minimum": figures.roubles(minimum.amount_rub),
        "since": figures.day(minimum.effective_from),
        "hours": figures.hours(hours_per_week),
    }
    if minimum.scope == "federal":
        values["scope"] = _("the federal minimum wage (MROT)")
    else:
        values["scope"] = _("the minimum wage of %(region)s") % {
            "region": figures.region(minimum.scope)
        }
    if Decimal(hours_per_week) < FULL_TIME_HOURS:
        return (
            _(
                "A monthly wage of %(wage)s is below %(scope)s: %(minimum)s for %(hours)s a "
                "week, in force since %(since)s."
            )
            % values
        )
    return (
        _("A monthly wage of %(wage)s is below %(scope)s: %(minimum)s, in force since %(since)s.")
        % values
    )


def check_job_terms(
    *, region: str, on: date, monthly_wage_rub: Decimal, hours_per_week: Decimal | int
) -> list[Violation]:
    """Whether a job order's or contract's wage and weekly hours meet the rules on `on`."""
    violations = []
    hours_rule = Rule.objects.filter(code="HOURS_WEEKLY_EXCEEDED", enabled=True).first()
    if hours_rule is not None:
        max_hours = Decimal(str(parameters("HOURS_WEEKLY_EXCEEDED", on)["max_hours_per_week"]))
        if Decimal(hours_per_week) > max_hours:
            violations.append(
                Violation(
                    rule=hours_rule.code,
                    message=_(
                        "A working week of %(hours)s is longer than the legal maximum of "
                        "%(maximum)s."
                    )
                    % {
                        "hours": figures.hours(hours_per_week),
                        "maximum": figures.hours(max_hours),
                    },
                    source=hours_rule.legal_source,
                )
            )
    wage_rule = Rule.objects.filter(code="WAGE_BELOW_MINIMUM", enabled=True).first()
    minimum = applicable_minimum_wage(region, on, hours_per_week)
    if wage_rule is not None and minimum is not None and monthly_wage_rub < minimum.amount_rub:
        violations.append(
            Violation(
                rule=wage_rule.code,
                message=_minimum_wage_text(monthly_wage_rub, hours_per_week, minimum),
                source=f"{wage_rule.legal_source}; {minimum.source}",
                details={"minimum_rub": str(minimum.amount_rub), "scope": minimum.scope},
            )
        )
    return violations
