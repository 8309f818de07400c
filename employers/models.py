import pghistory
from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from employers.sponsorship.validators import validate_employer_inn, validate_ogrn
from mobility.models import Membership, Organisation
from mobility.regions import russian_regions
from mobility.sectors import Sector


class SponsorshipStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Employer(Organisation):
    NAME_FIELD = "legal_name"

    legal_name = models.CharField(_("legal name"), max_length=300)
    inn = models.CharField(_("INN"), max_length=10, unique=True, validators=[validate_employer_inn])
    ogrn = models.CharField(_("OGRN"), max_length=13, validators=[validate_ogrn])
    region = models.CharField(_("region"), max_length=6, choices=russian_regions, db_index=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, db_index=True)
    sponsorship_status = models.CharField(
        _("sponsorship status"),
        max_length=10,
        choices=SponsorshipStatus.choices,
        default=SponsorshipStatus.APPLIED,
        db_index=True,
    )
    # The most concurrent workers in states contract_signed .. employed.
    quota = models.PositiveIntegerField(_("quota"), default=0, validators=[MinValueValidator(0)])

    class Meta:
        ordering = ["legal_name", "pk"]
        verbose_name = _("employer")
        verbose_name_plural = _("employers")


class SponsorshipDecisionKind(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")
    SUSPEND = "suspend", _("Suspend")
    REVOKE = "revoke", _("Revoke")


class SponsorshipDecision(models.Model):
    """One decision on an employer's sponsorship: who, when, why, and the move it made."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="decisions")
    decision = models.CharField(
        _("decision"), max_length=10, choices=SponsorshipDecisionKind.choices
    )
    from_status = models.CharField(max_length=10, choices=SponsorshipStatus.choices)
    to_status = models.CharField(max_length=10, choices=SponsorshipStatus.choices)
    quota = models.PositiveIntegerField(_("quota"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.employer}: {self.decision}"


class JobOrderStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    FILLED = "filled", _("Filled")
    CLOSED = "closed", _("Closed")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class JobOrder(models.Model):
    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="job_orders")
    title = models.CharField(_("title"), max_length=200)
    occupation = models.CharField(_("occupation (ISCO-08)"), max_length=4)
    positions = models.PositiveIntegerField(_("positions"), validators=[MinValueValidator(1)])
    monthly_wage_rub = models.DecimalField(
        _("monthly gross wage, RUB"), max_digits=12, decimal_places=2
    )
    hours_per_week = models.DecimalField(_("hours per week"), max_digits=4, decimal_places=1)
    overtime_rate = models.DecimalField(
        _("overtime rate (multiple of the hourly wage)"),
        max_digits=4,
        decimal_places=2,
        default=1.5,
    )
    accommodation_provided = models.BooleanField(_("accommodation provided"), default=False)
    meals_provided = models.BooleanField(_("meals provided"), default=False)
    monthly_deduction_rub = models.DecimalField(
        _("monthly deduction for accommodation and meals, RUB"),
        max_digits=12,
        decimal_places=2,
        default=0,
    )
    work_region = models.CharField(_("work region"), max_length=6, choices=russian_regions)
    contract_months = models.PositiveIntegerField(
        _("contract length in months"), validators=[MinValueValidator(1)]
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=JobOrderStatus.choices,
        default=JobOrderStatus.DRAFT,
        db_index=True,
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("job order")
        verbose_name_plural = _("job orders")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(monthly_wage_rub__gte=0)
                & models.Q(monthly_deduction_rub__gte=0)
                & models.Q(hours_per_week__gt=0)
                & models.Q(overtime_rate__gte=1),
                name="job_order_figures_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.employer})"


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class EmployerMembership(Membership):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employer_membership"
    )
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="members")
