"""Every list of the API exported as a file: `export_<list>`, in CSV and XLSX.

What you see is what you export: the rows come from the list's own API view — its selector
(`get_queryset`), its filterset, search and ordering — run for the report's scope with the
report's filters as the query parameters (`listed`). A filter the list refuses is refused
here too, with the same message, before anything is queued.

Codes stay in their own columns for machines and the words beside them (`status`,
`status_label`) are in the report's language; times are in the reader's zone, named in the
column's header; passport numbers are masked for whoever the API masks them for
(`workers.registry.selectors.sees_passport_numbers`).
"""

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Max, Model, QuerySet
from django.http import HttpRequest, QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from compliance.checks.api import CheckRunViewSet
from compliance.evidence.api import WageReportViewSet
from compliance.findings.api import FindingViewSet
from compliance.findings.wording import finding_message
from compliance.grievances.api import GrievanceViewSet
from compliance.models import Finding, WageReport
from compliance.reports import tables
from compliance.reports.kinds import Kind, Progress, register
from compliance.reports.scope import actor_of
from compliance.rulebook.models import Rule, RuleParameter
from employers.models import Employer, JobOrder
from employers.sponsorship.api import EmployerViewSet
from mobility import figures
from mobility.access import Actor, Role
from mobility.filtering import GENERAL_PARAMETERS
from mobility.regions import indian_state_name
from mobility.replica import heavy_reads
from workers.agencies.api import AgencyViewSet
from workers.models import Agency, Grievance, Placement, Worker
from workers.placements.api import PlacementViewSet
from workers.registry.api import WorkerViewSet
from workers.registry.selectors import sees_passport_numbers
from workers.registry.validation import mask_passport

# Rows fetched per round trip of the server-side cursor.
CHUNK_SIZE = 2_000
STAFF = frozenset({Role.OFFICIAL, Role.AGENCY, Role.EMPLOYER})


def listed(viewset_class, actor: Actor, filters: dict) -> QuerySet:
    """The rows the list endpoint `GET /api/v1/<list>/?<filters>` answers `actor` with, in its
    order, unpaged. Raises the list's own ValidationError for a filter it refuses."""
    http = HttpRequest()
    http.method = "GET"
    query = QueryDict(mutable=True)
    for name, value in filters.items():
        query.setlist(name, [str(v) for v in value] if isinstance(value, list) else [str(value)])
    http.GET = query
    request = Request(http)
    # Selectors take an Actor as they take a user: the report's scope, not a session.
    request.user = actor
    view = viewset_class(request=request, args=(), kwargs={}, format_kwarg=None, action="list")
    view.action_map = {"get": "list"}
    return view.filter_queryset(view.get_queryset())


class ListFilters(serializers.Serializer):
    """The list's query parameters as a JSON object: `{"status": "employed", "search": "K12"}`,
    a list for a repeated parameter. Checked by the list itself (`listed`)."""

    viewset = None

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            raise ValidationError({"non_field_errors": [_("Give the filters as an object.")]})
        problems = {}
        for name, value in data.items():
            values = value if isinstance(value, list) else [value]
            if name in GENERAL_PARAMETERS:
                problems[name] = [_("An export holds every page: leave out paging.")]
            elif not all(isinstance(v, (str, int, bool)) for v in values):
                problems[name] = [_("Give a text, a number, or a list of them.")]
        if problems:
            raise ValidationError(problems)
        normal = {
            name: [_plain(v) for v in value] if isinstance(value, list) else _plain(value)
            for name, value in sorted(data.items())
        }
        listed(self.viewset, self.context["actor"], normal)
        return normal


