"""Messages a person can rely on: one per event however often its task runs, tried again with
a growing pause, and sent through a real HTTP gateway the test starts on 127.0.0.1."""

import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from mobility.celery import app as celery_app
from mobility.notifications import services
from mobility.notifications.events import Event
from mobility.notifications.models import Notification
from mobility.notifications.tasks import deliver_notification
from tests import factories
from tests.mobility.sms_gateway import sms_gateway
from workers.models import PlacementStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def http_sms(settings):
    def use(gateway):
        settings.SMS_BACKEND = "http"
        settings.SMS_HTTP_URL = gateway.url
        settings.SMS_HTTP_TOKEN = "gateway-secret"

    return use


def _month_sms(placement):
    return services.notify(
        Event.WAGE_MONTH_REPORTED,
        placement.worker,
        {"reference": placement.reference, "month": "May 2026", "net": "50 000 RUB", "url": "/s/"},
        key="wage-report:7",
        case_id=placement.pk,
    )


def test_one_message_per_event_however_often_its_task_runs(
    world, caplog, django_capture_on_commit_callbacks
):
    placement = world.case(PlacementStatus.EMPLOYED)
    with (
        caplog.at_level(logging.INFO, logger="mobility.notifications"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        first = _month_sms(placement)
        again = _month_sms(placement)
    deliver_notification.apply(args=[first.pk])
    assert again.pk == first.pk
    assert Notification.objects.filter(case_id=placement.pk).count() == 1
    sent = [r.getMessage() for r in caplog.records if r.name == "mobility.notifications"]
    assert len(sent) == 1
    assert sent[0].startswith("SMS to +919876543210: ")
    first.refresh_from_db()
    assert (first.status, first.attempts, first.channel) == ("sent", 1, "sms")


def test_the_http_gateway_gets_the_number_and_the_text_with_the_token(
    world, http_sms, django_capture_on_commit_callbacks
):
    placement = world.case(PlacementStatus.EMPLOYED)
    with sms_gateway(200) as gateway:
        http_sms(gateway)
        with django_capture_on_commit_callbacks(execute=True):
            notification = _month_sms(placement)
    assert gateway.received == [
        {
            "path": "/send",
            "authorization": "Bearer gateway-secret",
            "content_type": "application/json",
            "json": {
                "to": "+919876543210",
                "text": f"{placement.reference}: your employer reported your pay for May 2026: "
                "50 000 RUB paid to you. Check it and answer whether you received it: /s/",
            },
        }
    ]
    notification.refresh_from_db()
    assert (notification.status, notification.attempts, notification.last_error) == ("sent", 1, "")
    assert notification.sent_at is not None


@pytest.fixture
def eager_retries():
    """Celery's eager mode runs each retry at once, as a worker would after its countdown,
    once it no longer hands the Retry back to the caller."""
    before = celery_app.conf.task_eager_propagates
    celery_app.conf.task_eager_propagates = False
    yield
    celery_app.conf.task_eager_propagates = before


def test_a_gateway_error_is_tried_again_and_the_second_try_sends(world, http_sms, eager_retries):
    placement = world.case(PlacementStatus.EMPLOYED)
    notification = _month_sms(placement)
    with sms_gateway(500, 200) as gateway:
        http_sms(gateway)
        deliver_notification.apply(args=[notification.pk])
    assert len(gateway.received) == 2
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("sent", 2)
    assert "500" in notification.last_error


def test_a_gateway_that_keeps_failing_leaves_the_message_failed_after_its_attempts(
    world, http_sms, settings, eager_retries
):
    settings.NOTIFICATION_ATTEMPTS = 3
    placement = world.case(PlacementStatus.EMPLOYED)
    notification = _month_sms(placement)
    with sms_gateway(500) as gateway:
        http_sms(gateway)
        deliver_notification.apply(args=[notification.pk])
        # A copy of the task delivered late finds nothing left to try.
        deliver_notification.apply(args=[notification.pk])
    assert len(gateway.received) == 3
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("failed", 3)
    assert notification.last_error == "SMS gateway answered 500 Internal Server Error"
    assert notification.next_attempt_at is None


def test_each_failed_try_counts_and_the_pause_before_the_next_doubles(world, http_sms, settings):
    settings.NOTIFICATION_RETRY_SECONDS = 60
    settings.NOTIFICATION_ATTEMPTS = 4
    placement = world.case(PlacementStatus.EMPLOYED)
    notification = _month_sms(placement)
    pauses = []
    with sms_gateway(500) as gateway:
        http_sms(gateway)
        for _attempt in range(4):
            before = timezone.now()
            pauses.append(services.deliver(notification.pk))
            notification.refresh_from_db()
            if notification.next_attempt_at:
                wait = notification.next_attempt_at - before
                assert timedelta(seconds=pauses[-1]) <= wait < timedelta(seconds=pauses[-1] + 5)
    assert pauses == [60, 120, 240, None]
    assert (notification.status, notification.attempts) == ("failed", 4)


def test_an_unreachable_gateway_counts_as_a_failed_try(world, settings):
    settings.SMS_BACKEND = "http"
    settings.SMS_HTTP_URL = "http://127.0.0.1:9/send"
    placement = world.case(PlacementStatus.EMPLOYED)
    notification = _month_sms(placement)
    assert services.deliver(notification.pk) == 60
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("queued", 1)
    assert notification.last_error.startswith("SMS gateway not reached")


def test_a_sent_message_is_not_sent_again_by_a_late_task(world, caplog):
    placement = world.case(PlacementStatus.EMPLOYED)
    notification = _month_sms(placement)
    with caplog.at_level(logging.INFO, logger="mobility.notifications"):
        deliver_notification.apply(args=[notification.pk])
        deliver_notification.apply(args=[notification.pk])
    assert len([r for r in caplog.records if r.name == "mobility.notifications"]) == 1
    notification.refresh_from_db()
    assert notification.attempts == 1


def test_a_worker_without_a_phone_gets_no_message(world):
    worker = factories.WorkerFactory(agency=world.agency_a, phone="")
    placement = world.case(PlacementStatus.EMPLOYED, worker=worker)
    assert _month_sms(placement) is None
    assert not Notification.objects.exists()


def test_a_message_whose_task_was_lost_is_sent_by_the_recovery_job(
    world, django_capture_on_commit_callbacks
):
    placement = world.case(PlacementStatus.EMPLOYED)
    lost = _month_sms(placement)
    fresh = services.notify(
        Event.PAYMENT_RECORDED,
        placement.worker,
        {"reference": placement.reference, "amount": "1 000 RUB", "url": "/s/"},
        key="payment:1",
    )
    Notification.objects.filter(pk=lost.pk).update(
        created_at=timezone.now() - timedelta(minutes=30)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.resend_stalled() == 1
    lost.refresh_from_db()
    fresh.refresh_from_db()
    assert (lost.status, fresh.status) == ("sent", "queued")


def test_the_beat_runs_each_notification_job_by_a_task_that_exists(settings):
    from celery.schedules import crontab

    celery_app.loader.import_default_modules()
    schedule = settings.CELERY_BEAT_SCHEDULE
    jobs = {
        "notifications-resend-stalled": "mobility.notifications.tasks.resend_stalled_notifications",
        "notifications-daily-digest": "mobility.notifications.tasks.send_daily_digests",
        "wage-reports-due": "compliance.evidence.tasks.remind_wage_reports_due",
        "findings-tell-new": "compliance.findings.tasks.tell_new_findings",
    }
    for name, task in jobs.items():
        assert schedule[name]["task"] == task
        assert task in celery_app.tasks
    assert schedule["wage-reports-due"]["schedule"] == crontab(day_of_month=15, hour=9, minute=0)
    assert schedule["notifications-daily-digest"]["schedule"] == crontab(hour=18, minute=0)
