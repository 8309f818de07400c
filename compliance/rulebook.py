"""The rulebook: rules, their effective-dated parameters and the minimum-wage table, as data.

This module imports no other app, so `employers` and `workers` may ask it whether job terms
meet the rules in force before they accept them (the import-linter contracts keep it so).
"""

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

import holidays
import pghistory
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from mobility.regions import russian_regions

FULL_TIME_HOURS = 40
KOPECK = Decimal("0.01")


class Category(models.TextChoices):
    WAGES = "wages", _("Wages and hours")
    SAFETY = "safety", _("Safety")
    SOCIAL_SECURITY = "social_security", _("Social security")
    RECRUITMENT = "recruitment", _("Fair recruitment")
    IMMIGRATION = "immigration", _("Immigration")
    DOCUMENTS = "documents", _("Documents")
    INTEGRITY = "integrity", _("Integrity")
    GRIEVANCES = "grievances", _("Grievances")


class Severity(models.TextChoices):
    INFO = "info", _("Info")
    WARNING = "warning", _("Warning")
    BREACH = "breach", _("Breach")
    CRITICAL = "critical", _("Critical")


SEVERITY_ORDER = {s: i for i, s in enumerate(Severity.values)}


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Corridor(models.Model):
    code = models.CharField(_("code"), max_length=10, unique=True)
    origin = models.CharField(_("origin country"), max_length=2)
    destination = models.CharField(_("destination country"), max_length=2)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        app_label = "compliance"

    def __str__(self) -> str:
        return self.name


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Rule(models.Model):
    corridor = models.ForeignKey(Corridor, on_delete=models.PROTECT, related_name="rules")
    code = models.CharField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    fires_when = models.TextField(_("fires when"))
    legal_source = models.CharField(_("legal source"), max_length=300, blank=True)
    enabled = models.BooleanField(_("enabled"), default=True)

    class Meta:
        app_label = "compliance"
        ordering = ["category", "code"]

    def __str__(self) -> str:
        return self.code


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class RuleParameter(models.Model):
    """One version of a rule's parameters, in force from `effective_from` until the next."""

    rule = models.ForeignKey(Rule, on_delete=models.CASCADE, related_name="parameter_versions")
    effective_from = models.DateField(_("effective from"))
    values = models.JSONField(_("values"), default=dict, blank=True)

    class Meta:
        app_label = "compliance"
        ordering = ["rule", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "effective_from"], name="one_parameter_version_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule.code} from {self.effective_from}"


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class MinimumWage(models.Model):
    """A minimum monthly wage for full time; an empty region is the federal MROT."""

    region = models.CharField(
        _("region"), max_length=6, choices=russian_regions, blank=True, default=""
    )
    effective_from = models.DateField(_("effective from"))
    amount_rub = models.DecimalField(
        _("RUB per month"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        app_label = "compliance"
        ordering = ["region", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "effective_from"], name="one_minimum_wage_per_region_and_day"
            ),
            models.CheckConstraint(
                condition=models.Q(amount_rub__gte=0), name="minimum_wage_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region or 'federal'} {self.effective_from}: {self.amount_rub}"


# --- Answers -------------------------------------------------------------------------------


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
    message: str
    expected: str
    actual: str
    source: str
    details: dict = field(default_factory=dict)

    def as_text(self) -> str:
        return f"{self.rule}: {self.message}"


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
                    message=f"{hours_per_week} hours a week exceed the maximum of {max_hours}.",
                    expected=f"at most {max_hours} hours a week",
                    actual=f"{hours_per_week} hours a week",
                    source=hours_rule.legal_source,
                )
            )
    wage_rule = Rule.objects.filter(code="WAGE_BELOW_MINIMUM", enabled=True).first()
    minimum = applicable_minimum_wage(region, on, hours_per_week)
    if wage_rule is not None and minimum is not None and monthly_wage_rub < minimum.amount_rub:
        violations.append(
            Violation(
                rule=wage_rule.code,
                message=(
                    f"A monthly wage of {monthly_wage_rub} RUB is below the applicable minimum "
                    f"of {minimum.amount_rub} RUB ({minimum.scope}, in force from "
                    f"{minimum.effective_from})."
                ),
                expected=f"at least {minimum.amount_rub} RUB a month",
                actual=f"{monthly_wage_rub} RUB a month",
                source=f"{wage_rule.legal_source}; {minimum.source}",
                details={"minimum_rub": str(minimum.amount_rub), "scope": minimum.scope},
            )
        )
    return violations


# --- The Russian production calendar ------------------------------------------------------


@cache
def _russian_calendar(year: int):
    return holidays.country_holidays("RU", years=year)


def is_working_day(day: date) -> bool:
    """Russian production calendar, transfers included (1 Nov 2025 was worked)."""
    return _russian_calendar(day.year).is_working_day(day)


def working_days_in_month(year: int, month: int) -> int:
    last = calendar.monthrange(year, month)[1]
    return sum(is_working_day(date(year, month, d)) for d in range(1, last + 1))


def add_working_days(start: date, count: int) -> date:
    """The date `count` working days after `start` (start itself not counted)."""
    day = start
    remaining = count
    while remaining > 0:
        day = date.fromordinal(day.toordinal() + 1)
        if is_working_day(day):
            remaining -= 1
    return day


def monthly_norm_hours(year: int, month: int, contract_hours_per_week: Decimal | int) -> Decimal:
    """Working days x 8 x contract hours / 40 (RULES.md, "What a month owes")."""
    return (
        Decimal(working_days_in_month(year, month))
        * 8
        * Decimal(contract_hours_per_week)
        / FULL_TIME_HOURS
    )
