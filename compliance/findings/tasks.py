"""Background work on findings; each task a few lines around a service."""

from celery import shared_task

from compliance.findings.notifications import tell_new_findings as tell
from mobility.tasks import RETRY_ON_DATABASE_FAULTS


@shared_task(**RETRY_ON_DATABASE_FAULTS)
def tell_new_findings() -> int:
    """Staff hear of the findings opened on their own cases (beat, every few minutes)."""
    return tell()
