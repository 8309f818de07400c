from django.db.models import QuerySet

from mobility.access import Role, actor_for
from workers.models import Agency, Placement, PlacementStatus


def agencies_visible_to(user) -> QuerySet[Agency]:
    """Officials: every agency (agencies are Indian, region limits are Russian); agency staff:
    their own; anyone else: nothing."""
    actor = actor_for(user)
    agencies = Agency.objects.all()
    if actor.is_official:
        return agencies
    if actor.role == Role.AGENCY:
        return agencies.filter(pk=actor.agency_id)
    return agencies.none()


def placements_visible_to(user) -> QuerySet[Placement]:
    """Agency staff: their agency's cases; employer staff: cases on their job orders once
    submitted (drafts are the agency's business); officials: all, or those whose job is in
    their regions; anyone else: nothing."""
    actor = actor_for(user)
    placements = Placement.objects.all()
    if actor.is_official:
        if actor.is_region_limited:
            return placements.filter(job_order__work_region__in=actor.regions)
        return placements
    if actor.role == Role.AGENCY:
        return placements.filter(agency_id=actor.agency_id)
    if actor.role == Role.EMPLOYER:
        return placements.filter(job_order__employer_id=actor.employer_id).exclude(
            status=PlacementStatus.DRAFT
        )
    return placements.none()
