"""Grievances a worker files about their own case, without an account."""

from dataclasses import dataclass
from datetime import datetime, timedelta

import pghistory
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from mobility.access import Actor, actor_for
from mobility.errors import ActionForbidden, MoveNotAllowed
from workers.models import Grievance, GrievanceStatus, Placement
from workers.placements.references import new_reference

ACKNOWLEDGE_WITHIN = timedelta(days=3)


RESOLVE_WITHIN = timedelta(days=30)


RECEIPT_PREFIX = "GRV"


_RECEIPT_ATTEMPTS = 5


def file_grievance(*, placement: Placement, category: str, description: str) -> Grievance:
    """Record a worker's complaint under a new receipt number. Officials must acknowledge it
    within 3 days and resolve it within 30; the employer learns of it only when an official
    shares it. The caller has already matched the case to the worker's date of birth."""
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


OPEN_GRIEVANCE_STATUSES = (GrievanceStatus.RECEIVED, GrievanceStatus.INVESTIGATING)


@dataclass(frozen=True)
class Clock:
    """One SLA clock of a grievance as a page shows it."""

    due: datetime
    met_at: datetime | None

    @property
    def overdue(self) -> bool:
        return (self.met_at or timezone.now()) > self.due


def acknowledgement_clock(grievance: Grievance) -> Clock:
    return Clock(grievance.acknowledgement_due, grievance.acknowledged_at)


def resolution_clock(grievance: Grievance) -> Clock:
    return Clock(grievance.resolution_due, grievance.closed_at)


def require_official(actor: Actor) -> None:
    if not actor.is_official:
        raise ActionForbidden("Only officials handle grievances.")


def _locked(grievance_id: int) -> Grievance:
    return Grievance.objects.select_for_update().get(pk=grievance_id)


def _allowed_moves(grievance: Grievance) -> list[str]:
    if grievance.status == GrievanceStatus.RECEIVED:
        return ["assign", "investigate", "resolve", "reject", "share"]
    if grievance.status == GrievanceStatus.INVESTIGATING:
        return ["assign", "resolve", "reject", "share"]
    return []


def _require_open(grievance: Grievance, move: str) -> None:
    if grievance.status not in OPEN_GRIEVANCE_STATUSES:
        raise MoveNotAllowed(
            f"The grievance is {grievance.get_status_display().lower()}; it cannot be {move}.",
            _allowed_moves(grievance),
        )


def assign_grievance(*, actor: Actor, grievance_id: int, assignee_id: int | None = None):
    """An official takes a grievance (no assignee given) or hands it to another official."""
    require_official(actor)
    assignee_id = assignee_id or actor.user_id
    assignee = get_user_model().objects.filter(pk=assignee_id, is_active=True).first()
    if assignee is None or not actor_for(assignee).is_official:
        raise ValidationError({"assignee": ["Grievances are assigned to officials only."]})
    with transaction.atomic(), pghistory.context(user=actor.user_id):
        grievance = _locked(grievance_id)
        _require_open(grievance, "assigned")
        grievance.assignee = assignee
        grievance.save(update_fields=["assignee", "updated_at"])
    return grievance


def start_investigation(*, actor: Actor, grievance_id: int) -> Grievance:
    """Starting the investigation acknowledges the grievance (its first SLA clock stops);
    an unassigned one becomes the official's own."""
    require_official(actor)
    with transaction.atomic(), pghistory.context(user=actor.user_id):
        grievance = _locked(grievance_id)
        if grievance.status != GrievanceStatus.RECEIVED:
            raise MoveNotAllowed(
                f"The grievance is {grievance.get_status_display().lower()}; only a received "
                "one can start being investigated.",
                _allowed_moves(grievance),
            )
        grievance.status = GrievanceStatus.INVESTIGATING
        grievance.acknowledged_at = timezone.now()
        grievance.assignee_id = grievance.assignee_id or actor.user_id
        grievance.save(update_fields=["status", "acknowledged_at", "assignee", "updated_at"])
    return grievance


def close_grievance(*, actor: Actor, grievance_id: int, status: str, outcome: str) -> Grievance:
    """Resolve (the wrong was put right) or reject (no action possible or warranted) with an
    outcome the worker will read; closing also counts as acknowledging."""
    require_official(actor)
    if status not in (GrievanceStatus.RESOLVED, GrievanceStatus.REJECTED):
        raise ValidationError({"status": ["A grievance closes as resolved or rejected."]})
    outcome = (outcome or "").strip()
    if not outcome:
        raise ValidationError({"outcome": ["Write the outcome the worker will read."]})
    with transaction.atomic(), pghistory.context(user=actor.user_id):
        grievance = _locked(grievance_id)
        _require_open(grievance, "closed")
        now = timezone.now()
        grievance.status = status
        grievance.outcome = outcome
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
    return grievance


def share_with_employer(*, actor: Actor, grievance_id: int) -> Grievance:
    """Let the employer see whose grievance it is and what it says, so that it can answer."""
    require_official(actor)
    with transaction.atomic(), pghistory.context(user=actor.user_id):
        grievance = _locked(grievance_id)
        if not grievance.shared_with_employer:
            grievance.shared_with_employer = True
            grievance.save(update_fields=["shared_with_employer", "updated_at"])
    return grievance


def officials_to_assign():
    """The people a grievance can be handed to."""
    return (
        get_user_model()
        .objects.filter(is_active=True, official__isnull=False)
        .order_by("username")
        .only("pk", "username")
    )
