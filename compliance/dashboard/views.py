"""The officials' dashboard page and its JSON summary; its tables are exported as report jobs
(compliance.reports.dashboard_tables)."""

from datetime import date
from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import gettext_lazy

from compliance.dashboard.selectors import scope_filters, summary
from compliance.rulebook.models import Category
from employers.models import Sector
from mobility import figures
from mobility.access import Role
from mobility.web import for_roles
from workers.filtersets import SCOPE_FILTERS

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


# The exports' names as the page offers them.
EXPORT_TITLES = {
    "agencies": gettext_lazy("Agencies"),
    "top-employers": gettext_lazy("Top employers by open breaches"),
    "cases-by-sector": gettext_lazy("Cases by sector"),
    "cases-by-region": gettext_lazy("Cases by region"),
    "findings-per-month": gettext_lazy("Findings per month"),
}


@for_roles(Role.OFFICIAL)
def dashboard_page(request):
    filters = scope_filters(request)
    if not filters.is_valid():
        # Every figure is withheld: figures without the filters the form shows would mislead.
        return render(
            request, "compliance/dashboard/dashboard.html", {"fields": _fields(filters)}, status=400
        )
    data = summary(request, filters)
    sectors = dict(Sector.choices)
    # The charts' axes read words in the reader's language; the exports keep the codes.
    charts = {
        "findingsPerMonth": [
            {"label": figures.month(date.fromisoformat(f"{row['month']}-01")), **row}
            for row in data["findings_per_month"]
        ],
        "casesBySector": [
            {"label": str(sectors.get(row["key"], row["key"])), **row}
            for row in data["cases_by_sector"]
        ],
        "casesByRegion": [
            {"label": figures.region(row["key"]), **row} for row in data["cases_by_region"]
        ],
        "topEmployers": data["top_employers_by_open_breaches"],
    }
    return render(
        request,
        "compliance/dashboard/dashboard.html",
        {
            "fields": _fields(filters),
            "data": data,
            "rates": _labelled(data["compliance_rate_by_category"], Category),
            "charts": charts,
            "query": urlencode(data["scope"]),
            "exports": [
                (table, EXPORT_TITLES[table], urlencode({"table": table, **data["scope"]}))
                for table in EXPORTS
            ],
        },
    )


def _fields(filters) -> list:
    """The case list's form holds its own filters too; the dashboard shows the shared ones."""
    return [filters.form[name] for name in SCOPE_FILTERS]


def _labelled(figures: dict, choices) -> list[tuple[str, str, object]]:
    """(code, label in the reader's language, figure): pages show words, links keep codes."""
    labels = dict(choices.choices)
    return [(code, labels.get(code, code), figure) for code, figure in figures.items()]
