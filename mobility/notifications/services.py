"""Queueing, sending and gathering messages.

`notify` is what every app calls: it writes the message, in the recipient's language, in the
caller's transaction (so a message exists exactly when the change it tells of does) and hands
it to a Celery task once that transaction commits. Each message has its own key; a second call
with the same key finds the row and queues nothing, however often a task or job runs.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mobility import figures
from mobility.access import Role, actor_for
from mobility.notifications.backends import DeliveryError, sms_backend
from mobility.notifications.events import EMAIL_TEXTS, SMS_TEXTS, STAFF_DEFAULTS, Event
from mobility.notifications.models import (
    Channel,
    Delivery,
    Notification,
    NotificationSettings,
    NotificationStatus,
)

# What a failed send may raise: the backend's refusal, SMTP's errors and a dropped connection.
SEND_FAULTS = (DeliveryError, OSError)


def _settings_of(user) -> NotificationSettings | None:
    try:
        return user.notification_settings
    except ObjectDoesNotExist:
        return None


def language_for(user) -> str:
    """The language the user chose for messages; until they choose, Russian for those who work
    on the Russian side and English for the Indian side."""
    chosen = _settings_of(user)
    if chosen is not None:
        return chosen.language
    actor = actor_for(user)
    if actor.role == Role.EMPLOYER or (actor.role == Role.OFFICIAL and actor.side == "RU"):
        return "ru"
    return settings.LANGUAGE_CODE


def delivery_for(user, event: str) -> str:
    chosen = _settings_of(user)
    if chosen is not None and event in chosen.deliveries:
        return chosen.deliveries[event]
    return STAFF_DEFAULTS.get(event, Delivery.NOW)


def _rendered(template, context: dict[str, Any]) -> str:
    # Callables format their figure for the language active now (a month, an amount).
    values = {name: str(value() if callable(value) else value) for name, value in context.items()}
    return str(template) % values


def notify(
    event: str, recipient, context: dict[str, Any], *, key: str, case_id: int | None = None
) -> Notification | None:
    """Queue one message about `event` to `recipient`: a user (by e-mail, now or in their daily
    digest, as they chose, or not at all) or a worker (anything with `phone` and
    `preferred_language`, by SMS). `key` names the event (e.g. `case-event:42`); with the
    recipient it makes the message's identity, so the same call twice queues one message.
    Returns the message, or None when the recipient is not to be told or cannot be reached."""
    if hasattr(recipient, "preferred_language"):
        channel, user, address = Channel.SMS, None, recipient.phone
        language, in_digest = recipient.preferred_language, False
        identity = f"sms:{address}"
    else:
        delivery = delivery_for(recipient, event)
        if delivery == Delivery.OFF:
            return None
        channel, user, address = Channel.EMAIL, recipient, recipient.email
        language, in_digest = language_for(recipient), delivery == Delivery.DIGEST
        identity = f"user:{recipient.pk}"
    if not address:
        return None
    with translation.override(language):
        if channel == Channel.SMS:
            subject, text = "", _rendered(SMS_TEXTS[event], context)
        else:
            subject_template, text_template = EMAIL_TEXTS[event]
            subject = _rendered(subject_template, context)
            text = _rendered(text_template, context)
    notification, created = Notification.objects.get_or_create(
        key=f"{key}:{identity}"[:200],
        defaults={
            "event": event,
            "channel": channel,
            "user": user,
            "address": address,
            "language": language,
            "subject": subject[:300],
            "text": text,
            "case_id": case_id,
            "in_digest": in_digest,
        },
    )
    if created and not in_digest:
        send_later(notification.pk)
    return notification


def notify_all(
    event: str, recipients: Iterable, context: dict[str, Any], *, key: str, case_id=None
) -> list[Notification]:
    """`notify` each recipient (select their `notification_settings` with them)."""
    queued = (notify(event, r, context, key=key, case_id=case_id) for r in recipients)
    return [notification for notification in queued if notification is not None]


def send_later(notification_id: int) -> None:
    from mobility.notifications.tasks import deliver_notification

    # Robust: the message is recorded; a broker down now only delays it (`resend_stalled`).
    transaction.on_commit(lambda: deliver_notification.delay(notification_id), robust=True)


def backoff_seconds(attempts: int) -> int:
    """The pause after the `attempts`-th failure: doubling from NOTIFICATION_RETRY_SECONDS, up
    to NOTIFICATION_RETRY_MAX_SECONDS."""
    return get_exponential_backoff_interval(
        factor=settings.NOTIFICATION_RETRY_SECONDS,
        retries=attempts - 1,
        maximum=settings.NOTIFICATION_RETRY_MAX_SECONDS,
        full_jitter=False,
    )


def _send(notification: Notification) -> None:
    if notification.channel == Channel.SMS:
        sms_backend().send(notification.address, notification.text)
    else:
        EmailMessage(notification.subject, notification.text, None, [notification.address]).send()


def deliver(notification_id: int) -> int | None:
    """Try to send a queued message once; returns the seconds to wait before the next try, or
    None when nothing is left to try (sent, failed for good, or not queued). The row stays
    locked while it is sent, so two deliveries of one task cannot both send it."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .filter(pk=notification_id, status=NotificationStatus.QUEUED)
            .first()
        )
        if notification is None:
            return None
        now = timezone.now()
        notification.attempts += 1
        wait = None
        try:
            _send(notification)
        except SEND_FAULTS as error:
            notification.last_error = str(error)[:2000] or error.__class__.__name__
            if notification.attempts >= settings.NOTIFICATION_ATTEMPTS:
                notification.status = NotificationStatus.FAILED
                notification.next_attempt_at = None
            else:
                wait = backoff_seconds(notification.attempts)
                notification.next_attempt_at = now + timedelta(seconds=wait)
        else:
            notification.status = NotificationStatus.SENT
            notification.sent_at = now
            notification.next_attempt_at = None
        notification.save()
        if notification.event == Event.DIGEST and notification.status != NotificationStatus.QUEUED:
            notification.items.update(status=notification.status, sent_at=notification.sent_at)
    return wait


