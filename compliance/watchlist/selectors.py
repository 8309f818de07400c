from django.db.models import QuerySet

from compliance.models import WatchlistEntry
from mobility.access import actor_for


def watchlist_visible_to(user) -> QuerySet[WatchlistEntry]:
    """The watchlist is the officials' own tool; nobody else sees it."""
    if actor_for(user).is_official:
        return WatchlistEntry.objects.select_related("added_by")
    return WatchlistEntry.objects.none()
