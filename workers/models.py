import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mobility.regions import indian_states


class AgencyStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Agency(models.Model):
    """A licensed Indian recruitment agency (licence under the Emigration Act 1983)."""

    name = models.CharField(_("name"), max_length=300)
    licence_number = models.CharField(_("licence number"), max_length=50, unique=True)
    licence_valid_until = models.DateField(_("licence valid until"))
    status = models.CharField(
        _("status"), max_length=10, choices=AgencyStatus.choices, default=AgencyStatus.ACTIVE
    )
    state = models.CharField(_("state"), max_length=5, choices=indian_states)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=32, blank=True)
    address = models.CharField(_("address"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class AgencyMembership(models.Model):
    """A user who acts for one agency."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agency_membership"
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="members")

    def __str__(self) -> str:
        return f"{self.user} @ {self.agency}"
