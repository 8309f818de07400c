from celery import shared_task

from compliance.reports.services import run_report
from mobility.tasks import RETRY_ON_DATABASE_FAULTS

# A million-row spreadsheet takes minutes, not the quarter hour other tasks are held to.
REPORT_TIME_LIMIT = 60 * 60


@shared_task(
    **RETRY_ON_DATABASE_FAULTS,
    soft_time_limit=REPORT_TIME_LIMIT,
    time_limit=REPORT_TIME_LIMIT + 60,
)
def build_report(report_id: int) -> None:
    """Safe to deliver twice (acknowledged late, so a killed worker's report is delivered
    again): a report written, or being written by another worker, is left alone; one
    interrupted is written again from the start, into the same single file."""
    run_report(report_id)


@shared_task(**RETRY_ON_DATABASE_FAULTS)
def request_monthly_reports() -> int:
    """The 1st of the month (beat): the month before's reports for each official side."""
    from compliance.reports.documents.monthly import request_monthly_reports as request

    return request()
