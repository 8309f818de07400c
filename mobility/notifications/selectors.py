"""Reads of the notifications, scoped to their reader."""

from django.db.models import Q, QuerySet

from mobility.access import Actor, Role, actor_for
from mobility.notifications.events import OFFICIALS_ONLY
from mobility.notifications.models import Channel, Notification
from mobility.notifications.services import delivery_for, language_for


def case_notifications_visible_to(user, case_id: int) -> QuerySet[Notification]:
    """The messages about one case its reader may see; the caller has found the case in the
    reader's scope (the case page, through `placements_visible_to`). Officials see them all;
    agency and employer staff see what was sent to their own organisation's members and what
    the worker was told, except of grievances (SPEC §3: who complained stays with officials).
    Anyone else sees none."""
    actor: Actor = actor_for(user)
    messages = Notification.objects.filter(case_id=case_id).select_related("user")
    if actor.is_official:
        return messages
    to_worker = Q(channel=Channel.SMS) & ~Q(event__in=OFFICIALS_ONLY)
    if actor.role == Role.AGENCY:
        return messages.filter(to_worker | Q(user__agency_membership__agency_id=actor.agency_id))
    if actor.role == Role.EMPLOYER:
        return messages.filter(
            to_worker | Q(user__employer_membership__employer_id=actor.employer_id)
        )
    return messages.none()


def settings_initial(user, events) -> dict[str, str]:
    """What the profile form starts from: the user's choices, or the defaults."""
    return {
        "language": language_for(user),
        **{event: delivery_for(user, event) for event in events},
    }
