from django.db.models import Q, QuerySet

from compliance.models import EVERY_PLACEMENT_SCOPES, CheckRun
from mobility.access import actor_for
from workers.placements.selectors import placements_visible_to


def check_runs_visible_to(user) -> QuerySet[CheckRun]:
    """Check runs are the officials' tool. A run about one case is seen only by those who see
    the case; a run over every case (a sweep, the deadlines job) names no case and is seen by
    every official; anyone else sees none."""
    actor = actor_for(user)
    runs = CheckRun.objects.select_related("requested_by", "placement")
    if not actor.is_official:
        return runs.none()
    if not actor.is_region_limited:
        return runs
    return runs.filter(
        Q(placement__in=placements_visible_to(user))
        | Q(placement__isnull=True, scope__in=EVERY_PLACEMENT_SCOPES)
    )
