import pghistory
from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from employers.validators import validate_employer_inn, validate_ogrn
from mobility.regions import russian_regions


class Sector(models.TextChoices):
    CONSTRUCTION = "construction", _("Construction")
    TEXTILES = "textiles", _("Textiles")
    MACHINERY = "machinery", _("Machinery")
    ELECTRONICS = "electronics", _("Electronics")
    ENERGY = "energy", _("Energy")
    AGRICULTURE = "agriculture", _("Agriculture")
    SERVICES = "services", _("Services")
    OTHER = "other", _("Other")


class SponsorshipStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Employer(models.Model):
    legal_name = models.CharField(_("legal name"), max_length=300)
    inn = models.CharField(_("INN"), max_length=10, unique=True, validators=[validate_employer_inn])
    ogrn = models.CharField(_("OGRN"), max_length=13, validators=[validate_ogrn])
    region = models.CharField(_("region"), max_length=6, choices=russian_regions, db_index=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, db_index=True)
    address = models.CharField(_("address"), max_length=500, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=32, blank=True)
    sponsorship_status = models.CharField(
        _("sponsorship status"),
        max_length=10,
        choices=SponsorshipStatus.choices,
        default=SponsorshipStatus.APPLIED,
        db_index=True,
    )
    # The most concurrent workers in states contract_signed .. employed.
    quota = models.PositiveIntegerField(_("quota"), default=0, validators=[MinValueValidator(0)])
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["legal_name", "pk"]
        verbose_name = _("employer")
        verbose_name_plural = _("employers")

    def __str__(self) -> str:
        return self.legal_name


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class EmployerMembership(models.Model):
    """A user who acts for one employer."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employer_membership"
    )
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="members")

    def __str__(self) -> str:
        return f"{self.user} @ {self.employer}"
