import pghistory
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from mobility.regions import russian_regions


class Organisation(models.Model):
    """What an employer and an agency both keep: how to reach them and when their record
    changed. `NAME_FIELD` names the field people know it by."""

    NAME_FIELD = "name"

    address = models.CharField(_("address"), max_length=500, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=32, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return getattr(self, self.NAME_FIELD)


class Membership(models.Model):
    """A user who acts for one organisation: the concrete model's other foreign key."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        organisation = next(
            field.name
            for field in self._meta.concrete_fields
            if field.is_relation and field.name != "user"
        )
        return f"{self.user} @ {getattr(self, organisation)}"


class Side(models.TextChoices):
    INDIA = "IN", _("India")
    RUSSIA = "RU", _("Russia")


class Rank(models.TextChoices):
    """Where an official stands on their side's grievance ladder (issue 13): a grievance whose
    clock runs out climbs from the regional officials to the supervisors, then to the head."""

    OFFICIAL = "official", _("Official")
    SUPERVISOR = "supervisor", _("Supervisor")
    HEAD = "head", _("Head")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Official(models.Model):
    """A government official of one side of the pact, optionally limited to Russian regions."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="official"
    )
    side = models.CharField(_("side"), max_length=2, choices=Side.choices)
    # Empty means every region.
    regions = ArrayField(
        models.CharField(max_length=6, choices=russian_regions),
        blank=True,
        default=list,
        verbose_name=_("regions"),
    )
    rank = models.CharField(_("rank"), max_length=10, choices=Rank.choices, default=Rank.OFFICIAL)

    class Meta:
        verbose_name = _("official")
        verbose_name_plural = _("officials")

    def __str__(self) -> str:
        return f"{self.user} ({self.side})"


class Heartbeat(models.Model):
    """Last time a named periodic process reported in; read by /health/."""

    name = models.CharField(max_length=50, unique=True)
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} @ {self.seen_at:%Y-%m-%d %H:%M:%S}"


# Models of the capability packages, where Django looks for the app's models.
from mobility.notifications.models import Notification, NotificationSettings  # noqa: E402,F401
