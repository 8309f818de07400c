"""Grievances a worker files about their own case, without an account, and the officials'
handling of them.

Each action runs in its own (durable) transaction; the officials' actions take the acting
`Actor`, lock the grievance and name their user in the history context.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

import pghistory
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mobility.access import Actor, actor_for
from mobility.errors import ActionForbidden, MoveNotAllowed
from mobility.notifications.events import Event
from mobility.notifications.services import notify
from workers.models import OPEN_GRIEVANCE_STATUSES, Grievance, GrievanceStatus, Placement
from workers.placements.references import new_reference

ACKNOWLEDGE_WITHIN = timedelta(days=3)


RESOLVE_WITHIN = timedelta(days=30)


RECEIPT_PREFIX = "GRV"


_RECEIPT_ATTEMPTS = 5


def file_grievance(*, placement: Placement, category: str, description: str) -> Grievance:
    """Record a worker's complaint under a new receipt number. Officials must acknowledge it
    within 3 days and resolve it within 30; the employer learns of it only when an official
    shares it. The caller has already matched the case to the worker's date of birth."""
    with transaction.atomic(durable=True):
        return record_grievance(placement=placement, category=category, description=description)


def record_grievance(*, placement: Placement, category: str, description: str) -> Grievance:
    """`file_grievance` as part of the caller's transaction (a worker's wage dispute files its
    grievance together with its finding)."""
    now = timezone.now()
    for attempt in range(_RECEIPT_ATTEMPTS):
        try:
            with transaction.atomic():
                return Grievance.objects.create(
                    receipt=new_reference(RECEIPT_PREFIX),
                    placement=placement,
                    category=category,
                    description=description,
                    acknowledgement_due=now + ACKNOWLEDGE_WITHIN,
                    resolution_due=now + RESOLVE_WITHIN,
                )
        except IntegrityError:
            # 35 random bits make a repeated receipt rare; draw another one.
            if attempt == _RECEIPT_ATTEMPTS - 1:
                raise


@dataclass(frozen=True)
class Clock:
    """One SLA clock of a grievance as a page shows it."""

    due: datetime
    met_at: datetime | None

    @property
    def overdue(self) -> bool:
        """Still running past its due time: what the queue flags, filters and counts as
        overdue (`filters.overdue_at`)."""
        return self.met_at is None and timezone.now() > self.due

    @property
    def met_late(self) -> bool:
        return self.met_at is not None and self.met_at > self.due


def acknowledgement_clock(grievance: Grievance) -> Clock:
    """Acknowledged within 3 days of filing: stopped by the start of the investigation or by
    closing."""
    return Clock(grievance.acknowledgement_due, grievance.acknowledged_at)


def resolution_clock(grievance: Grievance) -> Clock:
    """Closed within 30 days of filing."""
    return Clock(grievance.resolution_due, grievance.closed_at)


def require_official(actor: Actor) -> None:
    """Officials handle grievances; the worker files them and the employer reads a shared one."""
    if not actor.is_official:
        raise ActionForbidden(_("Only officials handle grievances."))


def _locked(grievance_id: int) -> Grievance:
    return Grievance.objects.select_for_update().get(pk=grievance_id)


def _allowed_moves(grievance: Grievance) -> list[str]:
    if grievance.status == GrievanceStatus.RECEIVED:
        return ["assign", "investigate", "resolve", "reject", "share"]
    if grievance.status == GrievanceStatus.INVESTIGATING:
        return ["assign", "resolve", "reject", "share"]
    return []


# A closed grievance stays as it was closed; %(status)s is its status.
NO_LONGER_ASSIGNED = gettext_lazy("The grievance is %(status)s; it can no longer be assigned.")
ALREADY_CLOSED = gettext_lazy("The grievance is already %(status)s.")


def _require_open(grievance: Grievance, refusal: str) -> None:
    if grievance.status not in OPEN_GRIEVANCE_STATUSES:
        raise MoveNotAllowed(
            refusal % {"status": grievance.get_status_display().lower()},
            _allowed_moves(grievance),
        )


def assign_grievance(
    *, actor: Actor, grievance_id: int, assignee_id: int | None = None
) -> Grievance:
    """An official takes a grievance (no assignee given) or hands it to another official."""
    require_official(actor)
    assignee_id = assignee_id or actor.user_id
    assignee = get_user_model().objects.filter(pk=assignee_id, is_active=True).first()
    if assignee is None or not actor_for(assignee).is_official:
        raise ValidationError({"assignee": [_("Grievances are assigned to officials only.")]})
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        grievance = _locked(grievance_id)
        _require_open(grievance, NO_LONGER_ASSIGNED)
        grievance.assignee = assignee
        grievance.save(update_fields=["assignee", "updated_at"])
    return grievance


