from celery import shared_task
from django.db import OperationalError

from compliance.personal_data.services import run_export


@shared_task(
    acks_late=True,
    ignore_result=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def export_personal_data(request_id: int) -> None:
    """Safe to deliver twice: an export written, or being written by another worker, is left
    alone; one interrupted is written again from the start."""
    run_export(request_id)
