from django.db import models
from django.utils.translation import gettext_lazy as _

from mobility.models import Side


class GrievanceClock(models.Model):
    """How long officials have to acknowledge and to resolve a grievance of one category, and
    which side's officials answer for it. Seeded from `data/clocks.csv`; officials' support
    staff edit it in the admin, and a grievance takes the clock in force when it is filed or
    reaches a new level."""

    # A code of workers.models.GrievanceCategory; without its choices here, because the
    # rulebook reads compliance.models and must not reach the workers app through it.
    category = models.CharField(_("category"), max_length=30, unique=True)
    acknowledge_within_days = models.PositiveSmallIntegerField(_("acknowledge within (days)"))
    resolve_within_days = models.PositiveSmallIntegerField(_("resolve within (days)"))
    side = models.CharField(_("side"), max_length=2, choices=Side.choices, default=Side.RUSSIA)

    class Meta:
        verbose_name = _("grievance clock")
        verbose_name_plural = _("grievance clocks")
        ordering = ["category"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(acknowledge_within_days__gte=1)
                & models.Q(resolve_within_days__gte=models.F("acknowledge_within_days")),
                name="grievance_clock_acknowledge_before_resolve",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category}: {self.acknowledge_within_days} / {self.resolve_within_days} days"
