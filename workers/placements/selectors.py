"""Every shared read of the workers app, scoped to a user. Out of scope means absent (404);
an unknown role or an anonymous user gets nothing."""

from django.db.models import Count, Exists, OuterRef, QuerySet

from mobility.access import Role, actor_for
from workers.models import (
    CaseEvent,
    DocumentKind,
    Placement,
    PlacementStatus,
)

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
