"""Running the rules: one case now, or every case in chunks fanned out to Celery workers.

Both paths call `evaluate_cases` over a range of case ids, so a case judged on its own and the
same case judged by the nightly sweep get the same findings.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.postgres.fields import ArrayField
from django.db import connection, transaction
from django.db.models import F, Func, PositiveIntegerField, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from compliance.checks.detection import Outcome, Scope, apply_hits
from compliance.checks.rules import Context, placement_rules, subject_rules
from compliance.checks.rules.base import prepare_chunk
from compliance.models import (
    UNFINISHED_RUN_STATUSES,
    CheckRun,
    CheckRunScope,
    CheckRunStatus,
    CheckRunTrigger,
)

CHUNK_SIZE = 20_000
SUBJECT_TABLES = {
    "employer": "employers_employer",
    "agency": "workers_agency",
    "worker": "workers_worker",
}
SUBJECT_KINDS = tuple(SUBJECT_TABLES)
# A chunk of 20,000 cases takes seconds (bench/README.md): a sweep none of whose chunks
# finished for this long is resumed, its unfinished chunks sent again; resumed this often
# without a chunk finishing, it is failed.
SWEEP_STALLS_AFTER = timedelta(minutes=3)
SWEEP_MAX_RESUMES = 3
SWEEP_STALLED = "Some parts of the check stopped reporting (a worker stopped); start it again."


@dataclass
class Counts(Outcome):
    subjects: int = 0


def evaluate_placements(
    lo: int, hi: int, *, on: date, deadlines_only: bool = False, ctx: Context | None = None
) -> Counts:
    """Every enabled case rule over the cases with ids lo..hi, findings brought up to date,
    in one transaction: the chunk's tables are written once and every rule reads them."""
    ctx = ctx or Context.load(on)
    now = timezone.now()
    scope = Scope("placement", lo=lo, hi=hi)
    with transaction.atomic():
        with connection.cursor() as cursor:
            # Compiling the plans costs more than it saves on queries of this size.
            cursor.execute("SET LOCAL jit = off")
        prepare_chunk(lo, hi)
        judged = {}
        for definition in placement_rules(deadlines_only=deadlines_only):
            rule = ctx.rules.get(definition.code)
            if rule is not None and rule.enabled:
                judged[rule] = definition.evaluate(ctx, lo, hi)
        counts = Counts(**vars(apply_hits(ctx, judged, scope, now)))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM workers_placement WHERE id BETWEEN %s AND %s", [lo, hi]
            )
            counts.subjects = cursor.fetchone()[0]
    return counts


def evaluate_subjects(kind: str, ids=None, *, on: date, ctx: Context | None = None) -> Counts:
    """Every enabled rule about employers, agencies or workers (`ids` None: all of them)."""
    ctx = ctx or Context.load(on)
    now = timezone.now()
    scope = Scope(kind, ids=None if ids is None else tuple(ids))
    judged = {}
    for definition in subject_rules(kind):
        rule = ctx.rules.get(definition.code)
        if rule is not None and rule.enabled:
            judged[rule] = definition.judging(kind)(ctx, kind, ids)
    counts = Counts(**vars(apply_hits(ctx, judged, scope, now)))
    if ids is not None:
        counts.subjects = len(ids)
    else:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {SUBJECT_TABLES[kind]}")  # noqa: S608
            counts.subjects = cursor.fetchone()[0]
    return counts


def chunk_ranges(size: int = CHUNK_SIZE) -> list[tuple[int, int]]:
    """All case ids as consecutive ranges of at most `size` cases each."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT id FROM (
                SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM workers_placement
            ) numbered WHERE n %% %s = 0 ORDER BY id
            """,
            [size],
        )
        starts = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT max(id) FROM workers_placement")
        last = cursor.fetchone()[0]
    ends = [start - 1 for start in starts[1:]] + ([last] if starts else [])
    return list(zip(starts, ends, strict=True))


