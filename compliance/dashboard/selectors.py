"""The officials' dashboard: every tile and chart from the lists' own filter sets.

Cases, findings and grievances are counted through the FilterSet of the list a figure links
to (`workers.filtersets`), started from the rows the reader may open, so a region-limited
official never counts what they may not open, the filters narrow every figure alike, and a
figure always equals the length of the list behind its link. Each figure is one aggregate
query; the whole summary is cached briefly per user scope, language and filter set, since
over a million cases a few seconds of staleness is worth far less than the database time.
For the same reason every query of the summary reads through `heavy_reads()`: a streaming
replica when one is configured, so that its figures come from one database and a refresh
never competes with the writes on the primary.
"""

import hashlib
import json
from datetime import date, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from compliance.checks.selectors import check_runs_visible_to
from compliance.findings.filters import FindingQueueFilter
from compliance.findings.selectors import findings_visible_to
from compliance.grievances.filters import GrievanceQueueFilter, overdue_at
from compliance.grievances.selectors import grievances_visible_to
from compliance.models import OPEN_FINDING_STATUSES, CheckRunScope, Finding
from compliance.rulebook.models import Category, Severity
from employers.models import Employer
from mobility.access import actor_for
from mobility.placement_status import IN_RUSSIA, PlacementStatus
from mobility.replica import heavy_reads
from workers.filtersets import SCOPE_FILTERS, rows_of
from workers.models import OPEN_GRIEVANCE_STATUSES, Agency, Grievance, Placement
from workers.placements.filters import PlacementFilter
from workers.placements.selectors import placements_visible_to

SUMMARY_CACHE_SECONDS = 30
TOP = 10
PLACEMENT_DIMENSIONS = {"sector": "job_order__employer__sector", "region": "job_order__work_region"}


def scope_filters(request) -> PlacementFilter:
    """The dashboard's filters as the case list takes them: its form is the dashboard's, and
    once valid its `scope()` is the query every figure's link carries."""
    data = request.GET.copy()
    for name in set(data) - set(SCOPE_FILTERS):
        del data[name]
    return PlacementFilter(data, queryset=placements_visible_to(request.user), request=request)


def _cache_key(request, scope: dict[str, str]) -> str:
    actor = actor_for(request.user)
    who = (actor.role, actor.side, actor.regions, actor.agency_id, actor.employer_id)
    raw = json.dumps([who, get_language(), scope], sort_keys=True)
    return "dashboard:" + hashlib.sha256(raw.encode()).hexdigest()


def _link(list_name: str, scope: dict[str, str], **own) -> str:
    return f"{reverse(list_name)}?{urlencode({**scope, **own})}"


