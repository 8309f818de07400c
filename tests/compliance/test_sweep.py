from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from django.apps import apps

from compliance.checks import engine
from compliance.checks.verification import run_deadlines
from compliance.models import CheckRun, Finding, FindingStatus
from compliance.rulebook.models import Rule
from tests import factories
from tests.compliance.rule_helpers import ON, check, compliant_case, open_findings, set_report
from workers.placements.signals import placement_changed

pytestmark = pytest.mark.django_db
OCTOBER = date(2025, 10, 1)


def _gross(amount: str) -> dict:
    """A month's gross with income tax at the 30 % it may reach, so only the pay is judged."""
    return {"gross_rub": D(amount), "tax_withheld_rub": D(amount) * D("0.3")}


def _varied_cases():
    underpaid = compliant_case()
    set_report(underpaid, OCTOBER, employer_contributions_rub=None, **_gross("50000"))
    late = compliant_case(mvd_start_notified_on=None, recruitment_fee_inr=D("45000"))
    late.wage_reports.filter(month=OCTOBER).delete()
    expiring = compliant_case(work_permit_valid_until=ON + timedelta(days=3))
    visa = compliant_case(status="visa_issued", arrival_date=None, employment_start=None)
    return [compliant_case(), underpaid, late, expiring, visa]


def _snapshot(**filters):
    return sorted(
        (f.rule.code, f.subject_key, f.period, f.severity, str(sorted(f.evidence.items())))
        for f in Finding.objects.filter(status="open", **filters).select_related("rule")
    )


def test_the_per_case_check_and_the_sweep_find_the_same():
    cases = _varied_cases()
    for case in cases:
        check(case)
    per_case = _snapshot(subject_key__startswith="placement:")
    assert len(per_case) == 6
    Finding.objects.all().delete()
    run = engine.run_sweep_now(on=ON, chunk_size=2)
    assert _snapshot(subject_key__startswith="placement:") == per_case
    assert run.status == "finished"
    assert run.chunks_total == run.chunks_done == 4  # three ranges of cases, one of subjects


def test_a_sweep_counts_what_it_evaluated_opened_and_resolved():
    _varied_cases()
    run = engine.run_sweep_now(on=ON, chunk_size=2)
    subjects = 5 + 5 + 5 + 5  # cases, employers, agencies, workers
    assert run.subjects_evaluated == subjects
    assert run.findings_opened == Finding.objects.count()
    assert run.findings_resolved == 0
    assert run.started_at and run.finished_at


def test_running_a_check_twice_writes_nothing_new():
    _varied_cases()
    engine.run_sweep_now(on=ON)
    events = apps.get_model("compliance", "FindingEvent")
    before = list(Finding.objects.values().order_by("pk"))
    history = events.objects.count()
    again = engine.run_sweep_now(on=ON)
    assert (again.findings_opened, again.findings_resolved) == (0, 0)
    assert list(Finding.objects.values().order_by("pk")) == before
    assert events.objects.count() == history


def test_fixing_the_data_resolves_the_finding_on_the_next_check():
    """A finding that owes no money clears by itself (money waits for the worker: see
    tests/compliance/test_entitlements.py)."""
    case = compliant_case(mvd_start_notified_on=None)
    finding = check(case)["MVD_NOTIFICATION_OVERDUE"]
    case.mvd_start_notified_on = case.employment_start + timedelta(days=1)
    case.save()
    run = engine.evaluate_placement(case.pk, trigger="user", on=ON)
    finding.refresh_from_db()
    assert finding.status == FindingStatus.RESOLVED
    assert finding.close_reason == "condition cleared"
    assert run.findings_resolved == 1


def test_an_acknowledged_finding_is_refreshed_not_duplicated():
    case = compliant_case()
    set_report(case, OCTOBER, **_gross("50000"))
    finding = check(case)["WAGE_UNDERPAID"]
    Finding.objects.filter(pk=finding.pk).update(status="acknowledged")
    set_report(case, OCTOBER, **_gross("40000"))
    check(case)
    finding.refresh_from_db()
    assert finding.status == "acknowledged"
    assert finding.evidence["figures"]["gross_rub"] == "40000.00"
    assert Finding.objects.filter(rule__code="WAGE_UNDERPAID").count() == 1


def test_a_waived_finding_stays_closed_while_its_condition_holds():
    case = compliant_case(recruitment_fee_inr=D("100"))
    finding = check(case)["RECRUITMENT_FEE_CHARGED"]
    Finding.objects.filter(pk=finding.pk).update(status="waived", close_reason="refunded")
    assert "RECRUITMENT_FEE_CHARGED" not in check(case)


def test_a_condition_that_comes_back_opens_a_new_finding():
    case = compliant_case(mvd_start_notified_on=None)
    first = check(case)["MVD_NOTIFICATION_OVERDUE"]
    case.mvd_start_notified_on = case.employment_start + timedelta(days=1)
    case.save()
    check(case)
    case.mvd_start_notified_on = None
    case.save()
    second = check(case)["MVD_NOTIFICATION_OVERDUE"]
    assert second.pk != first.pk


