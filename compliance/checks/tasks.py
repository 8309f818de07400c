"""Celery tasks: ids in, one engine call, safe to run twice."""

from datetime import date, datetime

from celery import Task, shared_task

from compliance.checks import engine, verification
from compliance.models import CheckRunTrigger
from mobility.tasks import RETRY_ON_DATABASE_FAULTS


class SweepChunk(Task):
    """A chunk that fails for good fails its run, so the run's page does not wait forever."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        engine.fail_run(args[0] if args else kwargs["run_id"], f"{type(exc).__name__}: {exc}")


@shared_task(**RETRY_ON_DATABASE_FAULTS)
def evaluate_placement_task(placement_id: int, changed_at: str) -> None:
    engine.evaluate_changed_placement(placement_id, datetime.fromisoformat(changed_at))


@shared_task(**RETRY_ON_DATABASE_FAULTS)
def verify_subject_task(kind: str, subject_id: int) -> None:
    verification.verify_subject(kind, subject_id)


@shared_task(base=SweepChunk, **RETRY_ON_DATABASE_FAULTS)
def sweep_placements_chunk(run_id: int, index: int, lo: int, hi: int, on: str) -> None:
    engine.run_placements_chunk(run_id, index, lo, hi, date.fromisoformat(on))


@shared_task(base=SweepChunk, **RETRY_ON_DATABASE_FAULTS)
def sweep_subjects_chunk(run_id: int, index: int, on: str) -> None:
    engine.run_subjects_chunk(run_id, index, date.fromisoformat(on))


@shared_task(**RETRY_ON_DATABASE_FAULTS)
def nightly_sweep() -> None:
    engine.start_sweep(trigger=CheckRunTrigger.SCHEDULE)


@shared_task(**RETRY_ON_DATABASE_FAULTS)
def deadlines() -> None:
    verification.run_deadlines()


@shared_task(**RETRY_ON_DATABASE_FAULTS)
def recover_sweeps() -> None:
    engine.recover_stalled_sweeps()
