"""The reference: the same case rules written the plain way, one case at a time in Python.

It reads each case with the ORM and asks the rulebook for every parameter and minimum wage,
as a straightforward implementation would. The benchmark times it on a sample and checks that
it finds exactly what the set-based sweep finds for the same cases.
"""

from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from compliance.checks.rules.base import add_months
from compliance.checks.rules.payment import SETTLED_ON_END
from compliance.checks.rules.wages import OVERTIME_MULTIPLIER, TAX_CEILING
from compliance.rulebook.models import Rule
from compliance.rulebook.selectors import applicable_minimum_wage, parameters
from compliance.rulebook.working_time import add_working_days, monthly_norm_hours
from mobility.placement_status import (
    CALLED_OFF,
    CONTRACT_ENDED,
    CONTRACT_ON,
    DEPARTED_ON,
    EMPLOYED_OR_ENDED,
    IN_RUSSIA,
    TERMINAL,
    PlacementStatus,
)
from workers.models import CLOCKED_GRIEVANCE_STATUSES, Placement

CENT = Decimal("0.01")


def _p(code, name, on):
    return Decimal(str(parameters(code, on)[name]))


def _month_end(month: date) -> date:
    return add_months(month, 1) - timedelta(days=1)


def _ended_on(p: Placement) -> date | None:
    """The end date, or the day of the move into the final status that records none."""
    if p.status not in TERMINAL:
        return None
    if p.end_date:
        return p.end_date
    moved = p.timeline.filter(to_status=p.status).order_by("at").last()
    return timezone.localdate(moved.at) if moved else None


