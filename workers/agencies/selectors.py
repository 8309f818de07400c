from django.db.models import QuerySet

from mobility.access import Role, actor_for
from workers.models import (
    Agency,
)


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
