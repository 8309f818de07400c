"""The officials' dashboard page, its JSON summary and CSV exports of its tables."""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from compliance.dashboard.forms import DashboardFilterForm
from compliance.dashboard.selectors import DashboardFilters, summary
from compliance.rulebook.models import Category, Severity
from mobility.access import Role
from mobility.web import csv_download, for_roles
from workers.models import PlacementStatus

EXPORTS = {
    "agencies": ("agencies", ["agency", "name", "status", "cases", "employed", "open_findings"]),
    "top-employers": (
        "top_employers_by_open_breaches",
        ["employer", "legal_name", "open_breaches"],
    ),
    "cases-by-sector": ("cases_by_sector", ["key", "count"]),
    "cases-by-region": ("cases_by_region", ["key", "count"]),
    "findings-per-month": ("findings_per_month", ["month", "count"]),
}


@for_roles(Role.OFFICIAL)
def dashboard_page(request):
    form = DashboardFilterForm(request.GET or None)
    filters = form.filters() if form.is_valid() else DashboardFilters()
    data = summary(request.user, filters)
    charts = {
        "findingsPerMonth": data["findings_per_month"],
        "casesBySector": data["cases_by_sector"],
        "casesByRegion": data["cases_by_region"],
        "topEmployers": data["top_employers_by_open_breaches"],
    }
    labelled = {
        "stages": _labelled(data["cases_by_stage"], PlacementStatus),
        "severities": _labelled(data["open_findings_by_severity"], Severity),
        "rates": _labelled(data["compliance_rate_by_category"], Category),
    }
    return render(
        request,
        "compliance/dashboard/dashboard.html",
        {
            "form": form,
            "data": data,
            "labelled": labelled,
            "charts": charts,
            "query": request.GET.urlencode(),
            "exports": list(EXPORTS),
        },
        status=200 if form.is_bound is False or form.is_valid() else 400,
    )


def _labelled(figures: dict, choices) -> list[tuple[str, str, object]]:
    """(code, label in the reader's language, figure): pages show words, links keep codes."""
    labels = dict(choices.choices)
    return [(code, labels.get(code, code), figure) for code, figure in figures.items()]


@for_roles(Role.OFFICIAL)
def dashboard_export(request, table: str):
    if table not in EXPORTS:
        raise Http404
    form = DashboardFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain")
    key, columns = EXPORTS[table]
    rows = summary(request.user, form.filters() if form.is_bound else DashboardFilters())[key]
    return csv_download(
        f"mobility-{table}.csv", columns, ([row.get(c, "") for c in columns] for row in rows)
    )
