"""The officials' dashboard: every tile and chart from the same scoped, filtered querysets.

Counts start from `placements_visible_to` and `findings_visible_to`, so a region-limited
official never counts what they may not open, and the filters (period, region, sector,
employer, agency) narrow every figure alike. Each figure is one aggregate query; the whole
summary is cached briefly per user scope and filter set, since over a million cases a few
seconds of staleness is worth far less than the database time.
"""

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from compliance.checks.selectors import check_runs_visible_to
from compliance.findings.selectors import (
    findings_visible_to,
    in_region,
    in_sector,
    of_agency,
    of_employer,
)
from compliance.models import OPEN_FINDING_STATUSES, CheckRunScope, Finding
from compliance.rulebook.models import Category, Severity
from employers.models import Employer
from mobility.access import actor_for
from mobility.placement_status import IN_RUSSIA, PlacementStatus
from workers.models import OPEN_GRIEVANCE_STATUSES, Agency, Grievance, Placement
from workers.placements.selectors import placements_visible_to

SUMMARY_CACHE_SECONDS = 30
TOP = 10
PLACEMENT_DIMENSIONS = {"sector": "job_order__employer__sector", "region": "job_order__work_region"}


@dataclass(frozen=True)
class DashboardFilters:
    period_from: date | None = None
    period_to: date | None = None
    region: str = ""
    sector: str = ""
    employer: int | None = None
    agency: int | None = None

    def cache_key(self, user) -> str:
        actor = actor_for(user)
        scope = (actor.role, actor.side, actor.regions, actor.agency_id, actor.employer_id)
        raw = json.dumps([scope, asdict(self)], default=str, sort_keys=True)
        return "dashboard:" + hashlib.sha256(raw.encode()).hexdigest()


def filtered_placements(user, filters: DashboardFilters) -> QuerySet[Placement]:
    placements = placements_visible_to(user)
    if filters.region:
        placements = placements.filter(job_order__work_region=filters.region)
    if filters.sector:
        placements = placements.filter(job_order__employer__sector=filters.sector)
    if filters.employer:
        placements = placements.filter(job_order__employer_id=filters.employer)
    if filters.agency:
        placements = placements.filter(agency_id=filters.agency)
    return placements


def filtered_findings(user, filters: DashboardFilters) -> QuerySet[Finding]:
    findings = findings_visible_to(user)
    if filters.region:
        findings = findings.filter(in_region(filters.region))
    if filters.sector:
        findings = findings.filter(in_sector(filters.sector))
    if filters.employer:
        findings = findings.filter(of_employer(filters.employer))
    if filters.agency:
        findings = findings.filter(of_agency(filters.agency))
    if filters.period_from:
        findings = findings.filter(last_detected_at__date__gte=filters.period_from)
    if filters.period_to:
        findings = findings.filter(first_detected_at__date__lte=filters.period_to)
    return findings


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


def grievances_sla(placements: QuerySet[Placement], now) -> dict[str, int]:
    open_grievances = Grievance.objects.filter(
        placement__in=placements, status__in=OPEN_GRIEVANCE_STATUSES
    )
    return open_grievances.order_by().aggregate(
        within_sla=Count("pk", filter=Q(resolution_due__gte=now)),
        over_sla=Count("pk", filter=Q(resolution_due__lt=now)),
    )


def last_sweep(user) -> dict | None:
    run = (
        check_runs_visible_to(user)
        .filter(scope=CheckRunScope.ALL)
        .order_by("-created_at", "-pk")
        .first()
    )
    if run is None:
        return None
    return {
        "id": run.pk,
        "status": run.status,
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
    names = Employer.objects.in_bulk([row["employer_key"] for row in rows])
    return [
        {
            "employer": row["employer_key"],
            "legal_name": names[row["employer_key"]].legal_name,
            "open_breaches": row["n"],
        }
        for row in rows
        if row["employer_key"] in names
    ]


def agency_table(placements: QuerySet[Placement], findings: QuerySet[Finding]) -> list[dict]:
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
        .values("placement__agency_id")
        .annotate(n=Count("pk"))
    )
    open_by_agency = {row["placement__agency_id"]: row["n"] for row in finding_rows}
    agencies = Agency.objects.in_bulk([row["agency_id"] for row in case_rows])
    table = [
        {
            "agency": row["agency_id"],
            "name": agencies[row["agency_id"]].name,
            "status": agencies[row["agency_id"]].status,
            "cases": row["cases"],
            "employed": row["employed"],
            "open_findings": open_by_agency.get(row["agency_id"], 0),
        }
        for row in case_rows
    ]
    return sorted(table, key=lambda row: (-row["cases"], row["name"]))


def summary(user, filters: DashboardFilters) -> dict:
    """Every tile and chart of the dashboard, cached for SUMMARY_CACHE_SECONDS."""
    key = filters.cache_key(user)
    cached = cache.get(key)
    if cached is not None:
        return cached
    now = timezone.now()
    placements = filtered_placements(user, filters)
    findings = filtered_findings(user, filters)
    stages = placements_by_stage(placements)
    result = {
        "generated_at": now,
        "cases_by_stage": stages,
        "employed": stages[PlacementStatus.EMPLOYED],
        "pact_target": settings.PACT_TARGET_WORKERS,
        "open_findings_by_severity": open_findings_by_severity(findings),
        "compliance_rate_by_category": compliance_rate_by_category(placements, findings),
        "grievances": grievances_sla(placements, now),
        "last_sweep": last_sweep(user),
        "findings_per_month": findings_per_month(findings, timezone.localdate(now)),
        "cases_by_sector": placements_by(placements, "sector"),
        "cases_by_region": placements_by(placements, "region")[:TOP],
        "top_employers_by_open_breaches": top_employers_by_open_breaches(findings),
        "agencies": agency_table(placements, findings),
    }
    cache.set(key, result, SUMMARY_CACHE_SECONDS)
    return result
