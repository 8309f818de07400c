from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from compliance.rulebook.models import MinimumWage, Rule, RuleParameter
from mobility import figures

FULL_TIME_HOURS = 40


KOPECK = Decimal("0.01")


def parameters(code: str, on: date) -> dict:
    """The parameters of rule `code` in force on `on` (the earliest version before any)."""
    versions = RuleParameter.objects.filter(rule__code=code).order_by("-effective_from")
    version = versions.filter(effective_from__lte=on).first() or versions.last()
    return dict(version.values) if version else {}


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
    hours / 40 for part time (RULES.md: a regional figure never lowers the federal one)."""
    candidates = []
    for scope in ("", region):
        row = (
            MinimumWage.objects.filter(region=scope, effective_from__lte=on)
            .order_by("-effective_from")
            .first()
        )
        if row is not None:
            candidates.append(row)
    if not candidates:
        return None
    best = max(candidates, key=lambda row: (row.amount_rub, row.region))
    hours = min(Decimal(hours_per_week), Decimal(FULL_TIME_HOURS))
    amount = (best.amount_rub * hours / FULL_TIME_HOURS).quantize(KOPECK, ROUND_HALF_UP)
    return MinimumWageAnswer(
        amount_rub=amount,
        full_time_rub=best.amount_rub,
        scope=best.region or "federal",
        source=best.source,
        effective_from=best.effective_from,
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
