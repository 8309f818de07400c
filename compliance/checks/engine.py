"""Running the rules: one case now, or every case in chunks fanned out to Celery workers.

Both paths call `evaluate_cases` over a range of case ids, so a case judged on its own and the
same case judged by the nightly sweep get the same findings.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from compliance.checks.detection import Outcome, Scope, apply_hits
from compliance.checks.rules import Context, placement_rules, subject_rules
from compliance.models import UNFINISHED_RUN_STATUSES, CheckRun, CheckRunScope, CheckRunStatus

CHUNK_SIZE = 20_000
SUBJECT_TABLES = {
    "employer": "employers_employer",
    "agency": "workers_agency",
    "worker": "workers_worker",
}
SUBJECT_KINDS = tuple(SUBJECT_TABLES)
# How long a chunk is remembered as counted, so a redelivered chunk is not counted twice.
CHUNK_MEMORY_SECONDS = 7 * 24 * 3600
# A full sweep of 1M cases takes minutes (bench/README.md); one still unfinished this long
# after it started has lost chunks to a worker that died, and is failed so it can be re-run.
SWEEP_STALLS_AFTER = timedelta(minutes=45)
SWEEP_STALLED = "Some parts of the check stopped reporting (a worker stopped); start it again."


@dataclass
class Counts(Outcome):
    subjects: int = 0


def evaluate_placements(
    lo: int, hi: int, *, on: date, deadlines_only: bool = False, ctx: Context | None = None
) -> Counts:
    """Every enabled case rule over the cases with ids lo..hi, findings brought up to date."""
    ctx = ctx or Context.load(on)
    now = timezone.now()
    counts = Counts()
    scope = Scope("placement", lo=lo, hi=hi)
    for definition in placement_rules(deadlines_only=deadlines_only):
        rule = ctx.rules.get(definition.code)
        if rule is None or not rule.enabled:
            continue
        counts += apply_hits(ctx, rule, definition.evaluate(ctx, lo, hi), scope, now)
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
    counts = Counts()
    scope = Scope(kind, ids=None if ids is None else tuple(ids))
    for definition in subject_rules(kind):
        rule = ctx.rules.get(definition.code)
        if rule is None or not rule.enabled:
            continue
        counts += apply_hits(ctx, rule, definition.evaluate(ctx, kind, ids), scope, now)
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
    """Queue the per-case evaluation once the current transaction commits."""
    from compliance.checks.tasks import evaluate_placement_task

    transaction.on_commit(lambda: evaluate_placement_task.delay(placement_id))


def verify_later(kind: str, subject_id: int) -> None:
    """Queue the checks about one employer, agency or worker once the transaction commits."""
    from compliance.checks.tasks import verify_subject_task

    transaction.on_commit(lambda: verify_subject_task.delay(kind, subject_id))


def _new_sweep(trigger: str, user, chunks: int) -> CheckRun:
    return CheckRun.objects.create(
        scope=CheckRunScope.ALL,
        trigger=trigger,
        requested_by=user,
        status=CheckRunStatus.QUEUED,
        chunks_total=chunks,
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
    from celery import group

    from compliance.checks.tasks import sweep_placements_chunk, sweep_subjects_chunk

    fail_stalled_sweeps()
    with transaction.atomic():
        # Serialises the question "is one under way?" between two requests.
        connection.cursor().execute("SELECT pg_advisory_xact_lock(hashtext('compliance-sweep'))")
        active = _active_sweeps().first()
        if active is not None:
            return active
        ranges = chunk_ranges(chunk_size)
        run = _new_sweep(trigger, user, len(ranges) + 1)
    day = (on or timezone.localdate()).isoformat()
    options = {"queue": queue} if queue else {}
    tasks = [
        sweep_placements_chunk.si(run.pk, index, lo, hi, day).set(**options)
        for index, (lo, hi) in enumerate(ranges)
    ]
    tasks.append(sweep_subjects_chunk.si(run.pk, len(ranges), day).set(**options))
    transaction.on_commit(lambda: group(tasks).apply_async())
    return run


def _active_sweeps():
    return CheckRun.objects.filter(scope=CheckRunScope.ALL, status__in=UNFINISHED_RUN_STATUSES)


def fail_stalled_sweeps(now=None) -> int:
    """Fail, with the reason, every full sweep that stopped reporting; the hourly job and each
    new sweep ask first."""
    cutoff = (now or timezone.now()) - SWEEP_STALLS_AFTER
    return (
        _active_sweeps()
        .filter(created_at__lt=cutoff)
        .update(status=CheckRunStatus.FAILED, finished_at=timezone.now(), error=SWEEP_STALLED)
    )


def run_sweep_now(
    *, trigger: str = "user", user=None, on: date | None = None, chunk_size: int = CHUNK_SIZE
) -> CheckRun:
    """The same sweep, run here and now (the demo seed, tests and the benchmark use it)."""
    ranges = chunk_ranges(chunk_size)
    run = _new_sweep(trigger, user, len(ranges) + 1)
    day = on or timezone.localdate()
    for index, (lo, hi) in enumerate(ranges):
        run_placements_chunk(run.pk, index, lo, hi, day)
    run_subjects_chunk(run.pk, len(ranges), day)
    run.refresh_from_db()
    return run


def run_placements_chunk(run_id: int, index: int, lo: int, hi: int, on: date) -> None:
    _mark_running(run_id)
    _count_chunk(run_id, index, evaluate_placements(lo, hi, on=on))


def run_subjects_chunk(run_id: int, index: int, on: date) -> None:
    _mark_running(run_id)
    ctx = Context.load(on)
    counts = Counts()
    for kind in SUBJECT_KINDS:
        subject_counts = evaluate_subjects(kind, on=on, ctx=ctx)
        counts += subject_counts
        counts.subjects += subject_counts.subjects
    _count_chunk(run_id, index, counts)


def _mark_running(run_id: int) -> None:
    CheckRun.objects.filter(pk=run_id, status=CheckRunStatus.QUEUED).update(
        status=CheckRunStatus.RUNNING, started_at=timezone.now()
    )


def _count_chunk(run_id: int, index: int, counts: Counts) -> None:
    """Add a chunk's counts once, and finish the run when its last chunk is in."""
    # The run's creation time makes the key unique even if ids restart (a restored database).
    created = CheckRun.objects.filter(pk=run_id).values_list("created_at", flat=True).first()
    key = f"compliance:check-run:{run_id}:{created and created.timestamp()}:chunk:{index}"
    if not cache.add(key, 1, timeout=CHUNK_MEMORY_SECONDS):
        return
    try:
        with transaction.atomic():
            CheckRun.objects.filter(pk=run_id).update(
                chunks_done=F("chunks_done") + 1,
                subjects_evaluated=F("subjects_evaluated") + counts.subjects,
                findings_opened=F("findings_opened") + counts.opened,
                findings_resolved=F("findings_resolved") + counts.resolved,
            )
            CheckRun.objects.filter(
                pk=run_id,
                chunks_done__gte=F("chunks_total"),
                status__in=UNFINISHED_RUN_STATUSES,
            ).update(status=CheckRunStatus.FINISHED, finished_at=timezone.now())
    except Exception:
        cache.delete(key)
        raise


def fail_run(run_id: int, error: str) -> None:
    CheckRun.objects.filter(pk=run_id).exclude(status=CheckRunStatus.FINISHED).update(
        status=CheckRunStatus.FAILED, finished_at=timezone.now(), error=error[:2000]
    )
