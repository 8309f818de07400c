"""Reads the compliance pages and API share, each scoped to its user (out of scope is 404).

Every rule fails closed: an anonymous user, an unknown role or a user with two memberships
gets an empty queryset.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from compliance.models import InsuranceCover, SafetyRecord, WageReport
from compliance.rulebook.selectors import parameters
from mobility.placement_status import EMPLOYED_OR_ENDED
from workers.models import Placement
from workers.placements.selectors import placements_visible_to

# RULES.md: a finished month's report is due by day 20 of the next month, unless officials
# change the rule's parameter.
DEFAULT_DUE_DAY = 20


def _evidence_visible_to(model, user):
    return model.objects.filter(placement__in=placements_visible_to(user)).select_related(
        "placement"
    )


def wage_reports_visible_to(user) -> QuerySet[WageReport]:
    return _evidence_visible_to(WageReport, user)


def safety_records_visible_to(user) -> QuerySet[SafetyRecord]:
    return _evidence_visible_to(SafetyRecord, user)


def insurance_covers_visible_to(user) -> QuerySet[InsuranceCover]:
    return _evidence_visible_to(InsuranceCover, user)


@dataclass(frozen=True)
class WageReportsDue:
    """The wage reports due this month: last month's, by day `due_day` of this one
    (WAGE_REPORT_MISSING's own parameter), for the cases that worked in it."""

    month: date
    due_on: date
    cases: QuerySet[Placement]
    # Past the due day, as WAGE_REPORT_MISSING counts it: the due day itself is still in time.
    overdue: bool


def wage_reports_due(user, today: date | None = None) -> WageReportsDue:
    today = today or timezone.localdate()
    this_month = today.replace(day=1)
    month = (this_month - timedelta(days=1)).replace(day=1)
    due_day = int(parameters("WAGE_REPORT_MISSING", today).get("due_day", DEFAULT_DUE_DAY))
    worked_in_month = Q(employment_start__lt=this_month) & (
        Q(end_date__isnull=True) | Q(end_date__gte=month)
    )
    reported = WageReport.objects.filter(placement=OuterRef("pk"), month=month)
    cases = (
        placements_visible_to(user)
        .filter(worked_in_month, status__in=EMPLOYED_OR_ENDED)
        .exclude(Exists(reported))
        .select_related("worker", "job_order")
        .order_by("worker__full_name", "pk")
    )
    due_on = this_month.replace(day=due_day)
    return WageReportsDue(month=month, due_on=due_on, cases=cases, overdue=today > due_on)
