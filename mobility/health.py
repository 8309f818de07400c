"""State of the dependencies, for load balancers and operators."""

from datetime import timedelta

from django.db import connection
from django.utils import timezone

from mobility.celery import app as celery_app
from mobility.models import Heartbeat

# Beat schedules the heartbeat every minute; three missed beats mean workers are not working.
HEARTBEAT_STALE_AFTER = timedelta(minutes=3)


def database_state() -> str:
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception:  # noqa: BLE001 - any failure means "unreachable" to an operator
        connection.close_if_unusable_or_obsolete()
        return "unreachable"


def broker_state() -> str:
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return "ok"
    except Exception:  # noqa: BLE001
        return "unreachable"


def celery_state() -> dict:
    try:
        beat = Heartbeat.objects.filter(name="celery").first()
    except Exception:  # noqa: BLE001
        return {"status": "unknown", "last_heartbeat": None}
    if beat is None:
        return {"status": "no heartbeat yet", "last_heartbeat": None}
    fresh = timezone.now() - beat.seen_at <= HEARTBEAT_STALE_AFTER
    return {"status": "ok" if fresh else "stale", "last_heartbeat": beat.seen_at.isoformat()}


def health() -> tuple[dict, int]:
    database = database_state()
    state = {
        "database": database,
        "broker": broker_state(),
        "celery": celery_state() if database == "ok" else {"status": "unknown"},
    }
    return state, 200 if database == "ok" else 503
