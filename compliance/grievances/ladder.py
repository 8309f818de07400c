"""MADAD's ladder: a grievance's clocks, who answers for it at each level, and its climb when a
clock runs out.

A grievance is filed at level 1 (the regional officials), with the acknowledgement and
resolution clocks of its category (`GrievanceClock`, data). When the clock that is running
(the acknowledgement until it is made, then the resolution) runs out, the hourly job moves it
one level up, to the supervisors of its side, then to the side's head, and the new level gets
whole clocks from that moment; a worker who answers "not resolved" sends it one level up too.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Case, F, FloatField, Func, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from compliance.grievances.clock_data import seeded_rows
from compliance.grievances.models import GrievanceClock
from compliance.grievances.notify import notify_new_level
from mobility.access import Role, actor_for
from mobility.models import Rank
from workers.models import (
    CLOCKED_GRIEVANCE_STATUSES,
    EscalationReason,
    Grievance,
    GrievanceLevel,
    GrievanceStatus,
)

# Past this share of its clock, a grievance shows amber in the queues.
AMBER_AT = 0.75

# The ranks that handle a grievance at each level: anyone at level 1, from level 2 only the
# grievance's side's officials whose rank reaches it. The one rule both directions read
# (`grievances_handled_by`, `officials_handling`).
RANKS_AT_LEVEL = {
    GrievanceLevel.REGIONAL: (Rank.OFFICIAL, Rank.SUPERVISOR, Rank.HEAD),
    GrievanceLevel.SUPERVISORS: (Rank.SUPERVISOR, Rank.HEAD),
    GrievanceLevel.HEAD: (Rank.HEAD,),
}
# Who is told when a grievance reaches a level: that level's own rank.
RANK_OF_LEVEL = {
    GrievanceLevel.REGIONAL: Rank.OFFICIAL,
    GrievanceLevel.SUPERVISORS: Rank.SUPERVISOR,
    GrievanceLevel.HEAD: Rank.HEAD,
}


@dataclass(frozen=True)
class Clocks:
    acknowledge_within: timedelta
    resolve_within: timedelta
    side: str


def _clocks(row) -> Clocks:
    return Clocks(
        timedelta(days=row["acknowledge_within_days"]),
        timedelta(days=row["resolve_within_days"]),
        row["side"],
    )


def clocks_for(category: str) -> Clocks:
    """The category's clocks as officials set them; the seeded ones if its row is gone."""
    row = (
        GrievanceClock.objects.filter(category=category)
        .values("acknowledge_within_days", "resolve_within_days", "side")
        .first()
    )
    if row is None:
        row = next(row for row in seeded_rows() if row["category"] == category)
    return _clocks(row)


def due_dates(category: str, since: datetime, *, acknowledged: bool) -> dict[str, datetime]:
    """The deadlines of a grievance of `category` whose level began at `since`: the one place
    `acknowledgement_due` and `resolution_due` are computed. An acknowledged grievance keeps
    its acknowledgement deadline as it was."""
    clocks = clocks_for(category)
    dues = {"resolution_due": since + clocks.resolve_within}
    if not acknowledged:
        dues["acknowledgement_due"] = since + clocks.acknowledge_within
    return dues


# Which officials see and handle a grievance at each level.


def grievances_handled_by(user) -> QuerySet[Grievance]:
    """The grievances of `user`'s scope (`grievances_visible_to`) that are theirs to act on at
    their level: any official's at level 1; from level 2 only those of the official's side
    whose level their rank reaches. Superusers act on all; anyone else on none."""
    from compliance.grievances.selectors import grievances_visible_to

    actor = actor_for(user)
    grievances = grievances_visible_to(user)
    if actor.role == Role.SUPERUSER:
        return grievances
    if actor.role != Role.OFFICIAL:
        return grievances.none()
    reach = max(
        (level for level, ranks in RANKS_AT_LEVEL.items() if actor.rank in ranks),
        default=GrievanceLevel.REGIONAL,
    )
    return grievances.filter(
        Q(level=GrievanceLevel.REGIONAL) | Q(side=actor.side, level__lte=reach)
    )


def officials_handling(grievance: Grievance) -> QuerySet:
    """The active officials who handle `grievance` at its level and cover its case's region:
    the same rule as `grievances_handled_by`, read from the other end."""
    level = grievance.level
    region = grievance.placement.job_order.work_region
    officials = (
        get_user_model()
        .objects.filter(
            is_active=True,
            official__rank__in=RANKS_AT_LEVEL[level],
            agency_membership__isnull=True,
            employer_membership__isnull=True,
        )
        .filter(Q(official__regions=[]) | Q(official__regions__contains=[region]))
    )
    if level != GrievanceLevel.REGIONAL:
        officials = officials.filter(official__side=grievance.side)
    return officials.order_by("username")


def officials_to_tell(grievance: Grievance) -> QuerySet:
    """Who learns that a grievance reached its level: the officials of that level's rank."""
    return officials_handling(grievance).filter(official__rank=RANK_OF_LEVEL[grievance.level])


# The clock a queue shows.


