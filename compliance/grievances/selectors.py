from datetime import date, datetime

from django.db.models import Exists, F, OuterRef, QuerySet
from django.utils import timezone

from compliance.grievances import ladder
from compliance.models import WageAnswer
from mobility.access import Role, actor_for
from workers.models import OPEN_GRIEVANCE_STATUSES, Grievance
from workers.placements.references import normalise
from workers.placements.selectors import placements_visible_to
from workers.status.selectors import NO_REFERENCE, grievance_view


def grievance_status(grievance: Grievance) -> dict:
    return grievance_view(
        {
            "receipt": grievance.receipt,
            "category": grievance.category,
            "status": grievance.status,
            "outcome": grievance.outcome,
            "filed_at": grievance.created_at,
            "acknowledgement_due": grievance.acknowledgement_due,
            "resolution_due": grievance.resolution_due,
            "closed_at": grievance.closed_at,
        }
    )


def find_grievance(receipt: str, date_of_birth: date) -> dict | None:
    """A grievance by its receipt and the filer's date of birth, read like a case: one query,
    the same path for a wrong receipt and a wrong date."""
    row = (
        Grievance.objects.filter(
            receipt=normalise(receipt, "GRV") or NO_REFERENCE,
            placement__worker__date_of_birth=date_of_birth,
        )
        .values(
            "receipt",
            "category",
            "status",
            "outcome",
            "acknowledgement_due",
            "resolution_due",
            "closed_at",
            filed_at=F("created_at"),
        )
        .first()
    )
    return None if row is None else grievance_view(row)


def grievances_visible_to(user) -> QuerySet[Grievance]:
    """Officials and employers: those about the cases they see (`placements_visible_to`; who
    filed one is hidden from an employer until an official shares it, the API shows less
    then; a worker's wage dispute is not even counted for the employer until then: its month
    would tell whose it is); agencies and anyone else: none."""
    actor = actor_for(user)
    grievances = Grievance.objects.select_related(
        "placement__job_order__employer", "placement__worker", "assignee"
    )
    if actor.is_official and not actor.is_region_limited:
        return grievances
    if actor.is_official:
        return grievances.filter(placement__in=placements_visible_to(user))
    if actor.role == Role.EMPLOYER:
        return grievances.filter(placement__in=placements_visible_to(user)).exclude(
            Exists(WageAnswer.objects.filter(grievance=OuterRef("pk"))),
            shared_with_employer=False,
        )
    return grievances.none()


def open_grievances(user, now: datetime | None = None) -> QuerySet[Grievance]:
    """The grievances still open that are `user`'s to act on at their level (the ladder's
    rule), the most urgent first (`ladder.by_urgency`); `next_due` is the running clock's
    deadline."""
    handled = ladder.grievances_handled_by(user).filter(status__in=OPEN_GRIEVANCE_STATUSES)
    return ladder.by_urgency(handled, now or timezone.now())


def clock_view(grievance: Grievance, now: datetime | None = None) -> dict:
    """The clock as a queue row shows it: its state in words beside its colour, never the
    colour alone, and the running deadline."""
    state = ladder.clock_state(grievance, now)
    running = state not in (ladder.ClockState.WAITING, ladder.ClockState.CLOSED)
    return {
        "state": state,
        "words": ladder.CLOCK_WORDS[state],
        "colour": ladder.CLOCK_COLOURS[state],
        "due": ladder.running_due(grievance) if running else None,
    }