def placements_by_stage(placements: QuerySet[Placement]) -> dict[str, int]:
    counts = dict.fromkeys(PlacementStatus.values, 0)
    rows = placements.order_by().values("status").annotate(n=Count("pk"))
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def open_findings_by_severity(findings: QuerySet[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(Severity.values, 0)
    rows = (
        findings.filter(status__in=OPEN_FINDING_STATUSES)
        .order_by()
        .values("severity")
        .annotate(n=Count("pk"))
    )
    counts.update({row["severity"]: row["n"] for row in rows})
    return counts


def compliance_rate_by_category(
    placements: QuerySet[Placement], findings: QuerySet[Finding]
) -> dict[str, float | None]:
    """Share of the cases of workers in Russia (arrived or employed) with no open finding of
    the category.

    Two aggregates rather than a per-case EXISTS for each category: over a million cases the
    correlated form took tens of seconds, this one a fraction of a second."""
    total = placements.filter(status__in=IN_RUSSIA).order_by().count()
    rows = (
        findings.filter(status__in=OPEN_FINDING_STATUSES, placement__status__in=IN_RUSSIA)
        .order_by()
        .values("rule__category")
        .annotate(flagged=Count("placement_id", distinct=True))
    )
    flagged = {row["rule__category"]: row["flagged"] for row in rows}
    return {
        category: (round(100 * (total - flagged.get(category, 0)) / total, 1) if total else None)
        for category in Category.values
    }


def grievances_sla(grievances: QuerySet[Grievance], now) -> dict[str, int]:
    late = overdue_at(now)
    return (
        grievances.filter(status__in=OPEN_GRIEVANCE_STATUSES)
        .order_by()
        .aggregate(
            within_sla=Count("pk", filter=~late),
            over_sla=Count("pk", filter=late),
        )
    )


def last_sweep(user, using: str) -> dict | None:
    run = (
        check_runs_visible_to(user)
        .using(using)
        .filter(scope=CheckRunScope.ALL)
        .order_by("-created_at", "-pk")
        .first()
    )
    if run is None:
        return None
    return {
        "id": run.pk,
        "status": run.status,
        "status_label": str(run.get_status_display()),
        "started_at": run.started_at,
        "finished_at": run.finished_at,
        "subjects_evaluated": run.subjects_evaluated,
        "findings_opened": run.findings_opened,
        "findings_resolved": run.findings_resolved,
    }


def findings_per_month(findings: QuerySet[Finding], today: date) -> list[dict]:
    since = (today.replace(day=1) - timedelta(days=335)).replace(day=1)
    rows = (
        findings.filter(first_detected_at__date__gte=since)
        .order_by()
        .annotate(month=TruncMonth("first_detected_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return [{"month": row["month"].strftime("%Y-%m"), "count": row["n"]} for row in rows]


def placements_by(placements: QuerySet[Placement], dimension: str) -> list[dict]:
    rows = (
        placements.order_by()
        .values(key=F(PLACEMENT_DIMENSIONS[dimension]))
        .annotate(n=Count("pk"))
        .order_by("-n", "key")
    )
    return [{"key": row["key"], "count": row["n"]} for row in rows]


def top_employers_by_open_breaches(findings: QuerySet[Finding]) -> list[dict]:
    breaches = findings.filter(
        status__in=OPEN_FINDING_STATUSES, severity__in=(Severity.BREACH, Severity.CRITICAL)
    )
    rows = (
        breaches.order_by()
        .values(employer_key=Coalesce("placement__job_order__employer_id", "employer_id"))
        .annotate(n=Count("pk"))
        .order_by("-n", "employer_key")[:TOP]
    )
    names = Employer.objects.using(findings.db).in_bulk([row["employer_key"] for row in rows])
    return [
        {
            "employer": row["employer_key"],
            "legal_name": names[row["employer_key"]].legal_name,
            "open_breaches": row["n"],
        }
        for row in rows
        if row["employer_key"] in names
    ]


def _agency_links(agency_id: int, scope: dict[str, str]) -> dict[str, str]:
    return {
        "cases": _link("official-cases", scope, agency=agency_id),
        "employed": _link(
            "official-cases", scope, agency=agency_id, status=PlacementStatus.EMPLOYED
        ),
        "open_findings": _link("findings-queue", scope, agency=agency_id, open="true"),
    }


def agency_table(
    placements: QuerySet[Placement], findings: QuerySet[Finding], scope: dict[str, str]
) -> list[dict]:
    """Each agency with cases in scope, its figures and the lists they count. A finding is the
    agency's when it is about one of its cases or about the agency itself (`of_agency`)."""
    case_rows = (
        placements.order_by()
        .values("agency_id")
        .annotate(
            cases=Count("pk"),
            employed=Count("pk", filter=Q(status=PlacementStatus.EMPLOYED)),
        )
    )
    finding_rows = (
        findings.filter(status__in=OPEN_FINDING_STATUSES)
        .order_by()
        .values(agency_key=Coalesce("placement__agency_id", "agency_id"))
        .annotate(n=Count("pk"))
    )
    open_by_agency = {row["agency_key"]: row["n"] for row in finding_rows}
    agencies = Agency.objects.using(placements.db).in_bulk([row["agency_id"] for row in case_rows])
    table = [
        {
            "agency": row["agency_id"],
            "name": agencies[row["agency_id"]].name,
            "status": agencies[row["agency_id"]].status,
            "status_label": str(agencies[row["agency_id"]].get_status_display()),
            "cases": row["cases"],
            "employed": row["employed"],
            "open_findings": open_by_agency.get(row["agency_id"], 0),
            "links": _agency_links(row["agency_id"], scope),
        }
        for row in case_rows
    ]
    return sorted(table, key=lambda row: (-row["cases"], row["name"]))


def tiles(summary: dict, scope: dict[str, str]) -> list[dict]:
    """Every counted figure with the list it counts: the link carries the dashboard's filters
    and the figure's own (a status, a severity, overdue), under the names the list takes."""
    stages = dict(PlacementStatus.choices)
    severities = dict(Severity.choices)
    figures = [
        (
            PlacementStatus.EMPLOYED,
            "employed",
            _("Employed"),
            summary["employed"],
            _link("official-cases", scope, status=PlacementStatus.EMPLOYED),
        ),
        *(
            (
                severity,
                "findings",
                severities[severity],
                count,
                _link("findings-queue", scope, open="true", severity=severity),
            )
            for severity, count in summary["open_findings_by_severity"].items()
        ),
        (
            "within",
            "grievances",
            _("within deadline"),
            summary["grievances"]["within_sla"],
            _link("grievances-queue", scope, open="true", overdue="false"),
        ),
        (
            "overdue",
            "grievances",
            _("overdue"),
            summary["grievances"]["over_sla"],
            _link("grievances-queue", scope, overdue="true"),
        ),
        *(
            (
                status,
                "stages",
                stages[status],
                count,
                _link("official-cases", scope, status=status),
            )
            for status, count in summary["cases_by_stage"].items()
        ),
        *(
            (
                f"{row['agency']}-{column}",
                "agencies",
                f"{row['name']}: {label}",
                row[column],
                row["links"][column],
            )
            for row in summary["agencies"]
            for column, label in (
                ("cases", _("Cases")),
                ("employed", _("Employed")),
                ("open_findings", _("Open findings")),
            )
        ),
    ]
    return [
        {
            "key": f"{group}-{code}",
            "group": group,
            "code": code,
            "label": str(label),
            "figure": figure,
            "link": link,
        }
        for code, group, label, figure, link in figures
    ]


def summary(request, filters: PlacementFilter) -> dict:
    """Every tile and chart of the dashboard for valid `filters` (`scope_filters`), cached
    for SUMMARY_CACHE_SECONDS."""
    scope = filters.scope()
    key = _cache_key(request, scope)
    cached = cache.get(key)
    if cached is not None:
        return cached
    now = timezone.now()
    user = request.user
    using = heavy_reads()
    placements = rows_of(filters).using(using)
    findings = rows_of(
        FindingQueueFilter(filters.data, queryset=findings_visible_to(user), request=request)
    ).using(using)
    grievances = rows_of(
        GrievanceQueueFilter(filters.data, queryset=grievances_visible_to(user), request=request)
    ).using(using)
    stages = placements_by_stage(placements)
    actor = actor_for(user)
    result = {
        "generated_at": now,
        "cases_by_stage": stages,
        "employed": stages[PlacementStatus.EMPLOYED],
        "pact_target": settings.PACT_TARGET_WORKERS,
        # The target is the whole pact's: against narrowed figures it is labelled so.
        "narrowed": bool(scope) or actor.is_region_limited,
        "open_findings_by_severity": open_findings_by_severity(findings),
        "compliance_rate_by_category": compliance_rate_by_category(placements, findings),
        "grievances": grievances_sla(grievances, now),
        "last_sweep": last_sweep(user, using),
        "findings_per_month": findings_per_month(findings, timezone.localdate(now)),
        "cases_by_sector": placements_by(placements, "sector"),
        "cases_by_region": placements_by(placements, "region")[:TOP],
        "top_employers_by_open_breaches": top_employers_by_open_breaches(findings),
        "agencies": agency_table(placements, findings, scope),
        "scope": scope,
    }
    result["tiles"] = tiles(result, scope)
    cache.set(key, result, SUMMARY_CACHE_SECONDS)
    return result
