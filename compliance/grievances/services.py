"""Grievances a worker files about their own case, without an account, and the officials'
handling of them.

Each action runs in its own (durable) transaction; the officials' actions take the acting
`Actor`, lock the grievance and name their user in the history context.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pghistory
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.grievances import ladder
from mobility import figures
from mobility.access import Actor, actor_for
from mobility.errors import ActionForbidden, MoveNotAllowed
from mobility.notifications.events import Event
from mobility.notifications.services import notify
from workers.models import (
    CLOCKED_GRIEVANCE_STATUSES,
    OPEN_GRIEVANCE_STATUSES,
    EscalationReason,
    Grievance,
    GrievanceStatus,
    Placement,
    WorkerAnswer,
)
from workers.placements.references import new_reference, normalise
from workers.status.selectors import NO_REFERENCE

RECEIPT_PREFIX = "GRV"


_RECEIPT_ATTEMPTS = 5


def file_grievance(*, placement: Placement, category: str, description: str) -> Grievance:
    """Record a worker's complaint under a new receipt number, at the first level of the
    ladder with its category's clocks (`ladder.due_dates`: 1 day to acknowledge and 7 to
    resolve abuse or a kept passport, 3 and 30 otherwise, as officials set them); the employer
    learns of it only when an official shares it. The caller has already matched the case to
    the worker's date of birth."""
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
                    side=ladder.clocks_for(category).side,
                    level_since=now,
                    **ladder.due_dates(category, now, acknowledged=False),
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
    """Acknowledged in time: stopped by the start of the investigation or by a proposed
    resolution."""
    return Clock(grievance.acknowledgement_due, grievance.acknowledged_at)


def resolution_clock(grievance: Grievance) -> Clock:
    """Resolved in time: stopped when an official proposes it resolved (the worker is then
    asked) or closes it."""
    return Clock(grievance.resolution_due, grievance.proposed_at or grievance.closed_at)


def require_official(actor: Actor) -> None:
    """Officials handle grievances; the worker files them and the employer reads a shared one."""
    if not actor.is_official:
        raise ActionForbidden(_("Only officials handle grievances."))


def _locked(actor: Actor, grievance_id: int) -> Grievance:
    """The grievance, locked, if it is the actor's to act on at its level (the ladder's one
    rule); otherwise as if it did not exist."""
    grievance = (
        ladder.grievances_handled_by(actor)
        .select_for_update(of=("self",))
        .filter(pk=grievance_id)
        .first()
    )
    if grievance is None:
        raise Http404
    return grievance


def _allowed_moves(grievance: Grievance) -> list[str]:
    if grievance.status == GrievanceStatus.RECEIVED:
        return ["assign", "investigate", "resolve", "reject", "share"]
    if grievance.status == GrievanceStatus.INVESTIGATING:
        return ["assign", "resolve", "reject", "share"]
    if grievance.status == GrievanceStatus.PROPOSED_RESOLVED:
        return ["assign", "close", "share"]
    return []


# A closed grievance stays as it was closed; %(status)s is its status.
NO_LONGER_ASSIGNED = gettext_lazy("The grievance is %(status)s; it can no longer be assigned.")
ALREADY_CLOSED = gettext_lazy("The grievance is already %(status)s.")
NOT_WHILE_WAITING = gettext_lazy("The grievance is %(status)s; the worker's answer comes first.")


def _require(grievance: Grievance, statuses, refusal: str) -> None:
    if grievance.status not in statuses:
        raise MoveNotAllowed(
            refusal % {"status": grievance.get_status_display().lower()},
            _allowed_moves(grievance),
        )


def assign_grievance(
    *, actor: Actor, grievance_id: int, assignee_id: int | None = None
) -> Grievance:
    """An official takes a grievance (no assignee given) or hands it to another official who
    handles it at its level; handed to the other side's official, it becomes that side's."""
    require_official(actor)
    assignee_id = assignee_id or actor.user_id
    assignee = get_user_model().objects.filter(pk=assignee_id, is_active=True).first()
    assignee_actor = actor_for(assignee) if assignee is not None else None
    if assignee_actor is None or not assignee_actor.is_official:
        raise ValidationError({"assignee": [_("Grievances are assigned to officials only.")]})
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        grievance = _locked(actor, grievance_id)
        _require(grievance, OPEN_GRIEVANCE_STATUSES, NO_LONGER_ASSIGNED)
        if not ladder.grievances_handled_by(assignee).filter(pk=grievance.pk).exists():
            raise ValidationError(
                {
                    "assignee": [
                        _("At this level the grievance is handled by %(level)s only.")
                        % {"level": grievance.get_level_display().lower()}
                    ]
                }
            )
        grievance.assignee = assignee
        grievance.side = assignee_actor.side or grievance.side
        grievance.save(update_fields=["assignee", "side", "updated_at"])
    return grievance


def start_investigation(*, actor: Actor, grievance_id: int) -> Grievance:
    """Starting the investigation acknowledges the grievance (its first SLA clock stops);
    an unassigned one becomes the official's own."""
    require_official(actor)
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        grievance = _locked(actor, grievance_id)
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


CLOSING_FIELDS = ["status", "outcome", "acknowledged_at", "assignee", "updated_at"]


