from django.db.models import Q, QuerySet

from compliance.models import Finding
from mobility.access import Role, actor_for
from workers.models import PlacementStatus


def findings_visible_to(user) -> QuerySet[Finding]:
    """Agencies: findings on their cases or on the agency itself; employers: on cases of their
    job orders or on the employer itself; officials: all. A region-limited official sees the
    findings on cases working in those regions and on employers there; findings about an
    agency or a worker alone carry no Russian region and stay visible to every official."""
    actor = actor_for(user)
    findings = Finding.objects.select_related(
        "rule",
        "placement__job_order__employer",
        "employer",
        "agency",
        "worker",
        "closed_by",
    )
    if actor.is_official:
        if not actor.is_region_limited:
            return findings
        return findings.filter(
            Q(placement__job_order__work_region__in=actor.regions)
            | Q(placement__isnull=True, employer__region__in=actor.regions)
            | Q(placement__isnull=True, employer__isnull=True)
        )
    if actor.role == Role.AGENCY:
        return findings.filter(
            Q(placement__agency_id=actor.agency_id) | Q(agency_id=actor.agency_id)
        )
    if actor.role == Role.EMPLOYER:
        return findings.filter(
            (
                Q(placement__job_order__employer_id=actor.employer_id)
                & ~Q(placement__status=PlacementStatus.DRAFT)
            )
            | Q(employer_id=actor.employer_id)
        )
    return findings.none()
