"""The months a worker is asked about and what they answered, read with the case key only.

A month is `pending` from its report until `WAGE_ANSWER_DAYS` days have passed (the last day
included), `no_answer` after that while the worker has said nothing (derived here, no job
needed), else the worker's latest answer. The worker may change an answer until an official
has acted on the dispute it raised (`OFFICIAL_ACTED`).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import BooleanField, Case, F, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.models import FindingStatus, WageAnswer, WageReport
from mobility import figures
from workers.models import GrievanceStatus

PENDING = "pending"
NO_ANSWER = "no_answer"

# An official has acted on a dispute once its finding is no longer simply open, or its
# grievance was taken up, assigned or shared: from then on the worker's answer stands.
OFFICIAL_ACTED = Case(
    When(
        Q(finding__status__in=[s for s in FindingStatus.values if s != FindingStatus.OPEN])
        | Q(
            grievance__status__in=[
                s for s in GrievanceStatus.values if s != GrievanceStatus.RECEIVED
            ]
        )
        | Q(grievance__shared_with_employer=True)
        | Q(grievance__assignee__isnull=False),
        then=Value(True),
    ),
    default=Value(False),
    output_field=BooleanField(),
)


def answers_with_action() -> QuerySet[WageAnswer]:
    return WageAnswer.objects.annotate(official_acted=OFFICIAL_ACTED)


def latest_answer(wage_report_id: int) -> WageAnswer | None:
    return (
        answers_with_action()
        .filter(wage_report_id=wage_report_id)
        .order_by("-answered_at", "-pk")
        .first()
    )


def answer_days() -> int:
    return settings.WAGE_ANSWER_DAYS


@dataclass(frozen=True)
class WageMonth:
    month: date
    gross_rub: Decimal
    tax_withheld_rub: Decimal
    deductions_rub: Decimal
    deductions_for: list[str]
    net_paid_rub: Decimal
    paid_on: date | None
    reported_at: datetime
    answer_due: datetime
    answer: str
    received_rub: Decimal | None
    note: str
    answered_at: datetime | None
    can_change: bool

    @property
    def key(self) -> str:
        return f"{self.month:%Y-%m}"

    @property
    def label(self) -> str:
        return figures.month(self.month)

    @property
    def answered(self) -> bool:
        return self.answer not in (PENDING, NO_ANSWER)


def _months(placement_id: int) -> QuerySet[WageReport]:
    latest = (
        answers_with_action().filter(wage_report=OuterRef("pk")).order_by("-answered_at", "-pk")
    )

    def last(field: str):
        return Subquery(latest.values(field)[:1])

    return (
        WageReport.objects.filter(placement_id=placement_id)
        .annotate(
            answer=last("answer"),
            received_rub=last("received_rub"),
            note=last("note"),
            answered_at=last("answered_at"),
            official_acted=last("official_acted"),
            agreed_deduction_rub=F("placement__job_order__monthly_deduction_rub"),
            accommodation=F("placement__job_order__accommodation_provided"),
            meals=F("placement__job_order__meals_provided"),
        )
        .order_by("-month")
    )


def deductions_for(report) -> list[str]:
    """What the month's deductions were for, as far as the job offer says: the employer may
    deduct for the accommodation and meals it provides, up to the monthly amount offered."""
    deducted = report.deductions_rub
    if not deducted:
        return []
    agreed = report.agreed_deduction_rub or Decimal(0)
    if not agreed:
        return [_("Your job offer agreed no deductions from your wage.")]
    if report.meals and not report.accommodation:
        what = _("Meals")
    elif report.accommodation and not report.meals:
        what = _("Accommodation")
    else:
        what = _("Accommodation and meals")
    lines = [
        _("%(what)s, as your job offer says: up to %(agreed)s a month")
        % {"what": what, "agreed": figures.roubles(agreed)}
    ]
    if deducted > agreed:
        lines.append(
            _("%(excess)s more than your job offer allows")
            % {"excess": figures.roubles(deducted - agreed)}
        )
    return lines


def wage_months(placement_id: int, *, now: datetime | None = None) -> list[WageMonth]:
    """Every reported month of the case, the latest first, with the worker's answer (one
    query)."""
    now = now or timezone.now()
    window = timedelta(days=answer_days())
    months = []
    for report in _months(placement_id):
        due = report.created_at + window
        state = report.answer or (NO_ANSWER if now > due else PENDING)
        months.append(
            WageMonth(
                month=report.month,
                gross_rub=report.gross_rub,
                tax_withheld_rub=report.tax_withheld_rub,
                deductions_rub=report.deductions_rub,
                deductions_for=deductions_for(report),
                net_paid_rub=report.net_paid_rub,
                paid_on=report.paid_on,
                reported_at=report.created_at,
                answer_due=due,
                answer=state,
                received_rub=report.received_rub,
                note=report.note or "",
                answered_at=report.answered_at,
                can_change=not report.official_acted,
            )
        )
    return months


def wage_month(placement_id: int, month: date) -> WageMonth | None:
    return next((m for m in wage_months(placement_id) if m.month == month), None)


def month_as_json(month: WageMonth) -> dict:
    return {
        "month": month.key,
        "month_label": month.label,
        "gross_rub": str(month.gross_rub),
        "tax_withheld_rub": str(month.tax_withheld_rub),
        "deductions_rub": str(month.deductions_rub),
        "deductions_for": month.deductions_for,
        "net_paid_rub": str(month.net_paid_rub),
        "paid_on": month.paid_on.isoformat() if month.paid_on else None,
        "reported_at": timezone.localtime(month.reported_at).isoformat(),
        "answer_due": timezone.localtime(month.answer_due).isoformat(),
        "answer": month.answer,
        "received_rub": None if month.received_rub is None else str(month.received_rub),
        "note": month.note,
        "answered_at": timezone.localtime(month.answered_at).isoformat()
        if month.answered_at
        else None,
        "can_change": month.can_change,
    }
