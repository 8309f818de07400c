"""The demo's evidence: up to a year of wage reports, safety records and insurance covers for
the cases at work, with a realistic sprinkle of violations, and a few grievances.

Works on whatever cases the demo holds; every row is keyed on natural keys so a second run
writes nothing. Ends with a sweep when anything was written (or none has run yet), so the
demo opens with findings.
"""

from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import DateField, DateTimeField, F, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat, Least
from django.utils import timezone

from compliance.checks.engine import run_sweep_now
from compliance.grievances.ladder import clocks_for, due_dates
from compliance.models import (
    CheckRun,
    Finding,
    InsuranceCover,
    SafetyRecord,
    StatisticsSnapshot,
    WageReport,
)
from compliance.rulebook.working_time import monthly_norm_hours
from compliance.statistics.services import take_snapshot
from mobility.backdate import history_model, restamp, unrecorded
from mobility.placement_status import ARRIVED_OR_ENDED
from workers.models import CaseEvent, Grievance, GrievanceStatus, Placement
from workers.placements.references import new_reference

CENT = Decimal("0.01")
# Noon in Moscow: the database reads a date as midnight UTC.
WORKDAY = timedelta(hours=9)
# The nightly sweep: the small hours after the day (in Moscow) a report was filed.
NIGHT_AFTER = timedelta(hours=15)
# Non-residents pay 30 % income tax until they have spent 183 days in Russia, then 13 %.
TAX_NON_RESIDENT, TAX_RESIDENT = Decimal("0.30"), Decimal("0.13")
CONTRIBUTIONS = Decimal("0.30")
VIOLATIONS = (
    "underpaid",
    "paid_late",
    "deductions",
    "no_dms",
    "serious_incident",
    "no_contributions",
    "unpaid",
    "tax_excess",
    "resident_rate",
)
# The half-month advance comes mid-month (Labour Code art. 136).
ADVANCE_DAY = 15


