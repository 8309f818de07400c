from django.db.models import QuerySet

from employers.models import Employer, SponsorshipStatus
from mobility.access import Role, actor_for


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
