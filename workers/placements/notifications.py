"""Who hears of a case's move: the worker by SMS in their own language, and the employer's
staff by e-mail when a candidate is submitted to them (SPEC §5)."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from mobility.notifications import email_users, send_sms
from workers.models import CaseEvent, PlacementStatus


def notify_move(event_id: int) -> None:
    """Tell of the move the timeline event records, once: the event is locked while it is
    told and marked told, so a task delivered twice sends nothing twice."""
    with transaction.atomic():
        event = (
            CaseEvent.objects.select_for_update(of=("self",))
            .select_related("placement__worker", "placement__job_order__employer")
            .filter(pk=event_id, notified_at__isnull=True)
            .first()
        )
        if event is None:
            return
        placement = event.placement
        if event.public_message:
            with translation.override(placement.worker.preferred_language):
                text = translation.gettext(event.public_message)
                send_sms(placement.worker.phone, f"{placement.reference}: {text}")
        if event.to_status == PlacementStatus.SUBMITTED:
            employer = placement.job_order.employer
            members = [m.user for m in employer.members.select_related("user")]
            email_users(
                members,
                f"New candidate {placement.reference} for {placement.job_order.title}",
                f"A recruitment agency submitted a candidate for your job order "
                f'"{placement.job_order.title}". Open case {placement.reference} to accept or '
                f"reject it: {settings.SITE_URL}/cases/{placement.pk}/",
            )
        event.notified_at = timezone.now()
        event.save(update_fields=["notified_at"])