def test_a_disabled_rule_is_skipped():
    Rule.objects.filter(code="RECRUITMENT_FEE_CHARGED").update(enabled=False)
    case = compliant_case(recruitment_fee_inr=D("100"))
    assert check(case) == {}


def test_a_changed_case_is_checked_once_the_change_commits(django_capture_on_commit_callbacks):
    case = compliant_case(recruitment_fee_inr=D("100"))
    with django_capture_on_commit_callbacks(execute=True):
        placement_changed.send(sender=None, placement_id=case.pk)
    assert "RECRUITMENT_FEE_CHARGED" in open_findings(case)


def test_a_queued_sweep_runs_its_chunks_on_the_workers(django_capture_on_commit_callbacks):
    cases = _varied_cases()
    with django_capture_on_commit_callbacks(execute=True):
        run = engine.start_sweep(trigger="user", on=ON, chunk_size=2)
    assert run.status == "queued"
    run.refresh_from_db()
    assert run.status == "finished"
    assert run.chunks_done == run.chunks_total == 4
    assert open_findings(cases[1])


def test_the_hourly_job_raises_only_deadline_findings():
    case = compliant_case(mvd_start_notified_on=None)
    set_report(case, OCTOBER, **_gross("50000"))
    run = run_deadlines(on=ON)
    assert set(open_findings(case)) == {"MVD_NOTIFICATION_OVERDUE"}
    assert run.status == "finished" and run.scope == "deadlines"


def test_subject_rules_resolve_when_the_subject_is_fixed():
    employer = factories.EmployerFactory(quota=0)
    compliant_case(employer=employer)
    engine.run_sweep_now(on=ON)
    assert "EMPLOYER_QUOTA_EXCEEDED" in open_findings(employer=employer)
    employer.quota = 5
    employer.save()
    run = engine.run_sweep_now(on=ON)
    assert "EMPLOYER_QUOTA_EXCEEDED" not in open_findings(employer=employer)
    assert run.findings_resolved == 1


def test_a_second_sweep_asked_for_while_one_runs_is_that_same_run(
    django_capture_on_commit_callbacks,
):
    compliant_case()
    with django_capture_on_commit_callbacks(execute=False) as queued:
        first = engine.start_sweep(trigger="user", on=ON)
        second = engine.start_sweep(trigger="schedule", on=ON)
    assert second.pk == first.pk
    assert len(queued) == 1


def test_a_sweep_that_stopped_reporting_is_resumed_where_it_stopped(
    django_capture_on_commit_callbacks,
):
    case = compliant_case(recruitment_fee_inr=D("100"))
    compliant_case()
    with django_capture_on_commit_callbacks(execute=False):
        stalled = engine.start_sweep(trigger="user", on=ON, chunk_size=1)
    # One chunk was counted before its worker died; the others' messages were lost.
    engine.run_placements_chunk(stalled.pk, 0, case.pk, case.pk, ON)
    later = stalled.created_at + engine.SWEEP_STALLS_AFTER
    assert engine.recover_stalled_sweeps(now=later) == (0, 0)
    # Eager here, the chunks sent again run at once.
    assert engine.recover_stalled_sweeps(now=later + timedelta(minutes=1)) == (1, 0)
    stalled.refresh_from_db()
    assert stalled.status == "finished"
    assert stalled.chunks_done == stalled.chunks_total == 3
    assert stalled.findings_opened == Finding.objects.filter(status="open").count() > 0
    assert sorted(stalled.chunks_finished) == [0, 1, 2]


def test_a_sweep_resumed_without_progress_is_failed_with_a_reason_and_can_be_started_again(
    django_capture_on_commit_callbacks,
):
    compliant_case()
    with django_capture_on_commit_callbacks(execute=False):
        stalled = engine.start_sweep(trigger="user", on=ON)
    CheckRun.objects.filter(pk=stalled.pk).update(resumes=engine.SWEEP_MAX_RESUMES)
    later = stalled.created_at + engine.SWEEP_STALLS_AFTER + timedelta(minutes=1)
    assert engine.recover_stalled_sweeps(now=later) == (0, 1)
    stalled.refresh_from_db()
    assert stalled.status == "failed" and "stopped reporting" in stalled.error
    # A chunk delivered late counts for nothing in a failed run.
    assert engine.run_subjects_chunk(stalled.pk, 1, ON) is False
    with django_capture_on_commit_callbacks(execute=True):
        again = engine.start_sweep(trigger="user", on=ON)
    again.refresh_from_db()
    assert again.pk != stalled.pk and again.status == "finished"


def test_a_chunk_delivered_twice_is_counted_once():
    compliant_case(recruitment_fee_inr=D("100"))
    run = engine.run_sweep_now(on=ON)
    CheckRun.objects.filter(pk=run.pk).update(status="running")
    lo, hi = run.plan["ranges"][0]
    assert engine.run_placements_chunk(run.pk, 0, lo, hi, ON) is False
    assert engine.run_subjects_chunk(run.pk, 1, ON) is False
    run.refresh_from_db()
    assert run.chunks_done == run.chunks_total == 2
    assert run.findings_opened == Finding.objects.filter(status="open").count() > 0
