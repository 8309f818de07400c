"""One row per message sent to a person, and each staff member's choice of how to hear.

The model lives in `mobility`, the base layer, so that every app can queue a message without
importing the others. It names the case it concerns by `case_id`, a plain indexed number and
not a foreign key: a key to `workers.Placement` would make the base layer depend on the app
above it (models and migrations alike). The case page, in `workers`, reads the messages by that
number after it has found the case in the reader's scope; cases are never deleted (PROTECT from
their worker, grievances and findings), so the number never points at nothing.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mobility.notifications.events import Event


class Channel(models.TextChoices):
    SMS = "sms", _("SMS")
    EMAIL = "email", _("E-mail")


class NotificationStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Delivery(models.TextChoices):
    NOW = "now", _("E-mail now")
    DIGEST = "digest", _("Daily digest")
    OFF = "off", _("Off")


class Notification(models.Model):
    """A message to one person about one event. `key` is unique: whatever queues it twice (a
    task delivered again, a job run again) finds the row already there and sends nothing more.
    An item for a daily digest waits `queued` until the digest that carries it (`digest`) is
    sent, and then counts as sent with it."""

    key = models.CharField(max_length=200, unique=True)
    event = models.CharField(_("event"), max_length=30, choices=Event.choices)
    channel = models.CharField(_("channel"), max_length=5, choices=Channel.choices)
    # A user for staff; a worker has no account and is reached at the phone number recorded.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    address = models.CharField(_("sent to"), max_length=254)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    text = models.TextField(_("text"))
    case_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    in_digest = models.BooleanField(default=False)
    digest = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="items"
    )
    status = models.CharField(
        _("status"),
        max_length=6,
        choices=NotificationStatus.choices,
        default=NotificationStatus.QUEUED,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    # When the next attempt is due after a failed one (Celery's retry countdown).
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(
                fields=["user", "created_at"],
                condition=models.Q(in_digest=True, digest__isnull=True),
                name="notification_digest_waiting",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(in_digest=False) | models.Q(user__isnull=False),
                name="notification_digest_item_has_user",
            )
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.address} ({self.status})"


class NotificationSettings(models.Model):
    """A staff member's language for messages and, per event, how they hear of it. Without a
    row (or an event missing from `deliveries`) the defaults of `events.STAFF_DEFAULTS` and the
    language of the side the person works on apply."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    # {event: "now" | "digest" | "off"}
    deliveries = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return str(self.user)