def _money(value: Decimal | int | str) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def _next_month(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


def _months(placement: Placement, today: date) -> list[date]:
    """Finished months of the employment within the demo's year (from this month a year ago:
    a case that began then has its first, part month reported too)."""
    start = placement.employment_start
    if start is None:
        return []
    last = today.replace(day=1) - timedelta(days=1)
    if placement.end_date:
        # The month the work ended in is reported at once: it is settled on the last day.
        last = min(today, placement.end_date)
    months, month = [], max(start.replace(day=1), today.replace(day=1, year=today.year - 1))
    while month <= last:
        months.append(month)
        month = _next_month(month)
    return months


def _wage_values(placement: Placement, month: date, index: int, flaws: set, today: date) -> dict:
    wage = placement.contract_wage_rub or placement.job_order.monthly_wage_rub
    weekly = placement.contract_hours_per_week or placement.job_order.hours_per_week
    norm = monthly_norm_hours(month.year, month.month, weekly).quantize(Decimal("0.1"))
    hours = norm
    final = placement.end_date is not None and month == placement.end_date.replace(day=1)
    if final:
        # Worked up to the end date: that share of the month's hours.
        days = (_next_month(month) - month).days
        hours = (norm * placement.end_date.day / days).quantize(Decimal("0.1"))
    overtime = Decimal(6 if index % 4 == 1 and not final else 0)
    hourly = Decimal(wage) / norm
    gross = _money(hourly * hours + overtime * hourly * Decimal("1.5"))
    if "underpaid" in flaws and index in (2, 3):
        gross = _money(gross * Decimal("0.82"))
    days_in_russia = (month - (placement.arrival_date or month)).days
    resident = days_in_russia >= 183
    tax = _money(gross * (TAX_RESIDENT if resident else TAX_NON_RESIDENT))
    if "resident_rate" in flaws and index == 0 and resident:
        tax = _money(gross * TAX_NON_RESIDENT)  # the resident rate not applied
    if "tax_excess" in flaws and index == 1:
        tax = _money(gross * Decimal("0.45"))  # a deduction withheld as "tax"
    deductions = _money(placement.job_order.monthly_deduction_rub)
    if final:
        # Board and lodging for the days lived there, like the pay for the days worked.
        deductions = _money(deductions * hours / norm)
    if "deductions" in flaws and index == 1:
        deductions = _money((gross - tax) * Decimal("0.35"))
    paid_on = _next_month(month) + timedelta(days=9)
    if "paid_late" in flaws and index == 2:
        paid_on = _next_month(month) + timedelta(days=27)
    if final:
        paid_on = placement.end_date
    net = gross - tax - deductions
    if "unpaid" in flaws and index == 1:
        net = _money(net / 2)  # half of the month still owed
    if "final_late" in flaws and final:
        net, paid_on = Decimal(0), None  # the final settlement not paid
    contributions = _money(gross * CONTRIBUTIONS)
    if "no_contributions" in flaws and index in (0, 1):
        contributions = None
    return {
        "gross_rub": gross,
        "tax_withheld_rub": tax,
        "deductions_rub": deductions,
        "net_paid_rub": net,
        "paid_on": min(paid_on, today) if paid_on else None,
        "advance_paid_on": min(month.replace(day=ADVANCE_DAY), today),
        "hours_worked": hours,
        "overtime_hours": overtime,
        "employer_contributions_rub": contributions,
    }


def _seed_placement(placement: Placement, flaws: set, today: date) -> int:
    written = 0
    arrived = placement.arrival_date or placement.employment_start or today
    started = placement.employment_start or arrived
    for kind, day, description in (
        ("induction", started, "Site safety induction"),
        ("training", started + timedelta(days=7), "Work at height and PPE training"),
    ):
        if day <= today:
            _record, created = SafetyRecord.objects.get_or_create(
                placement=placement, kind=kind, date=day, defaults={"description": description}
            )
            written += created
    if "serious_incident" in flaws:
        day = min(today, started + timedelta(days=60))
        _record, created = SafetyRecord.objects.get_or_create(
            placement=placement,
            kind="incident",
            date=day,
            defaults={"severity": "serious", "description": "Fall from scaffolding, leg fracture"},
        )
        written += created
    covers = [("pbby", f"PBBY-{placement.pk:06d}", placement.departure_date or arrived)]
    if "no_dms" not in flaws:
        covers.append(("dms", f"DMS-{placement.pk:06d}", arrived))
    for kind, number, valid_from in covers:
        until = max(placement.contract_end or valid_from, valid_from) + timedelta(days=365)
        _cover, created = InsuranceCover.objects.get_or_create(
            placement=placement,
            kind=kind,
            policy_number=number,
            defaults={"valid_from": valid_from, "valid_until": until},
        )
        written += created
    for index, month in enumerate(reversed(_months(placement, today))):
        values = _wage_values(placement, month, index, flaws, today)
        _report, created = WageReport.objects.get_or_create(
            placement=placement, month=month, defaults=values
        )
        written += created
    return written


GRIEVANCES = (
    # category, description, days ago filed, status, outcome
    ("wages", "My overtime in the last two months was not paid.", 1, "received", ""),
    ("accommodation", "Eight people share one room in the hostel.", 5, "received", ""),
    ("unsafe_work", "No harness is given for work on the scaffolding.", 12, "investigating", ""),
    (
        "document_retention",
        "The supervisor keeps my passport.",
        20,
        "resolved",
        "The employer returned the passport to you on the inspector's visit.",
    ),
)


def _seed_grievances(cases: list[Placement]) -> int:
    official = get_user_model().objects.filter(username="official-ru").first()
    written = 0
    now = timezone.now()
    for (category, text, days, status, outcome), placement in zip(GRIEVANCES, cases, strict=False):
        if Grievance.objects.filter(placement=placement, description=text).exists():
            continue
        filed = now - timedelta(days=days)
        handled = status != GrievanceStatus.RECEIVED
        grievance = Grievance.objects.create(
            receipt=new_reference("GRV"),
            placement=placement,
            category=category,
            description=text,
            status=status,
            assignee=official if handled else None,
            acknowledged_at=filed + timedelta(days=1) if handled else None,
            side=clocks_for(category).side,
            level_since=filed,
            **due_dates(category, filed, acknowledged=False),
            closed_at=filed + timedelta(days=15) if outcome else None,
            outcome=outcome,
        )
        Grievance.objects.filter(pk=grievance.pk).update(created_at=filed)
        written += 1
    return written


def seed_evidence(today: date | None = None) -> int:
    """Add the demo's evidence and grievances; returns how many rows were written."""
    today = today or timezone.localdate()
    since = timezone.now()
    with transaction.atomic(durable=True):
        cases = list(
            Placement.objects.filter(status__in=ARRIVED_OR_ENDED)
            .select_related("job_order")
            .order_by("reference")
        )
        flaws: dict[int, set] = {case.pk: set() for case in cases}
        # Those still at work, the longest first: a rule about the cover of a worker at work
        # needs one, and the wage violations need months of reports.
        employed = (
            sorted(
                (case for case in cases if case.employment_start),
                key=lambda case: (case.end_date is not None, case.employment_start, case.reference),
            )
            or cases
        )
        for number, violation in enumerate(VIOLATIONS):
            if employed:
                flaws[employed[number % len(employed)].pk].add(violation)
        ended = [case for case in employed if case.end_date]
        if ended:
            flaws[ended[0].pk].add("final_late")
        written = sum(_seed_placement(case, flaws[case.pk], today) for case in cases)
        written += _seed_grievances(employed)
        # Month by month as they would have come in: a report filed on the day the wages were
        # paid, a safety record on its day, a cover when it began.
        for model, day in (
            (WageReport, "paid_on"),
            (SafetyRecord, "date"),
            (InsuranceCover, "valid_from"),
        ):
            restamp(model, since, Least(Cast(F(day), DateTimeField()) + WORKDAY, Value(since)))
        if written or not CheckRun.objects.exists():
            run_sweep_now(on=today)
            _date_wage_findings(since)
            _date_other_findings(since)
    # The public figures of /statistics/ from the first run on, not only after the first night.
    if written or not StatisticsSnapshot.objects.exists():
        take_snapshot()
    return written


def _date_wage_findings(since: datetime) -> None:
    """A finding about a month's wages was there to find from the night after the report was
    filed: the nightly sweep would have opened it then, with its answer due as long after.
    Seen again by today's sweep, it keeps today as its last detection."""
    filed = WageReport.objects.filter(
        placement_id=OuterRef("placement_id"),
        month=Cast(Concat(OuterRef("period"), Value("-01")), DateField()),
    ).values("created_at")[:1]
    found = Subquery(filed) + NIGHT_AFTER
    for table in (Finding, history_model(Finding)):
        found_today = (
            table.objects.filter(
                first_detected_at__gte=since,
                placement__isnull=False,
                period__regex=r"^\d{4}-\d{2}$",
            )
            .annotate(found=found)
            .filter(found__lt=F("first_detected_at"))
        )
        extra = {"pgh_created_at": F("found")} if table is not Finding else {}
        with unrecorded(Finding):
            found_today.update(
                due_at=F("due_at") - F("first_detected_at") + F("found"),
                first_detected_at=F("found"),
                **extra,
            )


def _first_day_held(finding: Finding, last_event: datetime | None) -> datetime | None:
    """When the finding's condition began to hold, read from its evidence: the day after a
    missed deadline or due day, an incident's day, a grievance's clock running out; else the
    case's last recorded step (a fact recorded then, such as a permit's region)."""
    figures = finding.evidence.get("figures", {})
    missed = [n["deadline"] for n in figures.get("notices", []) if n.get("recorded_on") is None]
    day = figures.get("deadline") or figures.get("due_on") or min(missed, default=None)
    if day:
        return _midnight(date.fromisoformat(day) + timedelta(days=1))
    if figures.get("date"):
        return _midnight(date.fromisoformat(figures["date"])) + WORKDAY + NIGHT_AFTER
    if figures.get("filed_at"):
        clock = "ack_days" if figures.get("acknowledgement_late") else "resolve_days"
        ran_out = datetime.fromisoformat(figures["filed_at"]) + timedelta(days=figures[clock])
        return _midnight(ran_out.date() + timedelta(days=1))
    if figures.get("due_day") and figures.get("month"):
        due = _next_month(date.fromisoformat(f"{figures['month']}-01"))
        return _midnight(due.replace(day=figures["due_day"]) + timedelta(days=1))
    if figures.get("month"):
        # About a month's report, which `_date_wage_findings` dated when it could.
        return None
    return last_event + NIGHT_AFTER if last_event else None


def _midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time(), tzinfo=UTC)


def _date_other_findings(since: datetime) -> None:
    """The findings not about a filed month's wages, dated as the nightly sweep would have
    found them (`_first_day_held`), never later than today's sweep."""
    events = history_model(Finding)
    last_step = CaseEvent.objects.filter(placement=OuterRef("placement_id"), at__lt=since)
    found_today = Finding.objects.filter(first_detected_at__gte=since).annotate(
        last_event=Subquery(last_step.order_by("-at").values("at")[:1])
    )
    with unrecorded(Finding):
        for finding in found_today:
            found = _first_day_held(finding, finding.last_event)
            if found is None or found >= finding.first_detected_at:
                continue
            shift = {
                "due_at": F("due_at") - F("first_detected_at") + Value(found),
                "first_detected_at": Value(found),
            }
            Finding.objects.filter(pk=finding.pk).update(**shift)
            events.objects.filter(pgh_obj_id=finding.pk, first_detected_at__gte=since).update(
                pgh_created_at=Value(found), **shift
            )
