from celery import shared_task

from compliance.statistics import services
from mobility.tasks import RETRY_ON_DATABASE_FAULTS


@shared_task(**RETRY_ON_DATABASE_FAULTS)
def take_statistics_snapshot() -> None:
    services.take_snapshot()