def evaluate(placement_id: int, on: date) -> set[tuple[str, str, str]]:
    """(rule code, period, severity) for every case rule that fires for this case on `on`."""
    enabled = set(Rule.objects.filter(enabled=True).values_list("code", flat=True))
    p = Placement.objects.select_related("job_order__employer", "worker").get(pk=placement_id)
    job = p.job_order
    reports = list(p.wage_reports.all())
    safety = list(p.safety_records.all())
    covers = list(p.insurance_covers.all())
    hits: set[tuple[str, str, str]] = set()

    def fire(code, period="", severity=None):
        if code in enabled:
            hits.add((code, period, severity or Rule.objects.get(code=code).severity))

    hours = p.contract_hours_per_week
    wage = p.contract_wage_rub
    # Wages and hours.
    if wage is not None and hours is not None and p.contract_start:
        minimum = applicable_minimum_wage(job.work_region, p.contract_start, hours)
        if minimum and wage < minimum.amount_rub:
            fire("WAGE_BELOW_MINIMUM", "contract")
    if wage is not None:
        tolerance = _p("WAGE_CONTRACT_SUBSTITUTION", "tolerance_rub", on)
        if wage < job.monthly_wage_rub - tolerance or (hours or 0) > job.hours_per_week:
            fire("WAGE_CONTRACT_SUBSTITUTION")
    limit = _p("HOURS_WEEKLY_EXCEEDED", "max_hours_per_week", on)
    if p.status not in CALLED_OFF and ((hours or 0) > limit or job.hours_per_week > limit):
        fire("HOURS_WEEKLY_EXCEEDED")
    overtime_by_year: dict[int, Decimal] = {}
    for r in reports:
        period = f"{r.month:%Y-%m}"
        overtime_by_year[r.month.year] = overtime_by_year.get(r.month.year, 0) + r.overtime_hours
        if hours is not None:
            norm = monthly_norm_hours(r.month.year, r.month.month, hours)
            minimum = applicable_minimum_wage(job.work_region, r.month, hours)
            # Base pay: gross less overtime and premium pay, stated or the least it earned.
            overtime_pay = r.overtime_pay_rub
            if overtime_pay is None and wage is not None and norm > 0:
                multiplier = _p(*OVERTIME_MULTIPLIER, r.month)
                overtime_pay = (r.overtime_hours * wage / norm * multiplier).quantize(
                    CENT, ROUND_HALF_UP
                )
            base = r.gross_rub - (overtime_pay or 0)
            if minimum and r.hours_worked >= norm and base < minimum.amount_rub:
                fire("WAGE_BELOW_MINIMUM", period)
            advance_from = date.fromisoformat(
                str(parameters("WAGE_ADVANCE_MISSING", on)["enabled_from"])
            )
            month_end = _month_end(r.month)
            if (
                r.hours_worked >= norm
                and advance_from <= month_end < on
                and (r.advance_paid_on is None or r.advance_paid_on > month_end)
            ):
                fire("WAGE_ADVANCE_MISSING", period)
            if wage is not None and hours > 0:
                multiplier = _p("WAGE_UNDERPAID", "overtime_multiplier", r.month)
                tolerance = _p("WAGE_UNDERPAID", "tolerance_pct", r.month)
                owed = (
                    wage * min(1, r.hours_worked / norm)
                    + r.overtime_hours * (wage / norm) * multiplier
                ).quantize(CENT, ROUND_HALF_UP)
                if r.gross_rub < owed * (1 - tolerance / 100):
                    fire("WAGE_UNDERPAID", period)
        outstanding = r.gross_rub - r.tax_withheld_rub - r.deductions_rub - r.net_paid_rub
        paid_in_full = outstanding <= _p("WAGE_UNPAID", "tolerance_rub", r.month)
        if (
            paid_in_full
            and r.paid_on
            and (r.paid_on - _month_end(r.month)).days
            > _p("WAGE_PAID_LATE", "max_days_after_period", r.month)
        ):
            fire("WAGE_PAID_LATE", period)
        unpaid_after = _month_end(r.month) + timedelta(
            days=int(_p("WAGE_UNPAID", "max_days_after_period", r.month))
        )
        if not paid_in_full and on > unpaid_after:
            fire("WAGE_UNPAID", period)
        ended_on = _ended_on(p)
        if p.status in SETTLED_ON_END and ended_on and r.month == ended_on.replace(day=1):
            due = ended_on + timedelta(
                days=int(_p("WAGE_FINAL_SETTLEMENT_LATE", "grace_days", r.month))
            )
            if (paid_in_full and r.paid_on and r.paid_on > due) or (not paid_in_full and on > due):
                fire("WAGE_FINAL_SETTLEMENT_LATE", period)
        # Tax above the non-resident rate is a deduction; the pay after tax allows only that.
        ceiling = (r.gross_rub * _p(*TAX_CEILING, r.month) / 100).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
        if r.tax_withheld_rub > ceiling:
            fire("TAX_WITHHOLDING_IMPLAUSIBLE", period)
        if p.arrival_date:
            resident = parameters("TAX_RESIDENT_RATE_NOT_APPLIED", r.month)
            resident_on = p.arrival_date + timedelta(days=int(resident["resident_after_days"]) - 1)
            highest = Decimal(str(resident["resident_rate_pct"])) + Decimal(
                str(resident["tolerance_pct"])
            )
            if r.month > resident_on and r.tax_withheld_rub > r.gross_rub * highest / 100:
                fire("TAX_RESIDENT_RATE_NOT_APPLIED", period)
        pay = r.gross_rub - min(r.tax_withheld_rub, ceiling)
        deducted = r.deductions_rub + max(Decimal(0), r.tax_withheld_rub - ceiling)
        if deducted > pay * _p("WAGE_DEDUCTIONS_EXCESSIVE", "max_pct", r.month) / 100:
            fire("WAGE_DEDUCTIONS_EXCESSIVE", period)
        minimum_pct = _p("SOCIAL_CONTRIBUTIONS_MISSING", "min_pct", r.month)
        if (r.employer_contributions_rub or 0) < r.gross_rub * minimum_pct / 100:
            fire("SOCIAL_CONTRIBUTIONS_MISSING", period)
    for year, overtime in overtime_by_year.items():
        cap = _p("OVERTIME_ANNUAL_EXCEEDED", "max_hours_per_year", min(on, date(year, 12, 31)))
        if overtime > cap:
            fire("OVERTIME_ANNUAL_EXCEEDED", str(year))
    reporting = (*EMPLOYED_OR_ENDED, PlacementStatus.REPATRIATED)
    if p.status in reporting and p.employment_start:
        due_day = int(_p("WAGE_REPORT_MISSING", "due_day", on))
        reported = {r.month for r in reports}
        month = p.employment_start.replace(day=1)
        last = min(_ended_on(p) or on, on).replace(day=1)
        while month <= last:
            if add_months(month, 1) + timedelta(days=due_day - 1) < on and month not in reported:
                fire("WAGE_REPORT_MISSING", f"{month:%Y-%m}")
            month = add_months(month, 1)
    # Safety.
    employed = p.status == PlacementStatus.EMPLOYED and p.employment_start
    inductions = [
        s for s in safety if s.kind == "induction" and s.date <= (p.employment_start or on)
    ]
    if employed and not inductions:
        fire("SAFETY_INDUCTION_MISSING")
    training = parameters("SAFETY_TRAINING_OVERDUE", on)
    if employed and job.employer.sector in training["sectors"]:
        trained = max((s.date for s in safety if s.kind == "training"), default=None)
        latest = max(p.employment_start, trained) if trained else p.employment_start
        if latest < add_months(on, -int(training["refresh_months"])):
            fire("SAFETY_TRAINING_OVERDUE")
    for s in safety:
        if s.kind == "incident" and s.severity in ("serious", "fatal"):
            fire("SAFETY_INCIDENT_SERIOUS", s.date.isoformat())
    # Social security.
    if p.status in IN_RUSSIA and not any(
        c.kind == "dms" and c.valid_from <= on <= c.valid_until for c in covers
    ):
        fire("INSURANCE_DMS_MISSING")
    if p.status in DEPARTED_ON and not any(c.kind in ("pbby", "other") for c in covers):
        fire("INSURANCE_ORIGIN_MISSING")
    notice = int(_p("INSURANCE_EXPIRING", "notice_days", on))
    if p.status in CONTRACT_ON and p.contract_end:
        for c in covers:
            renewed = any(
                n.kind == c.kind
                and n.pk != c.pk
                and n.valid_from <= c.valid_until + timedelta(days=1)
                and n.valid_until > c.valid_until
                for n in covers
            )
            ending = on <= c.valid_until <= on + timedelta(days=notice)
            if ending and p.contract_end > c.valid_until and not renewed:
                fire("INSURANCE_EXPIRING", c.kind)
    # Recruitment.
    if p.recruitment_fee_inr > 0:
        cap = _p("RECRUITMENT_FEE_CHARGED", "cap_inr", on)
        above_cap = parameters("RECRUITMENT_FEE_CHARGED", on)["severity_above_cap"]
        fire("RECRUITMENT_FEE_CHARGED", "", above_cap if p.recruitment_fee_inr > cap else None)
    # Immigration.
    if p.status in (*EMPLOYED_OR_ENDED, PlacementStatus.REPATRIATED) and p.employment_start:
        count = int(_p("MVD_NOTIFICATION_OVERDUE", "working_days", on))
        notices = [(p.employment_start, p.mvd_start_notified_on)]
        if p.status in (*CONTRACT_ENDED, PlacementStatus.REPATRIATED) and p.end_date:
            notices.append((p.end_date, p.mvd_end_notified_on))
        for event, done in notices:
            deadline = add_working_days(event, count)
            if (done is None and deadline < on) or (done and done > deadline):
                fire("MVD_NOTIFICATION_OVERDUE")
    if p.arrival_date:
        ended_on = _ended_on(p)
        count = int(_p("MIGRATION_REGISTRATION_OVERDUE", "working_days", on))
        deadline = add_working_days(p.arrival_date, count)
        done = p.migration_registered_on
        in_russia = ended_on is None or ended_on > deadline
        if in_russia and ((done is None and deadline < on) or (done and done > deadline)):
            fire("MIGRATION_REGISTRATION_OVERDUE")
        deadline = p.arrival_date + timedelta(
            days=int(_p("MEDICAL_BIOMETRICS_OVERDUE", "days", on))
        )
        dates = (p.medical_exam_on, p.fingerprinted_on)
        in_russia = ended_on is None or ended_on > deadline
        if in_russia and (
            (None in dates and deadline < on) or any(d and d > deadline for d in dates)
        ):
            fire("MEDICAL_BIOMETRICS_OVERDUE")
    if p.status == PlacementStatus.EMPLOYED:
        until = p.work_permit_valid_until
        notice = int(_p("WORK_PERMIT_EXPIRED", "notice_days", on))
        if until is None or until < on:
            fire("WORK_PERMIT_EXPIRED")
        elif until <= on + timedelta(days=notice) and p.contract_end and until < p.contract_end:
            fire(
                "WORK_PERMIT_EXPIRED",
                "",
                parameters("WORK_PERMIT_EXPIRED", on)["severity_expiring"],
            )
    if (
        p.status == PlacementStatus.EMPLOYED
        and p.work_permit_region
        and (
            p.work_permit_region != job.work_region
            or len(p.work_permit_occupation) == 4
            and p.work_permit_occupation.isdigit()
            and p.work_permit_occupation != job.occupation
        )
    ):
        fire("WORK_PERMIT_MISMATCH")
    # Documents.
    if p.status in CONTRACT_ON and p.contract_end:
        months = int(_p("PASSPORT_EXPIRING", "months", on))
        if p.worker.passport_expiry < add_months(p.contract_end, months):
            fire("PASSPORT_EXPIRING")
    # Grievances.
    ack = timedelta(days=int(_p("GRIEVANCE_SLA_BREACHED", "ack_days", on)))
    resolve = timedelta(days=int(_p("GRIEVANCE_SLA_BREACHED", "resolve_days", on)))
    now = min(
        timezone.now(), timezone.make_aware(datetime.combine(on + timedelta(days=1), time.min))
    )
    for g in p.grievances.filter(status__in=CLOCKED_GRIEVANCE_STATUSES):
        if (g.acknowledged_at is None and g.created_at + ack < now) or (
            g.closed_at is None and g.created_at + resolve < now
        ):
            fire("GRIEVANCE_SLA_BREACHED", g.receipt)
    return hits
