"""Which reports a user may read: those made in a scope theirs covers (compliance.reports.scope)."""

from django.db.models import QuerySet

from compliance.models import Report
from compliance.reports.scope import covered_by
from mobility.access import actor_for


def reports_visible_to(user) -> QuerySet[Report]:
    """Fails closed: an anonymous user or one of no role reads none."""
    mine = covered_by(actor_for(user))
    if mine is None:
        return Report.objects.none()
    return Report.objects.filter(mine).select_related("requested_by")
