from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from mobility.models import Heartbeat

# How every task that writes rides out a database restart or a dropped connection: it is
# acknowledged only once done (a killed worker's task is delivered again) and retried with a
# growing pause. The tasks are written to be safe when delivered twice.
RETRY_ON_DATABASE_FAULTS = {
    "acks_late": True,
    "ignore_result": True,
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "max_retries": 6,
}


@shared_task(ignore_result=True)
def heartbeat(name: str = "celery") -> None:
    """Record that a worker is alive and taking tasks (beat schedules it every minute)."""
    Heartbeat.objects.update_or_create(name=name, defaults={"seen_at": timezone.now()})
