"""`export_dashboard`: one table of the officials' dashboard (its agencies, top employers, cases
by sector or region, findings per month) under the dashboard's filters, as CSV or XLSX, counted
by the same `summary` as the page, so the file and the page never disagree."""

from types import SimpleNamespace

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from compliance.dashboard.selectors import scope_filters, summary
from compliance.dashboard.views import EXPORTS
from compliance.models import Finding
from compliance.reports import tables
from compliance.reports.exports import events_version
from compliance.reports.kinds import Kind, Progress, register
from compliance.reports.scope import actor_of
from employers.models import Employer, Sector
from mobility import figures
from mobility.access import Actor
from workers.filtersets import SCOPE_FILTERS
from workers.models import Agency, Grievance, Placement

# The words beside a table's codes, in the report's language: their column and how to word them.
LABELS = {
    "agencies": ("status_label", lambda row: str(row.get("status_label", ""))),
    "cases-by-sector": (
        "key_label",
        lambda row: str(dict(Sector.choices).get(row["key"], row["key"])),
    ),
    "cases-by-region": ("key_label", lambda row: figures.region(row["key"])),
}


def _request(actor: Actor, filters: dict):
    """What the dashboard's selectors read of a request: who asks, and the filters."""
    query = QueryDict(mutable=True)
    for name, value in filters.items():
        if name in SCOPE_FILTERS:
            query[name] = value
    return SimpleNamespace(user=actor, GET=query)


class DashboardFilters(serializers.Serializer):
    """`{"table": "agencies", "region": "RU-MOW", ...}`: the table and the dashboard's filters."""

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            raise ValidationError({"non_field_errors": [_("Give the filters as an object.")]})
        problems = {}
        if data.get("table") not in EXPORTS:
            problems["table"] = [_("Choose one of: %(known)s.") % {"known": ", ".join(EXPORTS)}]
        unknown = set(data) - {"table", *SCOPE_FILTERS}
        for name in sorted(unknown):
            problems[name] = [
                _("Unknown filter; this list takes: %(known)s.")
                % {"known": ", ".join(("table", *SCOPE_FILTERS))}
            ]
        if problems:
            raise ValidationError(problems)
        normal = {
            name: str(value) for name, value in sorted(data.items()) if value not in ("", None)
        }
        filters = scope_filters(_request(self.context["actor"], normal))
        if not filters.is_valid():
            raise ValidationError({name: list(e) for name, e in filters.form.errors.items()})
        return normal


def _version(actor: Actor, filters: dict) -> str:
    return events_version(Placement, Finding, Grievance, Agency, Employer)


def _write(report, out_file, progress: Progress) -> None:
    request = _request(actor_of(report), report.filters)
    table = report.filters["table"]
    key, columns = EXPORTS[table]
    filters = scope_filters(request)
    # Checked when asked for; checked again here, since `summary` reads the cleaned values.
    if not filters.is_valid():
        raise ValueError(f"Dashboard filters no longer valid: {filters.form.errors}")
    rows = summary(request, filters)[key]
    label_name, label = LABELS.get(table, (None, None))
    header = [*columns, label_name] if label else list(columns)
    lines = ([*(row.get(c, "") for c in columns), *([label(row)] if label else [])] for row in rows)
    report.rows = tables.WRITERS[report.format](
        out_file, header, lines, total=len(rows), progress=progress
    )


register(
    Kind(
        code="export_dashboard",
        title=_("Dashboard table"),
        formats=("csv", "xlsx"),
        filters=DashboardFilters,
        write=_write,
        version=_version,
    )
)
