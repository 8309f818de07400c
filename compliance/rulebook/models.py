"""The rulebook: rules, their effective-dated parameters and the minimum-wage table, as data.

This module imports no other app, so `employers` and `workers` may ask it whether job terms
meet the rules in force before they accept them (the import-linter contracts keep it so).
"""

from datetime import date

import pghistory
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mobility.regions import russian_regions

from . import words

# The pact's law is read from 2000 on; a date outside these bounds is a typing slip.
EARLIEST_EFFECTIVE = date(2000, 1, 1)
YEARS_AHEAD = 5


def plausible_effective_date(value: date) -> None:
    today = timezone.localdate()
    latest = date(today.year + YEARS_AHEAD, 12, 31)
    if not EARLIEST_EFFECTIVE <= value <= latest:
        raise ValidationError(
            _("A rule or minimum wage takes effect between 2000 and five years from now."),
            code="implausible",
        )


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


def is_severity_parameter(name: str) -> bool:
    """A rule with two severities keeps its second as a parameter named severity_* (RULES.md
    amendments: `severity_above_cap`, `severity_expiring`); its value is a severity code."""
    return name.startswith("severity")


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
    corridor = models.ForeignKey(
        Corridor, on_delete=models.PROTECT, related_name="rules", verbose_name=_("corridor")
    )
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

    @property
    def title_in_words(self) -> str:
        return words.in_words(self.title)

    @property
    def condition_in_words(self) -> str:
        return words.in_words(self.fires_when)

    @property
    def source_in_words(self) -> str:
        return words.source_in_words(self.legal_source)


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class RuleParameter(models.Model):
    """One version of a rule's parameters, in force from `effective_from` until the next."""

    rule = models.ForeignKey(
        Rule, on_delete=models.CASCADE, related_name="parameter_versions", verbose_name=_("rule")
    )
    effective_from = models.DateField(_("effective from"), validators=[plausible_effective_date])
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
    effective_from = models.DateField(_("effective from"), validators=[plausible_effective_date])
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

    @property
    def source_in_words(self) -> str:
        return words.source_in_words(self.source)
