"""A Celery worker killed (SIGKILL) in the middle of a sweep chunk or an import, then started
again. The half-done work is rolled back with its transaction; the message stays unacknowledged
in the broker until the visibility timeout, so the work is sent again from the database instead.
The sweep ends with the findings a clean run gives, none twice; the import writes its rows once."""

import uuid
from datetime import timedelta
from decimal import Decimal as D

import pytest
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from compliance.checks import engine
from compliance.models import CheckRun, Finding
from tests import factories, figures
from tests.celery_worker import running_worker, wait_for
from tests.compliance.rule_helpers import ON, compliant_case
from tests.faults.servers import private_redis, publishing_to
from tests.workers.import_files import upload, workers_csv
from workers.imports.services import RESEND_AFTER, resend_unfinished_imports
from workers.imports.tasks import import_csv
from workers.models import Import, Worker

pytestmark = [pytest.mark.faults, pytest.mark.celery_worker]
CASES = 36
CHUNK = 3
ROWS = 3000


def _chunk_under_way() -> bool:
    # A chunk holds its two-key advisory lock for as long as its transaction runs.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 "
            "AND granted AND database = (SELECT oid FROM pg_database "
            "WHERE datname = current_database())"
        )
        return cursor.fetchone()[0] > 0


def _findings() -> list[tuple]:
    return sorted(
        Finding.objects.filter(status="open").values_list("rule__code", "subject_key", "period")
    )


def _duplicates() -> int:
    return (
        Finding.objects.filter(status="open")
        .values("rule", "subject_key", "period")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count()
    )


@pytest.mark.django_db(transaction=True)
def test_a_sweep_whose_worker_is_killed_mid_chunk_finishes_as_a_clean_run_would():
    for number in range(CASES):
        flaws = {}
        if number % 3 == 0:
            flaws["recruitment_fee_inr"] = D("45000")
        if number % 4 == 0:
            flaws["work_permit_valid_until"] = ON
        compliant_case(**flaws)
    queue = f"test-faults-{uuid.uuid4().hex[:8]}"

    with running_worker(queue) as worker:
        run = engine.start_sweep(trigger="user", on=ON, queue=queue, chunk_size=CHUNK)
        caught = wait_for(lambda: _chunk_under_way() or worker.poll() is not None, every=0.005)
        worker.kill()
        worker.wait(timeout=10)
    figures.add("faults", "faults injected")
    assert caught is True, "no chunk was seen running"
    run.refresh_from_db()
    assert run.status == "running" and run.chunks_done < run.chunks_total

    with running_worker(queue) as worker:
        # The chunks still queued run; the killed one's message waits in the broker.
        stranded = wait_for(
            lambda: CheckRun.objects.get(pk=run.pk).chunks_done >= run.chunks_total - 1,
            timeout=90,
        )
        assert stranded is True
        run.refresh_from_db()
        assert run.status == "running", "the killed chunk was not stranded"
        # The beat's recovery, once the run has been silent for SWEEP_STALLS_AFTER.
        later = timezone.now() + engine.SWEEP_STALLS_AFTER + timedelta(seconds=1)
        assert engine.recover_stalled_sweeps(now=later) == (1, 0)
        figures.add("faults", "sweep chunks resumed", run.chunks_total - run.chunks_done)
        finished = wait_for(
            lambda: (
                CheckRun.objects.get(pk=run.pk).status != "running" or worker.poll() is not None
            ),
            timeout=60,
        )
    run.refresh_from_db()
    assert finished is True
    assert run.status == "finished", run.error
    assert run.chunks_done == run.chunks_total == CASES // CHUNK + 1
    assert sorted(run.chunks_finished) == list(range(run.chunks_total))
    found = _findings()
    assert run.findings_opened == len(found) > 0
    duplicates = _duplicates()
    figures.add("faults", "duplicates", duplicates)
    assert duplicates == 0

    clean = engine.run_sweep_now(on=ON, chunk_size=CHUNK)
    assert (clean.findings_opened, clean.findings_resolved) == (0, 0)
    assert clean.subjects_evaluated == run.subjects_evaluated
    assert _findings() == found


@pytest.mark.django_db(transaction=True)
def test_an_import_whose_worker_is_killed_midway_is_sent_again_and_written_once(media, monkeypatch):
    monkeypatch.setenv("MEDIA_ROOT", str(media))
    agency = factories.AgencyFactory()
    record = Import.objects.create(agency=agency, kind="workers", file=upload(workers_csv(ROWS)))
    started = ("validating", "importing")

    def over(worker) -> bool:
        done = Import.objects.filter(pk=record.pk, status__in=["done", "failed"]).exists()
        return done or worker.poll() is not None

    # A broker of its own: the beat's resend goes to the default queue.
    with private_redis() as broker, publishing_to(broker.url):
        with running_worker("celery", broker=broker.url) as worker:
            import_csv.delay(record.pk)
            caught = wait_for(
                lambda: (
                    Import.objects.filter(pk=record.pk, status__in=started).exists()
                    or worker.poll() is not None
                ),
                every=0.005,
            )
            worker.kill()
            worker.wait(timeout=10)
        figures.add("faults", "faults injected")
        assert caught is True
        record.refresh_from_db()
        assert record.status in started, "the import was not interrupted"

        with running_worker("celery", broker=broker.url) as worker:
            # The beat's job, once the import has been unfinished for RESEND_AFTER.
            later = timezone.now() + RESEND_AFTER + timedelta(seconds=1)
            assert resend_unfinished_imports(now=later) == 1
            finished = wait_for(lambda: over(worker), timeout=90)
    assert finished is True
    record.refresh_from_db()
    assert (record.status, record.imported_rows) == ("done", ROWS), record.errors
    assert Worker.objects.filter(agency=agency).count() == ROWS
