"""`seed_demo(cases=N)`: a year of history a visitor can read. Cases opened over the last year
across the four pact sectors, their regions and both agencies; every timeline event, document
and history row on the day the step happened, consistent with the case's own dates; wage
reports filed month by month; names that match the recorded sex."""

from datetime import timedelta

import pytest
from django.utils import timezone

from compliance.models import Finding, WageReport
from mobility.seed import seed_demo
from workers.demo.services import GIVEN_NAMES
from workers.models import CaseEvent, Placement, PlacementEvent, PlacementStatus, Worker

pytestmark = pytest.mark.django_db

HISTORY = 12


def day(moment):
    return timezone.localtime(moment).date()


@pytest.fixture
def demo():
    seed_demo(password="demo-pass", cases=HISTORY)


def test_the_history_spreads_over_the_year_sectors_regions_agencies_and_both_sexes(demo):
    today = timezone.localdate()
    history = Placement.objects.filter(worker__passport_number__startswith="H")
    assert history.count() == HISTORY
    opened = [day(moment) for moment in history.values_list("created_at", flat=True)]
    assert all(today - timedelta(days=366) <= when < today for when in opened)
    assert len({(when.year, when.month) for when in opened}) >= 3
    assert set(history.values_list("job_order__employer__sector", flat=True)) == {
        "construction",
        "textiles",
        "machinery",
        "electronics",
    }
    assert history.values("job_order__work_region").distinct().count() >= 4
    assert history.values("agency").distinct().count() == 2
    # The history never adds to the candidates employer-a's inbox opens on.
    assert not history.filter(status=PlacementStatus.SUBMITTED).exists()
    # Every worker bears a given name of the sex recorded, and a name of their own.
    workers = list(Worker.objects.values_list("full_name", "sex"))
    for full_name, sex in workers:
        assert full_name.split()[0] in GIVEN_NAMES[sex], full_name
    assert {sex for _, sex in workers} == {"F", "M"}
    assert ("Priya", "M") not in {(name.split()[0], sex) for name, sex in workers}
    assert len({name for name, _ in workers}) == len(workers)


def test_every_step_is_on_its_own_day_consistent_with_the_case(demo):
    now = timezone.now()
    for case in Placement.objects.select_related("worker"):
        events = list(case.timeline.order_by("pk"))
        moments = [event.at for event in events]
        assert moments == sorted(moments) and moments[-1] < now, case
        assert len({day(moment) for moment in moments}) == len(moments), case
        reached = {event.to_status: day(event.at) for event in events}
        assert day(case.created_at) == reached["draft"] == day(case.worker.created_at)
        assert day(case.worker.consent_at) == reached["draft"]
        for status, own_date in (
            ("departed", case.departure_date),
            ("arrived", case.arrival_date),
            ("employed", case.employment_start),
            ("completed", case.end_date),
            ("terminated", case.end_date),
        ):
            if status in reached:
                assert reached[status] == own_date, (case, status)
        if "contract_signed" in reached:
            assert reached["contract_signed"] < case.contract_start
        for document in case.worker.documents.all() | case.documents.all():
            assert day(document.uploaded_at) in reached.values(), document
        # Its history, dated alike, holds no row of its own for the dating.
        history = PlacementEvent.objects.filter(pgh_obj=case)
        assert history.count() == len(events) + (case.mvd_start_notified_on is not None)
        assert {day(row.pgh_created_at) for row in history} <= {
            *reached.values(),
            case.medical_exam_on,
        }
    employed_a_year = Placement.objects.filter(
        status="employed", worker__passport_number__startswith="D"
    )
    last_moves = CaseEvent.objects.filter(
        placement__in=employed_a_year, at__gte=now - timedelta(days=300)
    )
    assert employed_a_year.exists() and not last_moves.exists()


def test_wage_reports_are_filed_month_by_month_and_each_violation_is_found(demo):
    today = timezone.localdate()
    filed = {(day(report.created_at), report.paid_on) for report in WageReport.objects.all()}
    assert len({(when.year, when.month) for when, _ in filed}) >= 10
    # A month still unpaid has no payment date to be filed on.
    assert all(when == paid_on for when, paid_on in filed if paid_on and paid_on < today)
    # The violations go to the cases longest at work, whatever the history adds.
    assert {
        "WAGE_UNDERPAID",
        "WAGE_PAID_LATE",
        "WAGE_DEDUCTIONS_EXCESSIVE",
        "INSURANCE_DMS_MISSING",
        "SAFETY_INCIDENT_SERIOUS",
        "SOCIAL_CONTRIBUTIONS_MISSING",
    } <= set(Finding.objects.values_list("rule__code", flat=True))
    # A month's wage finding opened the night after its report was filed, not on seeding day.
    underpaid = Finding.objects.filter(rule__code="WAGE_UNDERPAID")
    for finding in underpaid:
        report = WageReport.objects.get(placement=finding.placement, month=f"{finding.period}-01")
        assert day(finding.first_detected_at) == day(report.created_at) + timedelta(days=1)
        assert finding.due_at - finding.first_detected_at >= timedelta(days=1)
    assert underpaid.exists()
    assert today not in {day(finding.first_detected_at) for finding in underpaid}