class ClockState:
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    ON_TIME = "on_time"
    WAITING = "waiting"
    CLOSED = "closed"


# The words beside each colour (never colour alone), and the colour's class on the pages.
CLOCK_WORDS = {
    ClockState.OVERDUE: _("Overdue"),
    ClockState.DUE_SOON: _("Due soon"),
    ClockState.ON_TIME: _("On time"),
    ClockState.WAITING: _("Waiting for the worker"),
    ClockState.CLOSED: _("Closed"),
}
CLOCK_COLOURS = {
    ClockState.OVERDUE: "red",
    ClockState.DUE_SOON: "amber",
    ClockState.ON_TIME: "green",
    ClockState.WAITING: "grey",
    ClockState.CLOSED: "grey",
}


def running_due(grievance: Grievance) -> datetime:
    """The deadline of the clock that runs: the acknowledgement until it is made, then the
    resolution."""
    if grievance.acknowledged_at is None:
        return grievance.acknowledgement_due
    return grievance.resolution_due


def clock_state(grievance: Grievance, now: datetime | None = None) -> str:
    """Red past the running clock's deadline, amber past 75 % of it, green before."""
    if grievance.status == GrievanceStatus.PROPOSED_RESOLVED:
        return ClockState.WAITING
    if grievance.status not in CLOCKED_GRIEVANCE_STATUSES:
        return ClockState.CLOSED
    now = now or timezone.now()
    due = running_due(grievance)
    if now > due:
        return ClockState.OVERDUE
    start = grievance.level_since
    if now - start > (due - start) * AMBER_AT:
        return ClockState.DUE_SOON
    return ClockState.ON_TIME


class _Epoch(Func):
    template = "EXTRACT(EPOCH FROM %(expressions)s)"
    output_field = FloatField()


def by_urgency(grievances: QuerySet[Grievance], now: datetime) -> QuerySet[Grievance]:
    """Most urgent first: the share of the running clock used up (past 1 when overdue), so a
    one-day clock half gone comes before a thirty-day one a third gone; those waiting for the
    worker after them, the oldest proposal first; closed ones last."""
    next_due = Case(
        When(acknowledged_at__isnull=True, then=F("acknowledgement_due")),
        default=F("resolution_due"),
    )
    used = _Epoch(Value(now) - F("level_since")) / Func(
        _Epoch(F("next_due") - F("level_since")), Value(0.0), function="NULLIF"
    )
    urgency = Case(
        When(status__in=CLOCKED_GRIEVANCE_STATUSES, then=used),
        default=None,
        output_field=FloatField(),
    )
    return (
        grievances.annotate(next_due=next_due)
        .annotate(urgency=urgency)
        .order_by(F("urgency").desc(nulls_last=True), F("proposed_at").asc(nulls_last=True), "pk")
    )


# The climb.


def overdue_for_escalation(now: datetime) -> QuerySet[Grievance]:
    """Open grievances below the top whose running clock ran out before `now` (exactly at
    the deadline is not yet late)."""
    late = Q(acknowledged_at__isnull=True, acknowledgement_due__lt=now) | Q(
        acknowledged_at__isnull=False, resolution_due__lt=now
    )
    return Grievance.objects.filter(
        late, status__in=CLOCKED_GRIEVANCE_STATUSES, level__lt=GrievanceLevel.HEAD
    )


def climb(grievance: Grievance, *, now: datetime, reason: str) -> None:
    """One level up (the top stays the top) with whole clocks of the new level from `now`;
    the caller holds the row's lock and saves. The new level is told once the change is
    committed."""
    grievance.level = min(grievance.level + 1, GrievanceLevel.HEAD)
    grievance.level_since = now
    grievance.escalation_reason = reason
    acknowledged = grievance.acknowledged_at is not None
    for name, due in due_dates(grievance.category, now, acknowledged=acknowledged).items():
        setattr(grievance, name, due)
    grievance_id = grievance.pk
    transaction.on_commit(lambda: notify_new_level(grievance_id))


ESCALATED_FIELDS = [
    "level",
    "level_since",
    "escalation_reason",
    "acknowledgement_due",
    "resolution_due",
    "updated_at",
]


def escalate_overdue(now: datetime | None = None) -> int:
    """The hourly job: every grievance whose running clock ran out moves one level up, each in
    its own transaction, rechecked under its lock so that two runs at once move it once.
    Running it again changes nothing: the new level's clocks have not run out. Returns how
    many moved."""
    now = now or timezone.now()
    moved = 0
    for grievance_id in overdue_for_escalation(now).order_by("pk").values_list("pk", flat=True):
        with transaction.atomic(durable=True):
            grievance = overdue_for_escalation(now).select_for_update().filter(pk=grievance_id)
            grievance = grievance.first()
            if grievance is None:
                continue
            reason = (
                EscalationReason.ACKNOWLEDGEMENT_LATE
                if grievance.acknowledged_at is None
                else EscalationReason.RESOLUTION_LATE
            )
            climb(grievance, now=now, reason=reason)
            grievance.save(update_fields=ESCALATED_FIELDS)
            moved += 1
    return moved
