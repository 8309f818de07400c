"""The same task delivered twice, as a broker does after a worker dies or a message is sent
again from the database: nothing is written twice, nobody is told twice. Two real workers take
the imports and sweep chunks at the same time; the rest run here, one delivery after another."""

import uuid
from decimal import Decimal as D

import pytest
from django.core import mail
from django.db.models import Count
from django.utils import timezone

from compliance.checks import engine
from compliance.checks.tasks import evaluate_placement_task, verify_subject_task
from compliance.models import CheckRun, Finding
from mobility.celery import app as celery_app
from mobility.models import Heartbeat
from mobility.tasks import heartbeat
from tests import factories, figures
from tests.celery_worker import running_worker, wait_for
from tests.compliance.rule_helpers import ON, compliant_case
from tests.workers.import_files import upload, workers_csv
from tests.world import S
from workers.imports.tasks import import_csv
from workers.models import CaseEvent, Import, Worker
from workers.placements.tasks import notify_placement_move

pytestmark = pytest.mark.faults
SENT_SMS: list[tuple[str, str]] = []


class RecordingSms:
    def send(self, phone: str, text: str) -> None:
        SENT_SMS.append((phone, text))


def _duplicate_findings() -> int:
    return (
        Finding.objects.values("rule", "subject_key", "period", "status", "first_detected_at")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count()
    )


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_imports_and_sweep_chunks_delivered_twice_to_two_workers_run_once(media, monkeypatch):
    monkeypatch.setenv("MEDIA_ROOT", str(media))
    agency = factories.AgencyFactory()
    record = Import.objects.create(agency=agency, kind="workers", file=upload(workers_csv(2000)))
    for number in range(6):
        compliant_case(recruitment_fee_inr=D("45000") if number % 2 else D("0"))
    queue = f"test-twice-{uuid.uuid4().hex[:8]}"
    with running_worker(queue) as first, running_worker(queue) as second:

        def over(model, pk, statuses) -> bool:
            finished = model.objects.filter(pk=pk, status__in=statuses).exists()
            return finished or first.poll() is not None or second.poll() is not None

        for _ in range(2):
            import_csv.apply_async(args=[record.pk], queue=queue)
        imported = wait_for(lambda: over(Import, record.pk, ["done", "failed"]), timeout=120)
        # After the import, so that the clean run below counts the same workers.
        run = engine.start_sweep(trigger="user", on=ON, queue=queue, chunk_size=2)
        run.refresh_from_db()
        engine.send_chunks(run)
        figures.add("faults", "tasks delivered twice", 1 + run.chunks_total)
        swept = wait_for(lambda: over(CheckRun, run.pk, ["finished", "failed"]), timeout=120)
        # The later delivery of each chunk has been taken too once the queue is empty.
        wait_for(lambda: first.poll() is not None or _queue_empty(queue), timeout=30)
    done = imported and swept
    assert done is True
    record.refresh_from_db()
    assert (record.status, record.imported_rows) == ("done", 2000), record.errors
    assert Worker.objects.filter(agency=agency).count() == 2000
    run.refresh_from_db()
    assert run.status == "finished", run.error
    assert run.chunks_done == run.chunks_total == 4
    assert run.findings_opened == Finding.objects.filter(status="open").count() > 0
    clean = engine.run_sweep_now(on=ON, chunk_size=2)
    assert (clean.findings_opened, clean.findings_resolved) == (0, 0)
    assert clean.subjects_evaluated == run.subjects_evaluated
    duplicates = _duplicate_findings()
    figures.add("faults", "duplicates", duplicates)
    assert duplicates == 0


def _queue_empty(queue: str) -> bool:
    with celery_app.connection_for_write() as connection:
        return connection.default_channel.client.llen(queue) == 0


@pytest.mark.django_db
def test_a_move_notified_twice_tells_the_worker_and_the_employer_once(
    api, world, settings, django_capture_on_commit_callbacks
):
    settings.SMS_BACKEND = f"{__name__}.RecordingSms"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    SENT_SMS.clear()
    world.employer_a_user.email = "hiring@employer-a.example"
    world.employer_a_user.save()
    placement = world.case(S.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        response = api.as_user(world.agency_a_user).post(
            f"/api/v1/placements/{placement.pk}/transition/", {"to": S.SUBMITTED}, format="json"
        )
    assert response.status_code == 200, response.json()
    assert (len(SENT_SMS), len(mail.outbox)) == (1, 1)
    event = CaseEvent.objects.get(placement=placement, to_status=S.SUBMITTED)
    notify_placement_move.apply(args=[event.pk])
    figures.add("faults", "tasks delivered twice")
    assert (len(SENT_SMS), len(mail.outbox)) == (1, 1)


@pytest.mark.django_db
def test_checks_of_a_case_and_a_subject_delivered_twice_judge_once_and_open_each_finding_once():
    case = compliant_case(recruitment_fee_inr=D("45000"))
    employer = case.job_order.employer
    changed_at = timezone.now().isoformat()
    for _ in range(2):
        evaluate_placement_task.apply(args=[case.pk, changed_at])
        verify_subject_task.apply(args=["employer", employer.pk])
        heartbeat.apply(kwargs={"name": "twice"})
    figures.add("faults", "tasks delivered twice", 3)
    assert Finding.objects.filter(placement=case, status="open").exists()
    assert CheckRun.objects.filter(placement=case).count() == 1
    assert _duplicate_findings() == 0
    assert Heartbeat.objects.filter(name="twice").count() == 1
