from celery import shared_task

from compliance.personal_data.services import run_export
from mobility.tasks import RETRY_ON_DATABASE_FAULTS


@shared_task(**RETRY_ON_DATABASE_FAULTS)
def export_personal_data(request_id: int) -> None:
    """Safe to deliver twice: an export written, or being written by another worker, is left
    alone; one interrupted is written again from the start."""
    run_export(request_id)
