"""Background work of the workers app; each task is a few lines around a service."""

from celery import shared_task

from mobility.tasks import RETRY_ON_DATABASE_FAULTS
from workers.placements.notifications import notify_move


@shared_task(**RETRY_ON_DATABASE_FAULTS)
def notify_placement_move(event_id: int) -> None:
    """Tell the worker (SMS) and, for a submission, the employer (e-mail) of a move."""
    notify_move(event_id)