def resend_stalled() -> int:
    """Queue again the messages whose try is long overdue (a broker that lost its messages);
    returns how many. Sending twice is harmless: `deliver` sends only what is still queued."""
    overdue = timezone.now() - timedelta(minutes=10)
    ids = list(
        Notification.objects.filter(status=NotificationStatus.QUEUED, in_digest=False)
        .filter(
            Q(next_attempt_at__lt=overdue) | Q(next_attempt_at__isnull=True, created_at__lt=overdue)
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:1000]
    )
    for notification_id in ids:
        send_later(notification_id)
    return len(ids)


def _digest_text(items: list[Notification]) -> str:
    parts = [_("What happened on your cases since your last digest:")]
    parts += [f"• {item.subject}\n  {item.text}" for item in items]
    return "\n\n".join(parts)


def send_digest(user_id: int, day: date) -> Notification | None:
    """Gather the user's waiting digest items into one e-mail for `day`: one digest a user and
    day, however often the job runs; items arriving after it wait for the next day's."""
    with transaction.atomic():
        items = list(
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                user_id=user_id,
                in_digest=True,
                digest__isnull=True,
                status=NotificationStatus.QUEUED,
            )
            .select_related("user__notification_settings")
            .order_by("created_at", "pk")
        )
        if not items:
            return None
        user = items[0].user
        language = language_for(user)
        with translation.override(language):
            subject = ngettext(
                "Mobility: %(count)d update of %(day)s",
                "Mobility: %(count)d updates of %(day)s",
                len(items),
            ) % {"count": len(items), "day": figures.day(day)}
            text = _digest_text(items)
        digest, created = Notification.objects.get_or_create(
            key=f"digest:{day.isoformat()}:user:{user.pk}",
            defaults={
                "event": Event.DIGEST,
                "channel": Channel.EMAIL,
                "user": user,
                "address": user.email or items[-1].address,
                "language": language,
                "subject": subject,
                "text": text,
            },
        )
        if not created:
            return None
        Notification.objects.filter(pk__in=[item.pk for item in items]).update(digest=digest)
        send_later(digest.pk)
    return digest


def send_digests(day: date | None = None) -> int:
    """The daily digest of every user with items waiting; returns how many were queued."""
    day = day or timezone.localdate()
    users = (
        Notification.objects.filter(
            in_digest=True, digest__isnull=True, status=NotificationStatus.QUEUED
        )
        .values_list("user_id", flat=True)
        .distinct()
        .order_by("user_id")
    )
    return sum(send_digest(user_id, day) is not None for user_id in list(users))


def save_settings(*, user, language: str, deliveries: dict[str, str]) -> NotificationSettings:
    """Record how the user hears of each event; events not named keep their earlier choice."""
    with transaction.atomic():
        chosen, _created = NotificationSettings.objects.select_for_update().get_or_create(
            user=user, defaults={"language": language}
        )
        chosen.language = language
        chosen.deliveries = {**chosen.deliveries, **deliveries}
        chosen.save()
    return chosen
