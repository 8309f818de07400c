"""Background work on the evidence; each task a few lines around a service."""

from celery import shared_task

from compliance.evidence.notifications import remind_wage_reports_due as remind
from mobility.tasks import RETRY_ON_DATABASE_FAULTS


@shared_task(**RETRY_ON_DATABASE_FAULTS)
def remind_wage_reports_due() -> int:
    """Employers hear on day 15 of the wage reports due by day 20 (beat)."""
    return remind()
