"""Who hears of a case's move: the worker by SMS in their own language, and the employer's
staff by e-mail when a candidate is submitted to them (SPEC §5)."""

from django.conf import settings
from django.utils import translation

from mobility.notifications import email_users, send_sms
from workers.models import Placement, PlacementStatus


def notify_move(placement_id: int, to: str) -> None:
    placement = (
        Placement.objects.select_related("worker", "job_order__employer")
        .filter(pk=placement_id)
        .first()
    )
    if placement is None:
        return
    event = placement.timeline.filter(to_status=to).order_by("-at", "-pk").first()
    if event is not None and event.public_message:
        with translation.override(placement.worker.preferred_language):
            text = translation.gettext(event.public_message)
            send_sms(placement.worker.phone, f"{placement.reference}: {text}")
    if to == PlacementStatus.SUBMITTED:
        employer = placement.job_order.employer
        members = [m.user for m in employer.members.select_related("user")]
        email_users(
            members,
            f"New candidate {placement.reference} for {placement.job_order.title}",
            f"A recruitment agency submitted a candidate for your job order "
            f'"{placement.job_order.title}". Open case {placement.reference} to accept or '
            f"reject it: {settings.SITE_URL}/cases/{placement.pk}/",
        )
