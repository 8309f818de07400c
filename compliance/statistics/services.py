from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from compliance.models import StatisticsSnapshot
from compliance.statistics.selectors import public_figures

# A year of daily snapshots is kept; older ones are history nobody reads from the page.
KEEP_DAYS = 366


def take_snapshot() -> StatisticsSnapshot:
    """Compute the public figures now and keep them as the page's snapshot. Safe to run twice:
    a second run only adds a later snapshot of the same figures."""
    now = timezone.now()
    figures = public_figures()
    with transaction.atomic():
        snapshot = StatisticsSnapshot.objects.create(taken_at=now, figures=figures)
        StatisticsSnapshot.objects.filter(taken_at__lt=now - timedelta(days=KEEP_DAYS)).delete()
    return snapshot
