from celery import shared_task
from django.db import OperationalError

from workers.imports.services import resend_unfinished_imports, run_import


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


@shared_task(ignore_result=True)
def resend_unfinished() -> None:
    resend_unfinished_imports()