def evaluate_placement(
    placement_id: int, *, trigger: str, user=None, on: date | None = None
) -> CheckRun:
    """Judge one case now against every rule about cases; the run records what changed."""
    on = on or timezone.localdate()
    run = CheckRun.objects.create(
        scope=CheckRunScope.PLACEMENT,
        placement_id=placement_id,
        trigger=trigger,
        requested_by=user,
        status=CheckRunStatus.RUNNING,
        started_at=timezone.now(),
        chunks_total=1,
    )
    counts = evaluate_placements(placement_id, placement_id, on=on)
    run.status = CheckRunStatus.FINISHED
    run.finished_at = timezone.now()
    run.chunks_done = 1
    run.subjects_evaluated = counts.subjects
    run.findings_opened = counts.opened
    run.findings_resolved = counts.resolved
    run.save()
    return run


def evaluate_placement_later(placement_id: int) -> None:
    """Queue the per-case evaluation once the current transaction commits, saying when."""
    from compliance.checks.tasks import evaluate_placement_task

    transaction.on_commit(
        lambda: evaluate_placement_task.delay(placement_id, timezone.now().isoformat()),
        robust=True,
    )


def evaluate_changed_placement(placement_id: int, changed_at: datetime) -> CheckRun | None:
    """Judge a case after a change, unless a check that started after the change has already
    seen it: the same task delivered twice, or a burst of changes queueing one task each."""
    seen = CheckRun.objects.filter(
        scope=CheckRunScope.PLACEMENT, placement_id=placement_id, started_at__gte=changed_at
    )
    if seen.exists():
        return None
    return evaluate_placement(placement_id, trigger=CheckRunTrigger.EVENT)


def verify_later(kind: str, subject_id: int) -> None:
    """Queue the checks about one employer, agency or worker once the transaction commits."""
    from compliance.checks.tasks import verify_subject_task

    transaction.on_commit(lambda: verify_subject_task.delay(kind, subject_id), robust=True)


def _new_sweep(trigger: str, user, ranges: list, on: date, queue: str | None) -> CheckRun:
    return CheckRun.objects.create(
        scope=CheckRunScope.ALL,
        trigger=trigger,
        requested_by=user,
        status=CheckRunStatus.QUEUED,
        chunks_total=len(ranges) + 1,
        plan={"on": on.isoformat(), "queue": queue, "ranges": ranges},
        progressed_at=timezone.now(),
    )


