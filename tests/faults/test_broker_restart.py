"""Redis, the broker, restarted without its data (a crash with no append-only file): the
imports an agency was told are queued still finish, since each lives in PostgreSQL and is
sent again; and a worker and the web side reconnect by themselves. A private redis-server on
a port of its own plays the broker: the shared one is never touched."""

import pytest
from django.utils import timezone

from mobility.access import actor_for
from tests import factories, figures
from tests.celery_worker import running_worker, wait_for
from tests.faults.servers import private_redis, publishing_to
from tests.workers.import_files import WORKER_HEADER, upload, worker_line
from workers.imports.services import RESEND_AFTER, resend_unfinished_imports, start_import
from workers.models import Import, Worker

pytestmark = [pytest.mark.faults, pytest.mark.celery_worker]
ROWS = 5


def _file(first: int) -> bytes:
    lines = [WORKER_HEADER] + [worker_line(first + n) for n in range(ROWS)]
    return ("\r\n".join(lines) + "\r\n").encode()


def _all_done(ids, worker) -> bool:
    finished = Import.objects.filter(pk__in=ids, status__in=["done", "failed"]).count()
    return finished == len(ids) or worker.poll() is not None


@pytest.mark.django_db(transaction=True)
def test_queued_imports_finish_after_the_broker_restarts_empty(media, monkeypatch):
    monkeypatch.setenv("MEDIA_ROOT", str(media))
    agency = factories.AgencyFactory()
    actor = actor_for(factories.agency_user(agency))
    imports = []

    def upload_one():
        number = len(imports)
        imports.append(
            start_import(actor=actor, kind="workers", upload=upload(_file(number * 100)))
        )

    with private_redis() as broker, publishing_to(broker.url):
        # Two uploads queued while no worker runs, one while the broker is down.
        upload_one()
        upload_one()
        assert broker.queued() == 2
        broker.kill()
        upload_one()
        broker.start()
        figures.add("faults", "faults injected")
        assert broker.queued() == 0, "the restarted broker kept its messages"

        with running_worker("celery", broker=broker.url) as worker:
            # The beat's job, once the imports have waited RESEND_AFTER.
            later = timezone.now() + RESEND_AFTER + timezone.timedelta(seconds=1)
            assert resend_unfinished_imports(now=later) == 3
            ids = [record.pk for record in imports]
            assert wait_for(lambda: _all_done(ids, worker), timeout=90) is True

            # Restarted under a running worker, the broker takes new work as before.
            broker.kill()
            broker.start()
            figures.add("faults", "faults injected")
            upload_one()
            ids.append(imports[-1].pk)
            assert wait_for(lambda: _all_done(ids, worker), timeout=90) is True

    statuses = list(Import.objects.filter(pk__in=ids).values_list("status", "imported_rows"))
    assert statuses == [("done", ROWS)] * len(ids)
    assert Worker.objects.filter(agency=agency).count() == ROWS * len(ids)
    figures.add("faults", "imports finished after a broker restart", len(ids))
