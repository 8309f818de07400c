from celery import shared_task
from django.utils import timezone

from mobility.models import Heartbeat


@shared_task(ignore_result=True)
def heartbeat(name: str = "celery") -> None:
    """Record that a worker is alive and taking tasks (beat schedules it every minute)."""
    Heartbeat.objects.update_or_create(name=name, defaults={"seen_at": timezone.now()})
