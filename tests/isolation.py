"""The machinery of the isolation matrix (tests/mobility/test_isolation_matrix.py): every route
of the URL conf, the model each of its captured ids names, a world of paired personas whose
objects say who may see them, and a snapshot of the database to tell that a refused request
changed nothing.

The routes come from `django.urls.get_resolver()`, so a new endpoint is probed without anyone
adding it; a route whose captured kwarg the matrix cannot map to a model fails the run
(`Unmapped`) instead of slipping by.
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from functools import cache

from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory
from rest_framework.viewsets import ViewSetMixin

from compliance.dashboard.views import EXPORTS
from compliance.models import (
    CheckRun,
    Entitlement,
    Finding,
    Report,
    ReportStatus,
    WageAnswer,
    WatchlistEntry,
)
from compliance.personal_data.models import PersonalDataRequest
from compliance.rulebook.models import MinimumWage, Rule
from compliance.wage_answers.services import answer_wage_month
from employers.job_orders.services import JOB_ORDER_MOVES
from employers.models import Employer, JobOrder, JobOrderStatus
from mobility.models import Side
from tests import factories
from tests.factories import months_ago
from workers.models import (
    Agency,
    CaseEvent,
    Document,
    DocumentKind,
    Grievance,
    Import,
    Placement,
    PlacementStatus,
    Worker,
)

# Where the matrix does not look: Django's admin (superusers only, its own permission
# system), the sign-in pages, the language switch and the API's self-description.
SKIPPED_PREFIXES = ("admin/", "accounts/", "i18n/", "api/schema/", "api/docs/", "health/")

# The noun in a page's path before its id, and the model that id names.
NOUNS = {
    "agencies": Agency,
    "cases": Placement,
    "checks": CheckRun,
    "documents": Document,
    "employers": Employer,
    "entitlements": Entitlement,
    # The employer's evidence pages are those of one case.
    "evidence": Placement,
    "findings": Finding,
    "grievances": Grievance,
    "imports": Import,
    "job-orders": JobOrder,
    "minimum-wages": MinimumWage,
    "personal-data": PersonalDataRequest,
    "reports": Report,
    "rules": Rule,
    "watchlist": WatchlistEntry,
    "workers": Worker,
}

# Captured kwargs that pick an object, and the object's field they hold.
ID_KWARGS = {"pk": "pk", "id": "pk", "import_id": "pk", "request_id": "pk", "code": "code"}

# Captured kwargs that are not ids, and every value the matrix tries for them.
VALUE_KWARGS = {
    "move": tuple(JOB_ORDER_MOVES),
    "to": tuple(PlacementStatus.values),
    "month": (f"{months_ago(2):%Y-%m}",),
    "table": tuple(EXPORTS),
}


class Unmapped(Exception):
    """A route captures a kwarg the matrix cannot turn into an object or a value."""


@dataclass(frozen=True)
class Route:
    path: str
    name: str
    kwargs: tuple[str, ...]
    methods: tuple[str, ...]
    model: type | None
    id_kwarg: str | None
    is_api: bool
    callback: object = field(default=None, compare=False, repr=False)

    @property
    def is_api_list(self) -> bool:
        return self.is_api and getattr(self.callback, "actions", {}).get("get") == "list"

    def urls(self, obj=None, *, every_value: bool = False):
        """The route's URLs for `obj` (its id kwarg filled in): with the first value of each
        other kwarg (the object is looked up before any of them is read), or one URL per
        value with `every_value`."""
        values = [{}]
        for name in self.kwargs:
            if name == self.id_kwarg:
                continue
            choices = VALUE_KWARGS[name] if every_value else VALUE_KWARGS[name][:1]
            values = [{**v, name: choice} for v in values for choice in choices]
        for filled in values:
            if self.id_kwarg is not None:
                filled = {**filled, self.id_kwarg: getattr(obj, ID_KWARGS[self.id_kwarg])}
            yield _fill(self.path, filled)


def _fill(path: str, kwargs: dict) -> str:
    def value(match):
        return str(kwargs[match.group("name")])

    # DRF's `(?P<pk>[^/.]+)` and Django's `<int:pk>` alike.
    url = re.sub(r"\(\?P<(?P<name>\w+)>[^)]*\)", value, path)
    url = re.sub(r"<(?:\w+:)?(?P<name>\w+)>", value, url)
    return "/" + url.replace("^", "").replace("$", "")


def _viewset_model(callback, action: str):
    view = callback.cls(**callback.initkwargs)
    view.action, view.kwargs, view.format_kwarg = action, {}, None
    view.request = Request(APIRequestFactory().get("/"))
    view.request.user = AnonymousUser()
    return view.get_queryset().model


def _api_methods(callback) -> tuple[str, ...]:
    return tuple(sorted(m.upper() for m in callback.actions))


def _route(path: str, name: str, callback) -> Route:
    kwargs = _kwarg_names_of(path)
    id_kwargs = [k for k in kwargs if k in ID_KWARGS]
    unknown = [k for k in kwargs if k not in ID_KWARGS and k not in VALUE_KWARGS]
    if unknown or len(id_kwargs) > 1:
        raise Unmapped(f"{path} ({name}) captures {kwargs}: map them in tests/isolation.py")
    id_kwarg = id_kwargs[0] if id_kwargs else None
    is_viewset = isinstance(getattr(callback, "cls", None), type) and issubclass(
        callback.cls, ViewSetMixin
    )
    is_api = path.startswith("api/")
    methods = _api_methods(callback) if is_viewset else ("GET", "POST")
    model = None
    if id_kwarg is not None:
        if is_viewset:
            model = _viewset_model(callback, next(iter(callback.actions.values())))
        else:
            noun = _noun_before(path, id_kwarg)
            if noun not in NOUNS:
                raise Unmapped(f"{path} ({name}): which model does {id_kwarg} name? Add {noun!r}")
            model = NOUNS[noun]
    return Route(path, name, kwargs, methods, model, id_kwarg, is_api, callback)


def _kwarg_names_of(path: str) -> tuple[str, ...]:
    regex_groups = re.findall(r"\(\?P<(\w+)>", path)
    converters = re.findall(r"<(?:\w+:)?(\w+)>", re.sub(r"\(\?P<\w+>", "(", path))
    return tuple(regex_groups + converters)


def _noun_before(path: str, kwarg: str) -> str:
    segments = path.split("/")
    for i, segment in enumerate(segments):
        if kwarg in _kwarg_names_of(segment):
            return segments[i - 1] if i else ""
    return ""


def routes() -> list[Route]:
    """Every route of the URL conf the matrix probes."""
    found = []

    def walk(resolver, prefix):
        for entry in resolver.url_patterns:
            path = prefix + str(entry.pattern)
            if path.startswith(SKIPPED_PREFIXES):
                continue
            if isinstance(entry, URLResolver):
                walk(entry, path)
            elif isinstance(entry, URLPattern):
                found.append(_route(path, entry.name or "", entry.callback))

    walk(get_resolver(), "")
    return found


# The personas the matrix signs in as; "official" and "official_in" see every object and so
# are never probed for someone else's, only used to own what officials make.
PERSONAS = ("agency_a", "agency_b", "employer_a", "employer_b", "official_mow")
OFFICIALS = frozenset({"official", "official_in"})


@dataclass
class Owned:
    """An object of the world, who may read it (`seen_by`), who knows of it from another
    object they read (`known_to`: an employer knows the agency of its case), and the text that
    would give it away on a page or in an export."""

    obj: object
    seen_by: frozenset
    known_to: frozenset = frozenset()
    markers: tuple[str, ...] = ()

    @property
    def model(self):
        return type(self.obj)


@dataclass
class IsolationWorld:
    users: dict
    objects: list[Owned] = field(default_factory=list)
    # A few objects by name ("case_a", "check_run_b"), for the tests of single promises.
    named: dict = field(default_factory=dict)

    def add(self, obj, seen_by, known_to=(), markers=(), name=None):
        self.objects.append(Owned(obj, frozenset(seen_by), frozenset(known_to), tuple(markers)))
        if name is not None:
            self.named[name] = obj
        return obj

    def hidden_from(self, persona: str) -> list[Owned]:
        return [o for o in self.objects if persona not in o.seen_by]

    def unknown_to(self, persona: str) -> list[Owned]:
        return [o for o in self.hidden_from(persona) if persona not in o.known_to]

    def seen_by(self, persona: str) -> list[Owned]:
        return [o for o in self.objects if persona in o.seen_by]


def build_isolation_world() -> IsolationWorld:
    """Two sides, each an agency, an employer and everything their cases carry: side A in
    Moscow (seen by the Moscow official), side B in St Petersburg (not)."""
    official = factories.official_user(Side.RUSSIA, username="iso-official")
    world = IsolationWorld(
        users={
            "official": official,
            "official_in": factories.official_user(Side.INDIA, username="iso-official-in"),
            "official_mow": factories.official_user(
                Side.RUSSIA, ["RU-MOW"], username="iso-official-mow"
            ),
        }
    )
    for letter, region in (("a", "RU-MOW"), ("b", "RU-SPE")):
        _side(world, letter, region, official)
    return world


def _side(world: IsolationWorld, letter: str, region: str, official) -> None:
    side = letter.upper()
    agency_p, employer_p = f"agency_{letter}", f"employer_{letter}"
    everyone_official = OFFICIALS | {"official_mow"}
    # What lies in a Russian region is seen by the Moscow official only on side A.
    regional = everyone_official if region == "RU-MOW" else OFFICIALS
    agency = factories.AgencyFactory(
        name=f"Isolation Agency {side} Pvt Ltd", licence_number=f"B-ISO/{side}/2025"
    )
    employer = factories.EmployerFactory(
        legal_name=f"Isolation Employer {side} LLC", region=region, sector="construction"
    )
    world.users[agency_p] = factories.agency_user(agency, username=f"iso-agency-{letter}")
    world.users[employer_p] = factories.employer_user(employer, username=f"iso-employer-{letter}")
    world.add(agency, {agency_p} | everyone_official, {employer_p}, [agency.name])
    world.add(employer, {employer_p, "agency_a", "agency_b"} | regional, (), [employer.legal_name])
    job = factories.JobOrderFactory(employer=employer, title=f"Isolation Mason {side}")
    world.add(job, {employer_p, "agency_a", "agency_b"} | regional, (), [job.title])
    draft_job = factories.JobOrderFactory(
        employer=employer, title=f"Isolation Draft Job {side}", status=JobOrderStatus.DRAFT
    )
    world.add(draft_job, {employer_p} | regional, (), [draft_job.title])

    # The employed case: the agency's and the employer's, with everything it carries.
    both = {agency_p, employer_p} | regional
    worker = factories.WorkerFactory(
        agency=agency, full_name=f"Isolation Placed Worker {side}", passport_number=f"{side}7000001"
    )
    world.add(worker, both, (), [worker.full_name, worker.passport_number])
    case = factories.PlacementFactory(employed=True, worker=worker, job_order=job)
    world.add(case, both, (), [case.reference], name=f"case_{letter}")
    CaseEvent.objects.create(
        placement=case,
        from_status=PlacementStatus.ARRIVED,
        to_status=PlacementStatus.EMPLOYED,
        public_message="Your employment has started.",
        note=f"Isolation timeline note {side}",
    )
    contract = factories.DocumentFactory(
        placement=case, kind=DocumentKind.CONTRACT, original_name=f"iso-contract-{letter}.pdf"
    )
    world.add(contract, both, (), [contract.original_name])
    # A passport is the agency's paper: the employer of the case does not read it.
    passport = factories.DocumentFactory(
        worker=worker, kind=DocumentKind.PASSPORT, original_name=f"iso-passport-{letter}.pdf"
    )
    world.add(passport, {agency_p} | regional, (), [passport.original_name])
    world.add(factories.WageReportFactory(placement=case, month=months_ago(2)), both)
    safety = factories.SafetyRecordFactory(
        placement=case, date=case.employment_start, description=f"Isolation induction {side}"
    )
    world.add(safety, both, (), [safety.description])
    cover = factories.InsuranceCoverFactory(placement=case, policy_number=f"DMS-ISO-{side}")
    world.add(cover, both, (), [cover.policy_number])
    money = world.add(factories.FindingFactory(placement=case), both)
    world.add(factories.EntitlementFactory(finding=money), both)
    world.add(
        factories.FindingFactory(employer=employer, code="EMPLOYER_QUOTA_EXCEEDED"),
        {employer_p} | regional,
    )
    world.add(
        factories.FindingFactory(agency=agency, code="AGENCY_LICENCE_INVALID"),
        {agency_p} | everyone_official,
    )
    # A grievance not yet shared: the employer sees that it exists, nobody but officials
    # reads its clock finding; the agency sees neither.
    grievance = factories.GrievanceFactory(
        placement=case, description=f"Isolation grievance {side}", filed_days_ago=40
    )
    world.add(grievance, {employer_p} | regional, (), [grievance.description])
    world.add(
        factories.FindingFactory(
            placement=case, code="GRIEVANCE_SLA_BREACHED", period=grievance.receipt
        ),
        regional,
        {employer_p},
    )
    # The worker disputes that month's wage: the finding and the grievance it raises are the
    # officials' alone until one of them shares it; the employer does not even know of them.
    answer_wage_month(
        placement_id=case.pk,
        month=months_ago(2),
        answer="disputed",
        received_rub=Decimal("1000.00"),
        note=f"Isolation wage dispute {side}",
    )
    dispute = WageAnswer.objects.select_related("finding", "grievance").get(
        wage_report__placement=case
    )
    world.add(dispute.grievance, regional, (), [f"Isolation wage dispute {side}"])
    world.add(dispute.finding, regional)
    world.add(
        factories.CheckRunFactory(placement=case, requested_by=official),
        regional,
        name=f"check_run_{letter}",
    )
    world.add(
        PersonalDataRequest.objects.create(
            kind="export", worker=worker, worker_number=worker.pk, requested_by=official
        ),
        regional,
    )

    # The agency's alone: a draft case (never submitted to the employer), a worker with no
    # case at all, and an import.
    draft_worker = factories.WorkerFactory(
        agency=agency, full_name=f"Isolation Draft Worker {side}", passport_number=f"{side}7000002"
    )
    world.add(draft_worker, {agency_p} | regional, (), [draft_worker.full_name])
    draft = factories.PlacementFactory(worker=draft_worker, job_order=job)
    world.add(draft, {agency_p} | regional, (), [draft.reference])
    idle = factories.WorkerFactory(
        agency=agency, full_name=f"Isolation Idle Worker {side}", passport_number=f"{side}7000003"
    )
    world.add(idle, {agency_p} | OFFICIALS, (), [idle.full_name, idle.passport_number])
    idle_passport = factories.DocumentFactory(
        worker=idle, kind=DocumentKind.PASSPORT, original_name=f"iso-idle-passport-{letter}.pdf"
    )
    world.add(idle_passport, {agency_p} | OFFICIALS, (), [idle_passport.original_name])
    upload = Import.objects.create(
        agency=agency,
        kind="workers",
        file=ContentFile(b"full_name\n", name=f"iso-import-{letter}.csv"),
        created_by=world.users[agency_p],
        status="failed",
        finished_at=case.created_at + timedelta(minutes=1),
    )
    world.add(upload, {agency_p} | everyone_official)

    # Reports belong to the scope they were made in: the agency's, the employer's, and the
    # officials' of this side's region (the Moscow official reads side A's only).
    for scope, seen_by in (
        ({"scope_role": "agency", "scope_organisation": agency.pk}, {agency_p}),
        ({"scope_role": "employer", "scope_organisation": employer.pk}, {employer_p}),
        ({"scope_role": "official", "scope_side": "RU", "scope_regions": [region]}, regional),
    ):
        report = Report.objects.create(
            kind="export_cases",
            format="csv",
            language="en",
            fingerprint=f"iso-{letter}-{scope['scope_role']}",
            status=ReportStatus.FINISHED,
            progress=100,
            file=ContentFile(
                f"Isolation report {side} {scope['scope_role']}".encode(),
                name=f"iso-report-{letter}.csv",
            ),
            **scope,
        )
        world.add(report, seen_by | OFFICIALS, (), [f"/api/v1/reports/{report.pk}/download/"])


@cache
def _tables() -> tuple[str, ...]:
    tables = []
    for label in ("workers", "employers", "compliance", "mobility"):
        for model in apps.get_app_config(label).get_models():
            if model._meta.managed and not model._meta.proxy:
                tables.append(model._meta.db_table)
    return tuple(sorted(set(tables)))


def snapshot_sql() -> str:
    """One query that fingerprints every table of the apps: its row count and a hash of its
    rows, so that any insert, update or delete shows."""
    # The table names come from the models and are quoted; no value from outside reaches it.
    fingerprint = (
        "(SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)),"
        " '') FROM {} t)"
    )
    parts = [fingerprint.format(connection.ops.quote_name(table)) for table in _tables()]
    return "SELECT " + ", ".join(parts)


def snapshot(sql: str) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(_tables(), cursor.fetchone(), strict=True))


def changed(before: dict, after: dict) -> list[str]:
    return [table for table in before if before[table] != after[table]]


def id_filters(route: Route, user) -> dict[str, type]:
    """The filters of an API list that take an object's id, and the model of that object."""
    from django_filters import ModelChoiceFilter, ModelMultipleChoiceFilter

    from mobility.filtering import StrictFilterBackend

    callback = route.callback
    view = callback.cls(**callback.initkwargs)
    view.action, view.kwargs, view.format_kwarg = "list", {}, None
    view.request = Request(APIRequestFactory().get("/"))
    view.request.user = user
    filterset_class = StrictFilterBackend().get_filterset_class(view, view.get_queryset())
    if filterset_class is None:
        return {}
    return {
        name: f.get_queryset(view.request).model
        for name, f in filterset_class.base_filters.items()
        if isinstance(f, ModelChoiceFilter | ModelMultipleChoiceFilter)
    }
