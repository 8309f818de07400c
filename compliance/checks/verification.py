"""Verification jobs: the checks about one employer, agency or worker, and the hourly deadlines.

They run the same rule functions as the sweep, on a smaller scope.
"""

from datetime import date

from django.utils import timezone

from compliance.checks.engine import Counts, chunk_ranges, evaluate_placements, evaluate_subjects
from compliance.checks.rules import Context
from compliance.models import CheckRun, CheckRunScope, CheckRunStatus, CheckRunTrigger


def verify_subject(kind: str, subject_id: int, *, on: date | None = None) -> Counts:
    """Duplicates and watchlist for a worker; licence and watchlist for an agency;
    sponsorship, quota and watchlist for an employer."""
    return evaluate_subjects(kind, [subject_id], on=on or timezone.localdate())


def run_deadlines(*, on: date | None = None) -> CheckRun:
    """The hourly job: the rules whose condition starts to hold as time passes (overdue MVD
    notification, registration, medical and biometrics, wage reports, grievance clocks,
    expiring permits, policies and passports)."""
    on = on or timezone.localdate()
    run = CheckRun.objects.create(
        scope=CheckRunScope.DEADLINES,
        trigger=CheckRunTrigger.SCHEDULE,
        status=CheckRunStatus.RUNNING,
        started_at=timezone.now(),
    )
    ctx = Context.load(on)
    ranges = chunk_ranges()
    total = Counts()
    for lo, hi in ranges:
        counts = evaluate_placements(lo, hi, on=on, deadlines_only=True, ctx=ctx)
        total += counts
        total.subjects += counts.subjects
    CheckRun.objects.filter(pk=run.pk).update(
        status=CheckRunStatus.FINISHED,
        finished_at=timezone.now(),
        chunks_total=len(ranges),
        chunks_done=len(ranges),
        subjects_evaluated=total.subjects,
        findings_opened=total.opened,
        findings_resolved=total.resolved,
    )
    run.refresh_from_db()
    return run
