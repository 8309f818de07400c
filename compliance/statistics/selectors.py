"""The pact's public figures: computed over every case of the pact, suppressed
(`suppression.suppress`) before they are stored, and read back by the public page."""

from django.conf import settings
from django.db.models import Count, F, Q, Sum

from compliance.entitlements import scores
from compliance.entitlements.models import Currency
from compliance.entitlements.selectors import payments_visible_to
from compliance.findings.selectors import findings_visible_to
from compliance.grievances.selectors import grievances_visible_to
from compliance.models import OPEN_FINDING_STATUSES, StatisticsSnapshot
from compliance.rulebook.models import Category
from compliance.statistics.suppression import SMALL, THRESHOLD, suppress
from employers.models import Sector
from mobility.access import Actor, Role
from mobility.placement_status import IN_RUSSIA, PlacementStatus
from workers.models import GrievanceCategory, GrievanceStatus
from workers.placements.selectors import placements_visible_to

# The whole pact, as a superuser sees it: the public page publishes aggregates of every case,
# and only after small cells are withheld.
WHOLE_PACT = Actor(role=Role.SUPERUSER)
CLOSED = (GrievanceStatus.RESOLVED, GrievanceStatus.REJECTED)


def _one_way(counts: dict[str, int], keys: list[str]) -> dict:
    if not keys:
        # No region has a worker yet (a new pact): nothing to suppress, and nothing to show.
        return {"rows": [], "total": 0}
    table = suppress([[counts.get(key, 0)] for key in keys], row_totals=False, column_totals=True)
    return {
        "rows": [{"key": key, "count": row[0]} for key, row in zip(keys, table.cells, strict=True)],
        "total": table.column_totals[0],
    }


def employed_figures() -> dict:
    employed = placements_visible_to(WHOLE_PACT).filter(status=PlacementStatus.EMPLOYED).order_by()
    by_sector = dict(employed.values_list("job_order__employer__sector").annotate(n=Count("pk")))
    by_region = dict(employed.values_list("job_order__work_region").annotate(n=Count("pk")))
    regions = sorted(by_region, key=lambda code: (-by_region[code], code))
    sectors = _one_way(by_sector, list(Sector.values))
    return {
        "target": settings.PACT_TARGET_WORKERS,
        "employed": sectors["total"],
        "by_sector": sectors,
        "by_region": _one_way(by_region, regions),
    }


def compliance_figures() -> list[dict]:
    """Per category, the workers in Russia with no open finding of it and those with one, and
    the share compliant; a share is published only where neither count is withheld (it
    would give the withheld count back)."""
    in_russia = placements_visible_to(WHOLE_PACT).filter(status__in=IN_RUSSIA).order_by()
    total = in_russia.count()
    flagged = dict(
        findings_visible_to(WHOLE_PACT)
        .filter(status__in=OPEN_FINDING_STATUSES, placement__status__in=IN_RUSSIA)
        .order_by()
        .values_list("rule__category")
        .annotate(n=Count("placement_id", distinct=True))
    )
    categories = [c for c in Category.values if c != Category.GRIEVANCES]
    table = suppress(
        [[total - flagged.get(c, 0), flagged.get(c, 0)] for c in categories],
        row_totals=True,
        column_totals=False,
    )
    rows = []
    for category, (compliant, with_finding), workers in zip(
        categories, table.cells, table.row_totals, strict=True
    ):
        shown = all(isinstance(v, int) for v in (compliant, with_finding)) and total
        rows.append(
            {
                "key": category,
                "compliant": compliant,
                "with_finding": with_finding,
                "workers": workers,
                "rate": round(100 * compliant / total, 1) if shown else None,
            }
        )
    return rows


def grievance_figures() -> dict:
    """Grievances closed, by category: within their resolution time limit or after it."""
    closed = (
        grievances_visible_to(WHOLE_PACT)
        .filter(status__in=CLOSED, closed_at__isnull=False)
        .order_by()
        .values("category")
        .annotate(
            within=Count("pk", filter=Q(closed_at__lte=F("resolution_due"))),
            late=Count("pk", filter=Q(closed_at__gt=F("resolution_due"))),
        )
    )
    counts = {row["category"]: row for row in closed}
    keys = list(GrievanceCategory.values)
    table = suppress(
        [[counts.get(k, {}).get("within", 0), counts.get(k, {}).get("late", 0)] for k in keys],
        row_totals=True,
        column_totals=True,
    )
    return {
        "rows": [
            {"key": key, "within": row[0], "late": row[1], "closed": total}
            for key, row, total in zip(keys, table.cells, table.row_totals, strict=True)
        ],
        "within": table.column_totals[0],
        "late": table.column_totals[1],
        "closed": table.total,
    }


def money_figures() -> list[dict]:
    """Per currency, the money recovered for workers (payments they confirmed or an official
    accepted) and how many workers it reached. A total reached by fewer than THRESHOLD
    workers is withheld with their count: it would tell what one or two of them were paid."""
    rows = (
        scores.accepted(payments_visible_to(WHOLE_PACT))
        .order_by()
        .values(currency=F("entitlement__currency"))
        .annotate(
            total=Sum("amount"), workers=Count("entitlement__placement__worker_id", distinct=True)
        )
    )
    found = {row["currency"]: row for row in rows}
    figures = []
    for currency in Currency.values:
        row = found.get(currency, {"total": 0, "workers": 0})
        workers = suppress([[row["workers"]]], row_totals=False, column_totals=False).cells[0][0]
        amount = SMALL if workers == SMALL else str(row["total"])
        figures.append({"currency": currency, "amount": amount, "workers": workers})
    return figures


def public_figures() -> dict:
    return {
        "threshold": THRESHOLD,
        "employment": employed_figures(),
        "compliance": compliance_figures(),
        "grievances": grievance_figures(),
        "money": money_figures(),
    }


def latest_snapshot() -> StatisticsSnapshot | None:
    return StatisticsSnapshot.objects.order_by("-taken_at", "-pk").first()
