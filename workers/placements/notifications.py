"""Who hears of a case's move (SPEC §5): the worker by SMS in their own language; the employer's
staff of a candidate submitted to them; the agency's and the employer's staff of every other
move on their own cases, as each chose (e-mail now, the daily digest, or not at all). The one
who made the move is not told of it."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from mobility.notifications.events import Event
from mobility.notifications.services import notify, notify_all
from workers.models import CaseEvent, PlacementStatus


def staff_of(placement, *, employer: bool = True, agency: bool = True):
    """The active members of the case's agency and employer, with their message settings."""
    users = get_user_model().objects.filter(is_active=True).select_related("notification_settings")
    who = users.none()
    if agency:
        who = who | users.filter(agency_membership__agency_id=placement.agency_id)
    if employer:
        who = who | users.filter(employer_membership__employer_id=placement.job_order.employer_id)
    return who.order_by("pk")


def notify_move(event_id: int) -> None:
    """Tell of the move the timeline event records, once: each message's key names the event,
    so a task delivered twice queues nothing twice."""
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
        key = f"case-event:{event.pk}"
        if event.public_message:
            notify(
                Event.CASE_MOVED,
                placement.worker,
                {
                    "reference": placement.reference,
                    "message": lambda: gettext(event.public_message),
                },
                key=key,
                case_id=placement.pk,
            )
        staff = staff_of(placement).exclude(pk=event.actor_id)
        url = f"{settings.SITE_URL}/cases/{placement.pk}/"
        if event.to_status == PlacementStatus.SUBMITTED:
            notify_all(
                Event.NEW_CANDIDATE,
                staff.filter(employer_membership__isnull=False),
                {"reference": placement.reference, "job": placement.job_order.title, "url": url},
                key=key,
                case_id=placement.pk,
            )
            staff = staff.filter(employer_membership__isnull=True)
        notify_all(
            Event.CASE_MOVED,
            staff,
            {
                "reference": placement.reference,
                "from_status": lambda: (
                    PlacementStatus(event.from_status).label if event.from_status else "—"
                ),
                "status": lambda: PlacementStatus(event.to_status).label,
                "url": url,
            },
            key=key,
            case_id=placement.pk,
        )
        event.notified_at = timezone.now()
        event.save(update_fields=["notified_at"])
