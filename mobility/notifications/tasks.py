"""The notification tasks: each a few lines around `services`."""

from celery import shared_task

from mobility.notifications import services
from mobility.tasks import RETRY_ON_DATABASE_FAULTS

# A message must not be lost to a database restart either: database faults are retried
# without a limit (with the same growing pause); the message's own attempts are counted in its
# row and end at NOTIFICATION_ATTEMPTS.
DELIVERY = {**RETRY_ON_DATABASE_FAULTS, "max_retries": None}


@shared_task(bind=True, **DELIVERY)
def deliver_notification(self, notification_id: int) -> None:
    """Send one message; after a failed try, try again after Celery's growing countdown."""
    wait = services.deliver(notification_id)
    if wait is not None:
        raise self.retry(countdown=wait)


@shared_task(**RETRY_ON_DATABASE_FAULTS)
def send_daily_digests() -> int:
    """Each user's digest items of the day in one e-mail (beat, every evening)."""
    return services.send_digests()


@shared_task(**RETRY_ON_DATABASE_FAULTS)
def resend_stalled_notifications() -> int:
    """Messages whose task the broker lost are queued again (beat, every few minutes)."""
    return services.resend_stalled()
