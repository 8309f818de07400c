"""Background work of the workers app; each task is a few lines around a service."""

from celery import shared_task
from django.db import OperationalError

from workers.imports import run_import
from workers.notifications import notify_move


@shared_task(
    acks_late=True,
    ignore_result=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def import_csv(import_id: int) -> None:
    """Safe to run twice: a finished import is left alone, an interrupted one starts over
    (its writes were one transaction, rolled back)."""
    run_import(import_id)


@shared_task(
    acks_late=True,
    ignore_result=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def notify_case_move(placement_id: int, to: str) -> None:
    """Tell the worker (SMS) and, for a submission, the employer (e-mail) of a move."""
    notify_move(placement_id, to)