def start_investigation(*, actor: Actor, grievance_id: int) -> Grievance:
    """Starting the investigation acknowledges the grievance (its first SLA clock stops);
    an unassigned one becomes the official's own."""
    require_official(actor)
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        grievance = _locked(grievance_id)
        if grievance.status != GrievanceStatus.RECEIVED:
            raise MoveNotAllowed(
                _("The grievance is %(status)s; only a received one can start being investigated.")
                % {"status": grievance.get_status_display().lower()},
                _allowed_moves(grievance),
            )
        grievance.status = GrievanceStatus.INVESTIGATING
        grievance.acknowledged_at = timezone.now()
        grievance.assignee_id = grievance.assignee_id or actor.user_id
        grievance.save(update_fields=["status", "acknowledged_at", "assignee", "updated_at"])
        tell_worker(grievance, Event.GRIEVANCE_ACKNOWLEDGED, key=f"grievance:{grievance.pk}:ack")
    return grievance


def tell_worker(grievance: Grievance, event: str, *, key: str) -> None:
    """An SMS to the worker who filed the grievance, in their language, pointing to /status/
    where they follow it (the SMS names only the receipt, never what the complaint says)."""
    placement = Placement.objects.select_related("worker").get(pk=grievance.placement_id)
    notify(
        event,
        placement.worker,
        {"receipt": grievance.receipt, "url": f"{settings.SITE_URL}/status/"},
        key=key,
        case_id=placement.pk,
    )


# Outcomes an official picks from, stored in the worker's language when the grievance closes:
# the official need not write Hindi or Russian for the worker to read the answer in it.
STANDARD_OUTCOMES = {
    "wages_paid": gettext_lazy("Your employer has paid what you were owed."),
    "put_right": gettext_lazy("We contacted your employer and the problem has been put right."),
    "inspection": gettext_lazy(
        "We have passed your complaint to the labour inspectorate, who will contact you."
    ),
    "not_confirmed": gettext_lazy(
        "We could not confirm the problem from the records. You can file a new complaint "
        "with more details."
    ),
    "elsewhere": gettext_lazy(
        "We cannot act on this problem ourselves. The note below says who can help."
    ),
}


def worker_language(grievance: Grievance) -> str:
    return grievance.placement.worker.preferred_language


def outcome_text(grievance: Grievance, standard: str, note: str) -> str:
    """What the worker will read: the chosen standard outcome in the worker's language, then
    the official's own note as written."""
    if standard and standard not in STANDARD_OUTCOMES:
        raise ValidationError({"standard_outcome": [_("Choose one of the outcomes offered.")]})
    note = (note or "").strip()
    if not standard and not note:
        raise ValidationError(
            {"outcome": [_("Choose an outcome or write the one the worker will read.")]}
        )
    with translation.override(worker_language(grievance)):
        parts = [str(STANDARD_OUTCOMES[standard])] if standard else []
    return "\n\n".join([*parts, *([note] if note else [])])


def close_grievance(
    *, actor: Actor, grievance_id: int, status: str, outcome: str, standard_outcome: str = ""
) -> Grievance:
    """Resolve (the wrong was put right) or reject (no action possible or warranted) with an
    outcome the worker will read; closing also counts as acknowledging."""
    require_official(actor)
    if status not in (GrievanceStatus.RESOLVED, GrievanceStatus.REJECTED):
        raise ValidationError({"status": [_("A grievance closes as resolved or rejected.")]})
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        grievance = _locked(grievance_id)
        _require_open(grievance, ALREADY_CLOSED)
        now = timezone.now()
        grievance.status = status
        grievance.outcome = outcome_text(grievance, standard_outcome, outcome)
        grievance.closed_at = now
        grievance.acknowledged_at = grievance.acknowledged_at or now
        grievance.assignee_id = grievance.assignee_id or actor.user_id
        grievance.save(
            update_fields=[
                "status",
                "outcome",
                "closed_at",
                "acknowledged_at",
                "assignee",
                "updated_at",
            ]
        )
        # A grievance reopened and closed again is news again: the key names this closing.
        tell_worker(
            grievance,
            Event.GRIEVANCE_CLOSED,
            key=f"grievance:{grievance.pk}:closed:{now.isoformat()}",
        )
    return grievance


def share_with_employer(*, actor: Actor, grievance_id: int) -> Grievance:
    """Let the employer see whose grievance it is and what it says, so that it can answer."""
    require_official(actor)
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        grievance = _locked(grievance_id)
        if not grievance.shared_with_employer:
            grievance.shared_with_employer = True
            grievance.save(update_fields=["shared_with_employer", "updated_at"])
    return grievance


def officials_to_assign() -> QuerySet:
    """The people a grievance can be handed to."""
    return (
        get_user_model()
        .objects.filter(is_active=True, official__isnull=False)
        .order_by("username")
        .only("pk", "username")
    )
