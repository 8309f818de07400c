import uuid

import pytest

from mobility.models import Heartbeat
from mobility.tasks import heartbeat
from tests.celery_worker import running_worker, wait_for


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_takes_a_task_from_the_broker_and_runs_it():
    queue = f"test-{uuid.uuid4().hex[:8]}"
    name = f"probe-{queue}"
    with running_worker(queue) as worker:
        heartbeat.apply_async(kwargs={"name": name}, queue=queue)
        seen = wait_for(lambda: Heartbeat.objects.filter(name=name).exists() or worker.poll())
    assert seen is True, "the worker did not run the task"
    assert Heartbeat.objects.get(name=name).seen_at
