"""The hourly climb runs on a real Celery worker (tests/celery_worker.py), as beat sends it."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from compliance.grievances.tasks import escalate_grievances
from tests import factories
from tests.celery_worker import running_worker, wait_for
from workers.models import Grievance


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_moves_an_overdue_grievance_up():
    filed = timezone.now().replace(microsecond=0) - timedelta(days=2)
    grievance = factories.GrievanceFactory(
        category="abuse",
        created_at=filed,
        acknowledgement_due=filed + timedelta(days=1),
        resolution_due=filed + timedelta(days=7),
    )
    late = (grievance.acknowledgement_due + timedelta(minutes=1)).isoformat()
    queue = f"test-grievances-{uuid.uuid4().hex[:8]}"
    with running_worker(queue) as worker:
        escalate_grievances.apply_async(args=[late], queue=queue)
        moved = wait_for(
            lambda: Grievance.objects.get(pk=grievance.pk).level > 1 or worker.poll() is not None,
            timeout=90,
        )
    grievance.refresh_from_db()
    assert moved is True
    assert (grievance.level, grievance.escalation_reason) == (2, "acknowledgement_late")
    # Running it again is a no-op: test_grievance_clocks.py runs it eagerly many times.
    assert grievance.level_since == grievance.acknowledgement_due - timedelta(days=1)
