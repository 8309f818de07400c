from django.db.models import Exists, OuterRef, Q, QuerySet

from mobility.access import Role, actor_for
from workers.models import (
    Worker,
)
from workers.placements.selectors import placements_visible_to


def workers_visible_to(user) -> QuerySet[Worker]:
    """Agency staff: their own workers; employer staff and region-limited officials: workers
    with a case they can see; other officials: all; anyone else: nothing."""
    actor = actor_for(user)
    workers = Worker.objects.all()
    if actor.role == Role.AGENCY:
        return workers.filter(agency_id=actor.agency_id)
    if actor.is_official and not actor.is_region_limited:
        return workers
    if actor.is_official or actor.role == Role.EMPLOYER:
        cases = placements_visible_to(user).filter(worker_id=OuterRef("pk"))
        return workers.filter(Exists(cases))
    return workers.none()


def sees_passport_numbers(user) -> bool:
    """Whether this reader sees whole passport numbers, in the API, on pages and in exports:
    the worker's agency and officials do; an employer sees the last 3 characters (SPEC §3),
    and so does anyone else (failing closed)."""
    actor = actor_for(user)
    return actor.role == Role.AGENCY or actor.is_official


def search_workers(queryset: QuerySet[Worker], text: str) -> QuerySet[Worker]:
    text = text.strip()
    if not text:
        return queryset
    return queryset.filter(
        Q(full_name__icontains=text) | Q(passport_number__iexact=text.replace(" ", ""))
    )
