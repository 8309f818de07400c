"""The demo's evidence: a year of reports with a few violations, found by the sweep."""

from datetime import UTC, date, datetime, time, timedelta

import pghistory.models
import pytest
from django.apps import apps
from django.utils import timezone

from compliance.demo.services import seed_evidence
from compliance.evidence.services import wage_report_problems
from compliance.models import Finding, InsuranceCover, SafetyRecord, WageReport
from tests import factories
from tests.factories import months_ago
from workers.models import Grievance

pytestmark = pytest.mark.django_db


def history_rows() -> int:
    return sum(
        model.objects.count()
        for model in apps.get_models()
        if issubclass(model, pghistory.models.Event)
    )


@pytest.fixture
def cases():
    """Seven cases of one Moscow employer, employed for the last fourteen months."""
    employer = factories.EmployerFactory(region="RU-MOW", quota=50)
    start = months_ago(14)
    return [
        factories.PlacementFactory(
            employed=True,
            job_order__employer=employer,
            arrived_on=start,
            employment_start=start + timedelta(days=2),
            contract_start=start,
            contract_end=start + timedelta(days=730),
            mvd_start_notified_on=start + timedelta(days=3),
            medical_exam_on=start + timedelta(days=10),
            fingerprinted_on=start + timedelta(days=10),
        )
        for _ in range(7)
    ]


def test_the_demo_gets_a_year_of_evidence_and_opens_with_findings(cases):
    assert seed_evidence() > 0
    for case in cases:
        assert WageReport.objects.filter(placement=case).count() == 12
        assert SafetyRecord.objects.filter(placement=case, kind="induction").exists()
    assert InsuranceCover.objects.filter(kind="dms").count() == len(cases) - 1
    assert SafetyRecord.objects.filter(kind="incident", severity="serious").count() == 1
    assert Grievance.objects.values("status").distinct().count() >= 3
    fired = set(Finding.objects.values_list("rule__code", flat=True))
    assert {
        "WAGE_UNDERPAID",
        "WAGE_PAID_LATE",
        "WAGE_DEDUCTIONS_EXCESSIVE",
        "INSURANCE_DMS_MISSING",
        "SAFETY_INCIDENT_SERIOUS",
        "SOCIAL_CONTRIBUTIONS_MISSING",
        "WAGE_UNPAID",
        "TAX_WITHHOLDING_IMPLAUSIBLE",
        "TAX_RESIDENT_RATE_NOT_APPLIED",
    } <= fired


def test_the_demo_settles_ended_contracts_on_the_last_day_but_one(cases):
    """Two contracts completed two days ago: their final month is reported at once, one paid
    on the end date, the other (the demo's flaw) still unpaid after the day of grace."""
    ended = []
    for case in cases[:2]:
        case.status, case.end_date = "completed", timezone.localdate() - timedelta(days=2)
        case.save()
        ended.append(case)
    seed_evidence()
    final = ended[0].end_date.replace(day=1)
    settled = {
        report.placement_id: report.paid_on
        for report in WageReport.objects.filter(placement__in=ended, month=final)
    }
    assert sorted(settled.values(), key=str) == sorted([ended[0].end_date, None], key=str)
    late = Finding.objects.filter(rule__code="WAGE_FINAL_SETTLEMENT_LATE")
    assert [f.placement_id for f in late] == [
        pk for pk, paid_on in settled.items() if paid_on is None
    ]


def test_running_the_demo_evidence_twice_writes_nothing(cases):
    seed_evidence()
    rows, findings = history_rows(), Finding.objects.count()
    assert seed_evidence() == 0
    assert history_rows() == rows
    assert Finding.objects.count() == findings


def test_the_demo_evidence_passes_the_edge_checks(cases):
    seed_evidence()
    for report in WageReport.objects.select_related("placement"):
        values = {
            name: getattr(report, name)
            for name in (
                "month",
                "gross_rub",
                "tax_withheld_rub",
                "deductions_rub",
                "net_paid_rub",
                "paid_on",
                "advance_paid_on",
                "hours_worked",
                "overtime_hours",
                "overtime_pay_rub",
            )
        }
        assert (
            wage_report_problems(placement=report.placement, values=values, instance=report) == {}
        )


def test_the_demo_dates_a_missed_deadline_on_the_night_after_it_not_today(cases):
    late = cases[0]
    late.migration_registered_on = None
    late.save(update_fields=["migration_registered_on"])
    seed_evidence()
    finding = Finding.objects.get(placement=late, rule__code="MIGRATION_REGISTRATION_OVERDUE")
    deadline = date.fromisoformat(finding.evidence["figures"]["deadline"])
    # Found by the sweep in the small hours (Moscow) of the first day past the deadline.
    assert finding.first_detected_at == datetime.combine(
        deadline + timedelta(days=1), time(0), tzinfo=UTC
    )
    opened = pghistory.models.Events.objects.tracks(finding).order_by("pgh_created_at").first()
    assert opened.pgh_created_at == finding.first_detected_at
