"""The hourly climb of grievances whose clock ran out (mobility/settings.py beat schedule)."""

from datetime import datetime

from celery import shared_task

from compliance.grievances import ladder
from mobility.tasks import RETRY_ON_DATABASE_FAULTS


@shared_task(**RETRY_ON_DATABASE_FAULTS)
def escalate_grievances(now: str | None = None) -> int:
    return ladder.escalate_overdue(datetime.fromisoformat(now) if now else None)