def start_sweep(
    *,
    trigger: str,
    user=None,
    on: date | None = None,
    queue: str | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> CheckRun:
    """Record a queued run and fan its chunks out to the Celery workers: one task per range of
    case ids, and one more for the rules about employers, agencies and workers. One full sweep
    at a time: asked for while one is under way, the answer is that run (two would only wait
    on each other's row locks)."""
    with transaction.atomic():
        # Serialises the question "is one under way?" between two requests.
        connection.cursor().execute("SELECT pg_advisory_xact_lock(hashtext('compliance-sweep'))")
        active = _active_sweeps().first()
        if active is not None:
            return active
        run = _new_sweep(trigger, user, chunk_ranges(chunk_size), on or timezone.localdate(), queue)
        # Robust: the run is recorded, and a broker that is down now only delays it until
        # `recover_stalled_sweeps` sends its chunks again.
        transaction.on_commit(lambda: send_chunks(run), robust=True)
    return run


def send_chunks(run: CheckRun) -> int:
    """Queue every chunk of the run that is not counted yet; returns how many."""
    from celery import group

    from compliance.checks.tasks import sweep_placements_chunk, sweep_subjects_chunk

    plan, finished = run.plan, set(run.chunks_finished)
    options = {"queue": plan["queue"]} if plan.get("queue") else {}
    ranges = plan["ranges"]
    tasks = [
        sweep_placements_chunk.si(run.pk, index, lo, hi, plan["on"]).set(**options)
        for index, (lo, hi) in enumerate(ranges)
        if index not in finished
    ]
    if len(ranges) not in finished:
        tasks.append(sweep_subjects_chunk.si(run.pk, len(ranges), plan["on"]).set(**options))
    if tasks:
        group(tasks).apply_async()
    return len(tasks)


def _active_sweeps():
    return CheckRun.objects.filter(scope=CheckRunScope.ALL, status__in=UNFINISHED_RUN_STATUSES)


def recover_stalled_sweeps(now=None) -> tuple[int, int]:
    """Every full sweep none of whose chunks finished for a while lost some to a worker that
    died (their messages come back only after the broker's visibility timeout) or to a broker
    that lost them: its unfinished chunks are sent again, and a run resumed that often without
    progress is failed with the reason, so it can be started again. Returns (resumed, failed);
    the beat runs it every few minutes."""
    now = now or timezone.now()
    stalled = _active_sweeps().annotate(seen=Coalesce("progressed_at", "created_at"))
    resumed = failed = 0
    for run in stalled.filter(seen__lt=now - SWEEP_STALLS_AFTER):
        same = CheckRun.objects.filter(pk=run.pk, status=run.status, resumes=run.resumes)
        if run.resumes >= SWEEP_MAX_RESUMES or not run.plan:
            failed += same.update(
                status=CheckRunStatus.FAILED, finished_at=now, error=SWEEP_STALLED
            )
        elif same.update(resumes=F("resumes") + 1, progressed_at=now):
            send_chunks(run)
            resumed += 1
    return resumed, failed


def run_sweep_now(
    *, trigger: str = "user", user=None, on: date | None = None, chunk_size: int = CHUNK_SIZE
) -> CheckRun:
    """The same sweep, run here and now (the demo seed, tests and the benchmark use it)."""
    day = on or timezone.localdate()
    ranges = chunk_ranges(chunk_size)
    run = _new_sweep(trigger, user, ranges, day, None)
    for index, (lo, hi) in enumerate(ranges):
        run_placements_chunk(run.pk, index, lo, hi, day)
    run_subjects_chunk(run.pk, len(ranges), day)
    run.refresh_from_db()
    return run


def run_placements_chunk(run_id: int, index: int, lo: int, hi: int, on: date) -> bool:
    return _run_chunk(run_id, index, lambda: evaluate_placements(lo, hi, on=on))


def run_subjects_chunk(run_id: int, index: int, on: date) -> bool:
    def evaluate() -> Counts:
        ctx = Context.load(on)
        counts = Counts()
        for kind in SUBJECT_KINDS:
            subject_counts = evaluate_subjects(kind, on=on, ctx=ctx)
            counts += subject_counts
            counts.subjects += subject_counts.subjects
        return counts

    return _run_chunk(run_id, index, evaluate)


def _run_chunk(run_id: int, index: int, evaluate) -> bool:
    """Evaluate a chunk and count it in one transaction, at most once: a chunk whose worker
    is killed halfway leaves nothing behind, and one delivered twice, or sent again while it
    still runs elsewhere, is skipped. Returns whether this call did the work."""
    CheckRun.objects.filter(pk=run_id, status=CheckRunStatus.QUEUED).update(
        status=CheckRunStatus.RUNNING, started_at=timezone.now()
    )
    with transaction.atomic():
        with connection.cursor() as cursor:
            # Held until the transaction ends, also when the worker dies: PostgreSQL then
            # rolls it back and the lock goes with it.
            cursor.execute(
                "SELECT pg_try_advisory_xact_lock(hashtext('compliance-sweep-chunk'), "
                "hashtext(%s))",
                [f"{run_id}:{index}"],
            )
            if not cursor.fetchone()[0]:
                return False
        if not _uncounted(run_id, index).exists():
            return False
        counts = evaluate()
        now = timezone.now()
        counted = _uncounted(run_id, index).update(
            chunks_finished=Func(
                F("chunks_finished"),
                Value(index),
                function="array_append",
                output_field=ArrayField(PositiveIntegerField()),
            ),
            chunks_done=F("chunks_done") + 1,
            subjects_evaluated=F("subjects_evaluated") + counts.subjects,
            findings_opened=F("findings_opened") + counts.opened,
            findings_resolved=F("findings_resolved") + counts.resolved,
            progressed_at=now,
            resumes=0,
        )
        CheckRun.objects.filter(
            pk=run_id, chunks_done__gte=F("chunks_total"), status__in=UNFINISHED_RUN_STATUSES
        ).update(status=CheckRunStatus.FINISHED, finished_at=now)
    return bool(counted)


def _uncounted(run_id: int, index: int):
    """The run, if it still waits for this chunk."""
    return CheckRun.objects.filter(pk=run_id, status__in=UNFINISHED_RUN_STATUSES).exclude(
        chunks_finished__contains=[index]
    )


def fail_run(run_id: int, error: str) -> None:
    CheckRun.objects.filter(pk=run_id).exclude(status=CheckRunStatus.FINISHED).update(
        status=CheckRunStatus.FAILED, finished_at=timezone.now(), error=error[:2000]
    )
