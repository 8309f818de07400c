from django.db.models import Count, Q, QuerySet

from employers.models import Employer, SponsorshipStatus
from mobility.access import Role, actor_for
from mobility.placement_status import CONTRACT_ON


def employers_visible_to(user) -> QuerySet[Employer]:
    """Officials: all (or their regions); employer staff: their own; agencies: approved sponsors
    (whose open job orders they recruit for); anyone else: nothing."""
    actor = actor_for(user)
    employers = Employer.objects.all()
    if actor.is_official:
        return employers.filter(region__in=actor.regions) if actor.is_region_limited else employers
    if actor.role == Role.EMPLOYER:
        return employers.filter(pk=actor.employer_id)
    if actor.role == Role.AGENCY:
        return employers.filter(sponsorship_status=SponsorshipStatus.APPROVED)
    return employers.none()


def with_quota_use(employers: QuerySet[Employer]) -> QuerySet[Employer]:
    """Adds `quota_used`: the employer's cases between contract signature and employment."""
    # An aggregate drops Meta.ordering, so the default order is restated for stable pages.
    return employers.annotate(
        quota_used=Count(
            "job_orders__placements",
            filter=Q(job_orders__placements__status__in=CONTRACT_ON),
        )
    ).order_by(*Employer._meta.ordering)


def quota_in_use(employer_id: int) -> int:
    """How many of the employer's cases count against its quota now (for the contract check
    that keeps an employer under its quota)."""
    return (
        with_quota_use(Employer.objects.filter(pk=employer_id))
        .values_list("quota_used", flat=True)
        .first()
        or 0
    )
