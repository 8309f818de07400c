from django.db.models import Q, QuerySet

from employers.models import JobOrder, JobOrderStatus, SponsorshipStatus
from mobility.access import Role, actor_for


def job_orders_visible_to(user) -> QuerySet[JobOrder]:
    """Officials: all (or those of employers or work in their regions); employer staff: their
    employer's; agencies: open job orders of approved employers; anyone else: nothing."""
    actor = actor_for(user)
    job_orders = JobOrder.objects.select_related("employer")
    if actor.is_official:
        if actor.is_region_limited:
            return job_orders.filter(
                Q(employer__region__in=actor.regions) | Q(work_region__in=actor.regions)
            )
        return job_orders
    if actor.role == Role.EMPLOYER:
        return job_orders.filter(employer_id=actor.employer_id)
    if actor.role == Role.AGENCY:
        return job_orders.filter(
            status=JobOrderStatus.OPEN,
            employer__sponsorship_status=SponsorshipStatus.APPROVED,
        )
    return job_orders.none()
