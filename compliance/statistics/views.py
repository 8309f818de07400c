"""`/statistics/`: the pact's public figures, for anyone, in English, Russian or Hindi."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from compliance.rulebook.models import Category
from compliance.statistics.selectors import latest_snapshot
from compliance.statistics.suppression import COMPLEMENT, SMALL
from employers.models import Sector
from mobility import figures
from workers.models import GrievanceCategory


def _figure(value) -> str:
    if value == SMALL:
        return _("< 10")
    if value == COMPLEMENT:
        return "*"
    return figures.number(value)


def _in_words(data: dict) -> dict:
    employment = data["employment"]
    sectors, categories = dict(Sector.choices), dict(Category.choices)
    grievance_categories = dict(GrievanceCategory.choices)
    employed = employment["employed"]
    target = employment["target"]
    return {
        "threshold": data["threshold"],
        "employed": _figure(employed),
        "target": figures.number(target),
        "share_of_target": (
            _("%(number)s %%") % {"number": figures.number(round(100 * employed / target, 1))}
            if isinstance(employed, int) and target
            else None
        ),
        "by_sector": [
            (sectors.get(row["key"], row["key"]), _figure(row["count"]))
            for row in employment["by_sector"]["rows"]
        ],
        "by_region": [
            (figures.region(row["key"]), _figure(row["count"]))
            for row in employment["by_region"]["rows"]
        ],
        "compliance": [
            {
                "category": categories.get(row["key"], row["key"]),
                "compliant": _figure(row["compliant"]),
                "with_finding": _figure(row["with_finding"]),
                "workers": _figure(row["workers"]),
                "rate": (
                    _("%(number)s %%") % {"number": figures.number(row["rate"])}
                    if row["rate"] is not None
                    else "—"
                ),
            }
            for row in data["compliance"]
        ],
        "grievances": {
            "rows": [
                (
                    grievance_categories.get(row["key"], row["key"]),
                    _figure(row["within"]),
                    _figure(row["late"]),
                    _figure(row["closed"]),
                )
                for row in data["grievances"]["rows"]
            ],
            "within": _figure(data["grievances"]["within"]),
            "late": _figure(data["grievances"]["late"]),
            "closed": _figure(data["grievances"]["closed"]),
        },
    }


@require_GET
def statistics_page(request):
    snapshot = latest_snapshot()
    return render(
        request,
        "compliance/statistics/page.html",
        {
            "snapshot": snapshot,
            "figures": _in_words(snapshot.figures) if snapshot else None,
        },
    )