def _plain(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass(frozen=True)
class Column:
    name: str
    value: Callable[[Model], object]
    moment: bool = False


def code_and_label(name: str, code: Callable[[Model], str], label: Callable[[str], str]) -> list:
    """A code's column and its words' column. The words of each code are worked out once per
    file (in the report's language): a million rows look up a handful of labels."""
    labels: dict[str, str] = {}

    def words(row) -> str:
        value = code(row)
        if value not in labels:
            labels[value] = str(label(value)) if value not in (None, "") else ""
        return labels[value]

    return [Column(name, code), Column(f"{name}_label", words)]


def choice(name: str, path: str = "") -> list[Column]:
    """A choice field's code and its label (the model's choices, as `get_<name>_display`
    reads them) in the report's language."""
    steps = path.split("__") if path else []
    choices: dict = {}

    def code(row):
        for step in steps:
            row = getattr(row, step)
        if not choices:
            choices.update(row._meta.get_field(name).flatchoices)
        return getattr(row, name)

    return code_and_label(name, code, lambda value: choices.get(value, value))


def moment(value) -> str:
    """A time in the reader's zone (the one the header names), to the second."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


def region_columns(name: str, get: Callable[[Model], str]) -> list[Column]:
    return code_and_label(name, get, figures.region)


def state_columns(name: str, get: Callable[[Model], str]) -> list[Column]:
    return code_and_label(name, get, indian_state_name)


def header(columns: Sequence[Column]) -> list[str]:
    zone = timezone.get_current_timezone_name()
    return [f"{c.name} ({zone})" if c.moment else c.name for c in columns]


def events_version(*models: type[Model]) -> str:
    """The newest history row of each model: its triggers record every insert, update and
    delete, bulk and set-based writes included, so any change to these rows moves it."""
    marks = []
    for model in models:
        event = apps.get_model(model._meta.app_label, f"{model.__name__}Event")
        marks.append(str(event.objects.aggregate(last=Max("pgh_id"))["last"] or 0))
    return ".".join(marks)


@dataclass(frozen=True)
class ListExport:
    code: str
    title: object
    viewset: type
    columns: Callable[[Actor], list[Column]]
    # The models whose rows the columns read, for the data version.
    models: tuple[type[Model], ...]
    related: tuple[str, ...] = ()
    roles: frozenset[Role] = STAFF
    # A version for rows no history follows (check runs): from the rows themselves.
    own_version: Callable[[QuerySet], str] | None = None

    def rows(self, actor: Actor, filters: dict) -> QuerySet:
        queryset = listed(self.viewset, actor, filters)
        return queryset.select_related(*self.related) if self.related else queryset

    def version(self, actor: Actor, filters: dict) -> str:
        rows = self.rows(actor, filters)
        # The columns too: a file written before a release that changed them is not reused.
        columns = hashlib.sha256(",".join(header(self.columns(actor))).encode()).hexdigest()[:12]
        parts = [str(rows.count()), events_version(*self.models, Rule, RuleParameter), columns]
        if self.own_version is not None:
            parts.append(self.own_version(rows))
        return ":".join(parts)

    def write(self, report, out_file, progress: Progress) -> None:
        actor = actor_of(report)
        columns = self.columns(actor)
        # The file is the heavy read: a replica, when there is one (mobility/replica.py).
        rows = self.rows(actor, report.filters).using(heavy_reads())
        total = rows.count()
        lines = (
            [c.value(row) if not c.moment else moment(c.value(row)) for c in columns]
            for row in rows.iterator(chunk_size=CHUNK_SIZE)
        )
        report.rows = tables.WRITERS[report.format](
            out_file, header(columns), lines, total=total, progress=progress
        )

    def kind(self) -> Kind:
        viewset = self.viewset
        filters = type(f"{self.code}_filters", (ListFilters,), {"viewset": viewset})
        return Kind(
            code=self.code,
            title=self.title,
            formats=("csv", "xlsx"),
            filters=filters,
            write=self.write,
            version=self.version,
            roles=self.roles,
        )


def _case_columns(actor: Actor) -> list[Column]:
    return [
        Column("reference", lambda c: c.reference),
        *choice("status"),
        Column("worker", lambda c: c.worker.full_name),
        _passport(actor, lambda c: c.worker.passport_number),
        Column("agency", lambda c: c.agency.name),
        Column("employer", lambda c: c.job_order.employer.legal_name),
        Column("job_order", lambda c: c.job_order.title),
        *region_columns("work_region", lambda c: c.job_order.work_region),
        *choice("sector", "job_order__employer"),
        Column("contract_wage_rub", lambda c: c.contract_wage_rub),
        Column("contract_start", lambda c: c.contract_start),
        Column("contract_end", lambda c: c.contract_end),
        Column("arrival_date", lambda c: c.arrival_date),
        Column("employment_start", lambda c: c.employment_start),
        Column("end_date", lambda c: c.end_date),
        Column("created_at", lambda c: c.created_at, moment=True),
        Column("updated_at", lambda c: c.updated_at, moment=True),
    ]


def _passport(actor: Actor, get: Callable[[Model], str]) -> Column:
    if sees_passport_numbers(actor):
        return Column("passport_number", get)
    return Column("passport_number", lambda row: mask_passport(get(row)))


def _worker_columns(actor: Actor) -> list[Column]:
    columns = [
        Column("id", lambda w: w.pk),
        Column("full_name", lambda w: w.full_name),
        *choice("sex"),
        _passport(actor, lambda w: w.passport_number),
        *state_columns("state_of_origin", lambda w: w.state_of_origin),
        Column("occupation", lambda w: w.occupation),
        *choice("preferred_language"),
        Column("agency", lambda w: w.agency.name),
    ]
    if sees_passport_numbers(actor):
        # The rest of what an employer's API view of a candidate leaves out (contact data,
        # the date of birth).
        columns += [
            Column("date_of_birth", lambda w: w.date_of_birth),
            Column("passport_expiry", lambda w: w.passport_expiry),
            Column("phone", lambda w: w.phone),
            Column("email", lambda w: w.email),
            Column("created_at", lambda w: w.created_at, moment=True),
        ]
    return columns


def _employer_columns(actor: Actor) -> list[Column]:
    return [
        Column("id", lambda e: e.pk),
        Column("legal_name", lambda e: e.legal_name),
        Column("inn", lambda e: e.inn),
        Column("ogrn", lambda e: e.ogrn),
        *region_columns("region", lambda e: e.region),
        *choice("sector"),
        *choice("sponsorship_status"),
        Column("quota", lambda e: e.quota),
        Column("quota_used", lambda e: e.quota_used),
        Column("contact_email", lambda e: e.contact_email),
        Column("contact_phone", lambda e: e.contact_phone),
        Column("created_at", lambda e: e.created_at, moment=True),
        Column("updated_at", lambda e: e.updated_at, moment=True),
    ]


def _agency_columns(actor: Actor) -> list[Column]:
    return [
        Column("id", lambda a: a.pk),
        Column("name", lambda a: a.name),
        Column("licence_number", lambda a: a.licence_number),
        Column("licence_valid_until", lambda a: a.licence_valid_until),
        *choice("status"),
        *state_columns("state", lambda a: a.state),
        Column("contact_email", lambda a: a.contact_email),
        Column("contact_phone", lambda a: a.contact_phone),
        Column("created_at", lambda a: a.created_at, moment=True),
        Column("updated_at", lambda a: a.updated_at, moment=True),
    ]


def _finding_employer(finding):
    employer = finding.employer or (finding.placement and finding.placement.job_order.employer)
    return employer.legal_name if employer else ""


def _finding_region(finding) -> str:
    if finding.placement:
        return finding.placement.job_order.work_region
    return finding.employer.region if finding.employer else ""


def _finding_columns(actor: Actor) -> list[Column]:
    return [
        Column("id", lambda f: f.pk),
        Column("rule", lambda f: f.rule.code),
        Column("rule_title", lambda f: f.rule.title_in_words),
        *choice("category", "rule"),
        *choice("severity"),
        *choice("status"),
        Column("case", lambda f: f.placement.reference if f.placement else ""),
        Column("employer", _finding_employer),
        # Where the work is: a region-limited official's export holds their regions only.
        *region_columns("work_region", _finding_region),
        Column("agency", lambda f: f.agency.name if f.agency else ""),
        Column("period", lambda f: f.period),
        Column("message", finding_message),
        Column("due_at", lambda f: f.due_at, moment=True),
        Column("first_detected_at", lambda f: f.first_detected_at, moment=True),
        Column("last_detected_at", lambda f: f.last_detected_at, moment=True),
        Column("closed_by", lambda f: f.closed_by.get_username() if f.closed_by else ""),
        Column("close_reason", lambda f: f.close_reason),
    ]


def _grievance_columns(actor: Actor) -> list[Column]:
    return [
        Column("receipt", lambda g: g.receipt),
        Column("case", lambda g: g.placement.reference),
        Column("employer", lambda g: g.placement.job_order.employer.legal_name),
        *choice("category"),
        *choice("status"),
        Column("assignee", lambda g: g.assignee.get_username() if g.assignee else ""),
        Column("shared_with_employer", lambda g: g.shared_with_employer),
        Column("created_at", lambda g: g.created_at, moment=True),
        Column("acknowledgement_due", lambda g: g.acknowledgement_due, moment=True),
        Column("acknowledged_at", lambda g: g.acknowledged_at, moment=True),
        Column("resolution_due", lambda g: g.resolution_due, moment=True),
        Column("closed_at", lambda g: g.closed_at, moment=True),
        Column("outcome", lambda g: g.outcome),
    ]


def _wage_report_columns(actor: Actor) -> list[Column]:
    return [
        Column("id", lambda r: r.pk),
        Column("case", lambda r: r.placement.reference),
        Column("worker", lambda r: r.placement.worker.full_name),
        Column("employer", lambda r: r.placement.job_order.employer.legal_name),
        Column("month", lambda r: r.month.strftime("%Y-%m")),
        Column("gross_rub", lambda r: r.gross_rub),
        Column("tax_withheld_rub", lambda r: r.tax_withheld_rub),
        Column("deductions_rub", lambda r: r.deductions_rub),
        Column("net_paid_rub", lambda r: r.net_paid_rub),
        Column("paid_on", lambda r: r.paid_on),
        Column("advance_paid_on", lambda r: r.advance_paid_on),
        Column("hours_worked", lambda r: r.hours_worked),
        Column("overtime_hours", lambda r: r.overtime_hours),
        Column("overtime_pay_rub", lambda r: r.overtime_pay_rub),
        Column("employer_contributions_rub", lambda r: r.employer_contributions_rub),
        Column("created_at", lambda r: r.created_at, moment=True),
        Column("updated_at", lambda r: r.updated_at, moment=True),
    ]


def _check_run_columns(actor: Actor) -> list[Column]:
    return [
        Column("id", lambda r: r.pk),
        Column("scope", lambda r: r.scope),
        *choice("trigger"),
        *choice("status"),
        Column("case", lambda r: r.placement.reference if r.placement else ""),
        Column("requested_by", lambda r: r.requested_by.get_username() if r.requested_by else ""),
        Column("created_at", lambda r: r.created_at, moment=True),
        Column("started_at", lambda r: r.started_at, moment=True),
        Column("finished_at", lambda r: r.finished_at, moment=True),
        Column("subjects_evaluated", lambda r: r.subjects_evaluated),
        Column("findings_opened", lambda r: r.findings_opened),
        Column("findings_resolved", lambda r: r.findings_resolved),
    ]


def _check_runs_version(rows: QuerySet) -> str:
    # Runs keep no history: a new run, a finished one or a count that moved changes these.
    marks = rows.order_by().aggregate(
        last=Max("pk"), finished=Max("finished_at"), progressed=Max("progressed_at")
    )
    return "|".join(str(marks[k]) for k in ("last", "finished", "progressed"))


EXPORTS = [
    ListExport(
        "export_cases",
        _("Cases"),
        PlacementViewSet,
        _case_columns,
        (Placement, Worker, Agency, JobOrder, Employer),
    ),
    ListExport(
        "export_workers",
        _("Workers"),
        WorkerViewSet,
        _worker_columns,
        (Worker, Agency),
        ("agency",),
    ),
    ListExport("export_employers", _("Employers"), EmployerViewSet, _employer_columns, (Employer,)),
    ListExport("export_agencies", _("Agencies"), AgencyViewSet, _agency_columns, (Agency,)),
    ListExport(
        "export_findings",
        _("Findings"),
        FindingViewSet,
        _finding_columns,
        (Finding, Placement, Employer, Agency, JobOrder),
    ),
    # Officials only: an employer's list of grievances hides who filed them, and an agency has
    # none; an export of the employer's few columns would add nothing the page does not show.
    ListExport(
        "export_grievances",
        _("Grievances"),
        GrievanceViewSet,
        _grievance_columns,
        (Grievance, Placement, JobOrder, Employer),
        ("placement__job_order__employer", "assignee"),
        roles=frozenset({Role.OFFICIAL}),
    ),
    ListExport(
        "export_wage_reports",
        _("Wage reports"),
        WageReportViewSet,
        _wage_report_columns,
        (WageReport, Placement, Worker, JobOrder, Employer),
        ("placement__worker", "placement__job_order__employer"),
    ),
    ListExport(
        "export_check_runs",
        _("Check runs"),
        CheckRunViewSet,
        _check_run_columns,
        (),
        ("placement", "requested_by"),
        roles=frozenset({Role.OFFICIAL}),
        own_version=_check_runs_version,
    ),
]

for export in EXPORTS:
    register(export.kind())
