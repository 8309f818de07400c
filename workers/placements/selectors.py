"""Every shared read of the workers app, scoped to a user. Out of scope means absent (404);
an unknown role or an anonymous user gets nothing."""

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from mobility.access import Role, actor_for
from workers.models import (
    CaseEvent,
    Document,
    DocumentKind,
    Placement,
    PlacementStatus,
)
from workers.placements import lifecycle

# Employers see the papers of the employment itself, including the payslips they upload.
EMPLOYER_READS = (
    DocumentKind.CONTRACT,
    DocumentKind.VISA,
    DocumentKind.WORK_PERMIT,
    DocumentKind.PAYSLIP,
)


def placements_visible_to(user) -> QuerySet[Placement]:
    """Agency staff: their agency's cases; employer staff: cases on their job orders once
    submitted (drafts, and drafts withdrawn unsubmitted, are the agency's business);
    officials: all, or those whose job is in their regions; anyone else: nothing."""
    actor = actor_for(user)
    placements = Placement.objects.all()
    if actor.is_official:
        if actor.is_region_limited:
            return placements.filter(job_order__work_region__in=actor.regions)
        return placements
    if actor.role == Role.AGENCY:
        return placements.filter(agency_id=actor.agency_id)
    if actor.role == Role.EMPLOYER:
        # A draft withdrawn before it was submitted never reached the employer either.
        withdrawn_draft = CaseEvent.objects.filter(
            placement_id=OuterRef("pk"),
            from_status=PlacementStatus.DRAFT,
            to_status=PlacementStatus.WITHDRAWN,
        )
        return (
            placements.filter(job_order__employer_id=actor.employer_id)
            .exclude(status=PlacementStatus.DRAFT)
            .exclude(Exists(withdrawn_draft))
        )
    return placements.none()


def timeline_of(placement: Placement) -> QuerySet[CaseEvent]:
    return placement.timeline.select_related("actor").order_by("at", "pk")


def pipeline_counts(user) -> dict[str, int]:
    """Cases per status the user can see, in one query, every status present (zero or not)."""
    rows = placements_visible_to(user).values("status").annotate(n=Count("pk")).order_by()
    counts = dict.fromkeys(PlacementStatus.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


QUEUE_RELATED = ("worker", "agency", "job_order__employer")


def _since_moved_to(status: str) -> Subquery:
    """When the case last moved into `status`: how long it has waited there."""
    return Subquery(
        CaseEvent.objects.filter(placement_id=OuterRef("pk"), to_status=status)
        .order_by("-at")
        .values("at")[:1]
    )


def _waiting_in(user, status: str) -> QuerySet[Placement]:
    """The cases of `user`'s scope waiting in `status`, the longest waiting first."""
    return (
        placements_visible_to(user)
        .filter(status=status)
        .select_related(*QUEUE_RELATED)
        .annotate(waiting_since=_since_moved_to(status))
        .order_by("waiting_since", "pk")
    )


def candidates_waiting(user) -> QuerySet[Placement]:
    """Submitted cases waiting for the employer's decision, oldest submission first."""
    return _waiting_in(user, PlacementStatus.SUBMITTED)


def contracts_to_sign(user) -> QuerySet[Placement]:
    """Accepted candidates whose contract is still to be signed and recorded."""
    return _waiting_in(user, PlacementStatus.ACCEPTED)


def arrivals_to_confirm(user) -> QuerySet[Placement]:
    """Workers who left India and whose arrival in Russia is still to be confirmed."""
    return _waiting_in(user, PlacementStatus.DEPARTED)


SUBMIT = lifecycle.move_for(PlacementStatus.DRAFT, PlacementStatus.SUBMITTED)


def drafts_with_unmet_requirements(user) -> list[tuple[Placement, list[str]]]:
    """The drafts of `user`'s scope that cannot be submitted yet, each with what stands in the
    way, oldest first. The lifecycle table's own checks decide; the worker's documents come in
    one query for all drafts (the checks read a prefetched list), so the queries do not grow
    with the number of drafts."""
    today = timezone.localdate()
    drafts = (
        placements_visible_to(user)
        .filter(status=PlacementStatus.DRAFT)
        .select_related(*QUEUE_RELATED)
        .prefetch_related(Prefetch("worker__documents", queryset=Document.objects.order_by()))
        .annotate(waiting_since=_since_moved_to(PlacementStatus.DRAFT))
        .order_by("waiting_since", "pk")
    )
    rows = ((draft, lifecycle.open_requirements(SUBMIT, draft, today)) for draft in drafts)
    return [(draft, problems) for draft, problems in rows if problems]
