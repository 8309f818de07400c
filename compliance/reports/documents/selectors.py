"""The reads of the compliance documents, each started from the requester's selectors
(`findings_visible_to`, `placements_visible_to`, ...) and bounded: a few aggregate queries
and one query for the findings, whatever the number of workers."""

from decimal import Decimal

from django.db.models import Count, F, Max, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth

from compliance.findings.explanations import expected_and_found
from compliance.findings.explanations import period as period_in_words
from compliance.findings.wording import describe
from compliance.models import (
    EVERY_PLACEMENT_SCOPES,
    CheckRun,
    CheckRunScope,
    CheckRunStatus,
    Finding,
)
from compliance.reports.documents.period import Period
from compliance.rulebook.models import SEVERITY_ORDER, Category, Rule
from mobility import figures
from mobility.placement_status import PlacementStatus
from workers.models import CaseEvent, Grievance, GrievanceCategory, Placement


def with_stage_at(placements: QuerySet[Placement], ends_before) -> QuerySet[Placement]:
    """The cases entered before `ends_before`, each with `stage`: its status then, as its
    timeline records it (a case without a timeline, entered before timelines were kept, by
    its status now)."""
    last_move = (
        CaseEvent.objects.filter(placement_id=OuterRef("pk"), at__lt=ends_before)
        .exclude(to_status="")
        .order_by("-at", "-pk")
        .values("to_status")[:1]
    )
    return (
        placements.filter(created_at__lt=ends_before)
        .order_by()
        .annotate(stage=Coalesce(Subquery(last_move), "status"))
    )


def stages_at_end(placements: QuerySet[Placement], period: Period) -> list[dict]:
    """Cases by the stage they were in at the end of the period, every stage listed."""
    rows = with_stage_at(placements, period.ends_before).values("stage").annotate(n=Count("pk"))
    counts = {row["stage"]: row["n"] for row in rows}
    return [
        {"status": status, "label": str(label), "count": counts.get(status, 0)}
        for status, label in PlacementStatus.choices
    ]


def alive_in(findings: QuerySet[Finding], period: Period) -> QuerySet[Finding]:
    """Findings detected before the period ended and not closed before it started. A
    grievance's clock finding names the case that complained, so it is left to the
    grievances' counts."""
    return (
        findings.filter(first_detected_at__lt=period.ends_before)
        .filter(Q(closed_at__isnull=True) | Q(closed_at__gte=period.starts_at))
        .exclude(rule__category=Category.GRIEVANCES)
    )


def findings_in_words(findings: QuerySet[Finding]) -> list[dict]:
    """Each finding as the reader reads it: the rule, what was expected and found, the
    sentence with its legal source, the status and the due date; the gravest first."""
    rows = []
    for finding in findings.select_related("rule", "placement").order_by("rule__code", "pk"):
        expected, found = expected_and_found(finding.rule.code, finding.evidence or {})
        rows.append(
            {
                "code": finding.rule.code,
                "title": finding.rule.title_in_words,
                "category": str(Category(finding.rule.category).label),
                "severity": finding.severity,
                "severity_label": str(finding.get_severity_display()),
                "status_label": str(finding.get_status_display()),
                "period": period_in_words(finding.period) if finding.period else "",
                "case": finding.placement.reference if finding.placement else "",
                "expected": expected,
                "found": found,
                "message": describe(finding),
                "source": finding.rule.source_in_words,
                "due": finding.due_at,
                "closed_at": finding.closed_at,
            }
        )
    rows.sort(key=lambda row: -SEVERITY_ORDER[row["severity"]])
    return rows


def findings_by_severity(rows: list[dict]) -> list[dict]:
    counts = {}
    for row in rows:
        counts[row["severity"]] = counts.get(row["severity"], 0) + 1
    return [
        {"label": str(label), "count": counts.get(severity, 0)}
        for severity, label in reversed(Finding._meta.get_field("severity").choices)
    ]


def checks_in(placements: QuerySet[Placement], period: Period) -> dict:
    """What was checked in the period: the runs over every case (the nightly sweep, the
    hourly deadlines), which judged the subject's cases whoever reads the report, the checks
    of single cases among `placements`, and the months they ran in."""
    runs = CheckRun.objects.filter(
        status=CheckRunStatus.FINISHED,
        finished_at__gte=period.starts_at,
        finished_at__lt=period.ends_before,
    )
    every_case = runs.filter(scope__in=EVERY_PLACEMENT_SCOPES)
    totals = every_case.order_by().aggregate(
        sweeps=Count("pk", filter=Q(scope=CheckRunScope.ALL)),
        deadlines=Count("pk", filter=Q(scope=CheckRunScope.DEADLINES)),
        last=Max("finished_at"),
    )
    totals["single_cases"] = (
        runs.filter(scope=CheckRunScope.PLACEMENT, placement__in=placements).order_by().count()
    )
    months = (
        every_case.order_by()
        .annotate(month=TruncMonth("finished_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    totals["months"] = [
        {"month": figures.month(row["month"].date()), "runs": row["n"]} for row in months
    ]
    return totals


def rules_checked(findings: QuerySet[Finding]) -> list[dict]:
    raised = dict(
        findings.order_by()
        .values("rule__code")
        .annotate(n=Count("pk"))
        .values_list("rule__code", "n")
    )
    return [
        {
            "code": rule.code,
            "title": rule.title_in_words,
            "category": str(Category(rule.category).label),
            "source": rule.source_in_words,
            "findings": raised.get(rule.code, 0),
        }
        for rule in Rule.objects.filter(enabled=True).exclude(category=Category.GRIEVANCES)
    ]


def grievance_counts(grievances: QuerySet[Grievance], period: Period, now) -> list[dict]:
    """Grievances filed in the period by category and clock: resolved or rejected within the
    time limit, past it (closed late, or still open and overdue), still open within it. Counts
    only: who complained is not in a report."""
    filed = grievances.filter(
        created_at__gte=period.starts_at, created_at__lt=period.ends_before
    ).order_by()
    late_open = Q(closed_at__isnull=True, resolution_due__lt=now) | Q(
        closed_at__isnull=True, acknowledged_at__isnull=True, acknowledgement_due__lt=now
    )
    rows = filed.values("category").annotate(
        filed=Count("pk"),
        closed_within=Count("pk", filter=Q(closed_at__lte=F("resolution_due"))),
        closed_late=Count("pk", filter=Q(closed_at__gt=F("resolution_due"))),
        open_overdue=Count("pk", filter=late_open),
        open_within=Count("pk", filter=Q(closed_at__isnull=True) & ~late_open),
    )
    by_category = {row["category"]: row for row in rows}
    table = []
    for category, label in GrievanceCategory.choices:
        row = by_category.get(category, {})
        table.append(
            {
                "label": str(label),
                "filed": row.get("filed", 0),
                "within": row.get("closed_within", 0),
                "over": row.get("closed_late", 0) + row.get("open_overdue", 0),
                "open_within": row.get("open_within", 0),
            }
        )
    return table


def fees_charged(placements: QuerySet[Placement], period: Period) -> dict:
    """Cases whose worker was charged a recruitment fee (ILO Employer Pays: expected 0)."""
    return (
        placements.filter(created_at__lt=period.ends_before, recruitment_fee_inr__gt=0)
        .order_by()
        .aggregate(cases=Count("pk"), total=Coalesce(Sum("recruitment_fee_inr"), Value(Decimal(0))))
    )
