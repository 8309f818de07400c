import uuid

import pytest

from tests import factories
from tests.celery_worker import running_worker, wait_for
from tests.workers.import_files import upload, workers_csv
from workers.imports.tasks import import_csv
from workers.models import Import, Worker


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_real_celery_worker_runs_the_import(media, monkeypatch):
    # The worker process reads the stored file, so both sides use the same media directory.
    monkeypatch.setenv("MEDIA_ROOT", str(media))
    agency = factories.AgencyFactory()
    record = Import.objects.create(agency=agency, kind="workers", file=upload(workers_csv(25)))
    queue = f"test-{uuid.uuid4().hex[:8]}"
    with running_worker(queue) as worker:
        import_csv.apply_async(args=[record.pk], queue=queue)
        finished = wait_for(
            lambda: (
                Import.objects.filter(pk=record.pk, status__in=["done", "failed"]).exists()
                or worker.poll() is not None
            )
        )
    assert finished is True, "the worker did not finish the import"
    record.refresh_from_db()
    assert record.status == "done", record.errors
    assert record.imported_rows == 25
    assert Worker.objects.filter(agency=agency).count() == 25