def close_grievance(
    *, actor: Actor, grievance_id: int, status: str, outcome: str, standard_outcome: str = ""
) -> Grievance:
    """An official's answer, with an outcome the worker will read. "Resolved" only proposes:
    the worker is asked whether it was, and it closes on their yes (`answer_as_worker`) or,
    after their silence, by an official with a reason (`close_after_silence`). "Rejected" (no
    action possible or warranted) closes at once. Either counts as acknowledging and stops
    the resolution clock."""
    require_official(actor)
    if status not in (GrievanceStatus.RESOLVED, GrievanceStatus.REJECTED):
        raise ValidationError({"status": [_("A grievance closes as resolved or rejected.")]})
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        grievance = _locked(actor, grievance_id)
        refusal = NOT_WHILE_WAITING
        if grievance.status not in OPEN_GRIEVANCE_STATUSES:
            refusal = ALREADY_CLOSED
        _require(grievance, CLOCKED_GRIEVANCE_STATUSES, refusal)
        now = timezone.now()
        grievance.outcome = outcome_text(grievance, standard_outcome, outcome)
        grievance.acknowledged_at = grievance.acknowledged_at or now
        grievance.assignee_id = grievance.assignee_id or actor.user_id
        if status == GrievanceStatus.RESOLVED:
            grievance.status = GrievanceStatus.PROPOSED_RESOLVED
            grievance.proposed_at = now
            grievance.save(update_fields=[*CLOSING_FIELDS, "proposed_at"])
        else:
            grievance.status = GrievanceStatus.REJECTED
            grievance.closed_at = now
            grievance.save(update_fields=[*CLOSING_FIELDS, "closed_at"])
        # An answer given again after a reopening is news again: the key names this answer.
        tell_worker(
            grievance,
            Event.GRIEVANCE_CLOSED,
            key=f"grievance:{grievance.pk}:closed:{now.isoformat()}",
        )
    return grievance


def silence_ends(grievance: Grievance) -> datetime | None:
    """When an official may close a proposed resolution the worker has not answered."""
    if grievance.proposed_at is None:
        return None
    return grievance.proposed_at + timedelta(days=settings.GRIEVANCE_SILENCE_DAYS)


def close_after_silence(
    *, actor: Actor, grievance_id: int, reason: str, now: datetime | None = None
) -> Grievance:
    """Close a proposed resolution as resolved without the worker's yes: only once they have
    been silent for GRIEVANCE_SILENCE_DAYS since it was proposed, and with the official's
    reason on record."""
    require_official(actor)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why you close it without the worker's answer.")]})
    now = now or timezone.now()
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        grievance = _locked(actor, grievance_id)
        _require(
            grievance,
            (GrievanceStatus.PROPOSED_RESOLVED,),
            gettext_lazy("The grievance is %(status)s; only a proposed resolution is closed so."),
        )
        ends = silence_ends(grievance)
        if now < ends:
            raise MoveNotAllowed(
                _("The worker has until %(when)s to answer; close it after that.")
                % {"when": figures.moment(ends)},
                [],
            )
        grievance.status = GrievanceStatus.RESOLVED
        grievance.closed_at = now
        grievance.close_reason = reason
        grievance.save(update_fields=["status", "closed_at", "close_reason", "updated_at"])
    return grievance


NOT_WAITING_FOR_ANSWER = gettext_lazy("This complaint is not waiting for your answer.")


def answer_as_worker(
    *, reference: str, date_of_birth: date, receipt: str, answer: str
) -> Grievance | None:
    """The worker's answer to a proposed resolution, found by their case's reference, their
    date of birth and the receipt (None when they do not match, one answer for any part
    wrong). "Resolved" closes it; "not resolved" reopens it one level up, with the new level's
    whole clocks."""
    if answer not in WorkerAnswer.values:
        raise ValidationError({"answer": [_("Answer resolved or not_resolved.")]})
    with transaction.atomic(durable=True):
        grievance = (
            Grievance.objects.select_for_update(of=("self",))
            .filter(
                receipt=normalise(receipt, RECEIPT_PREFIX) or NO_REFERENCE,
                placement__reference=normalise(reference) or NO_REFERENCE,
                placement__worker__date_of_birth=date_of_birth,
            )
            .first()
        )
        if grievance is None:
            return None
        if grievance.status != GrievanceStatus.PROPOSED_RESOLVED:
            raise MoveNotAllowed(str(NOT_WAITING_FOR_ANSWER), [])
        now = timezone.now()
        grievance.worker_answer = answer
        grievance.worker_answered_at = now
        if answer == WorkerAnswer.RESOLVED:
            grievance.status = GrievanceStatus.RESOLVED
            grievance.closed_at = now
        else:
            grievance.status = GrievanceStatus.INVESTIGATING
            grievance.proposed_at = None
            ladder.climb(grievance, now=now, reason=EscalationReason.WORKER_NOT_RESOLVED)
        grievance.save()
    return grievance


def share_with_employer(*, actor: Actor, grievance_id: int) -> Grievance:
    """Let the employer see whose grievance it is and what it says, so that it can answer."""
    require_official(actor)
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        grievance = _locked(actor, grievance_id)
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
