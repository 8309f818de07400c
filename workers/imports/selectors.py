from django.db.models import QuerySet

from mobility.access import Role, actor_for
from workers.models import Import


def imports_visible_to(user) -> QuerySet[Import]:
    """Agency staff: their agency's imports; officials: all; anyone else: none."""
    actor = actor_for(user)
    imports = Import.objects.all()
    if actor.is_official:
        return imports
    if actor.role == Role.AGENCY:
        return imports.filter(agency_id=actor.agency_id)
    return imports.none()
