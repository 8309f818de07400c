from celery import shared_task

from mobility.tasks import RETRY_ON_DATABASE_FAULTS
from workers.imports.services import resend_unfinished_imports, run_import


@shared_task(**RETRY_ON_DATABASE_FAULTS)
def import_csv(import_id: int) -> None:
    """Safe to run twice: a finished import is left alone, an interrupted one starts over
    (its writes were one transaction, rolled back)."""
    run_import(import_id)


@shared_task(ignore_result=True)
def resend_unfinished() -> None:
    resend_unfinished_imports()
