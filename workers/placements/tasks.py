"""Background work of the workers app; each task is a few lines around a service."""

from celery import shared_task
from django.db import OperationalError

from workers.placements.notifications import notify_move


@shared_task(
    acks_late=True,
    ignore_result=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def notify_placement_move(event_id: int) -> None:
    """Tell the worker (SMS) and, for a submission, the employer (e-mail) of a move."""
    notify_move(event_id)
