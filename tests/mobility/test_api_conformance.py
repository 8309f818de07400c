"""The API answers what its OpenAPI schema says (SPEC §9): schemathesis sends every operation of
the schema drf-spectacular generates, as each persona of tests/world.py and anonymously, and
checks each answer: never a 5xx, a status code the operation documents, the documented media
type, headers and body schema.

Examples are few and seeded (derandomised), so a run repeats the last one. Half of them name an
object of the world (the persona's own or the peer's) instead of a generated id, so detail
answers are checked too, not only 404s. Each request runs in a savepoint rolled back after it:
every request meets the world as it was built.
"""

import json

import pytest
import schemathesis
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.test import TestCase
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from compliance.models import (
    CheckRun,
    Entitlement,
    Finding,
    InsuranceCover,
    SafetyRecord,
    WageReport,
    WatchlistEntry,
)
from compliance.personal_data.models import PersonalDataRequest
from compliance.rulebook.models import MinimumWage, Rule
from employers.models import Employer, JobOrder
from mobility.access import actor_for
from tests import factories, figures
from tests.world import build_world
from workers.models import Agency, Document, Grievance, Import, Placement, Worker
from workers.placements import services as placement_services

# The mark makes pytest-django create the test database; the world itself is built once, below.
pytestmark = pytest.mark.django_db

CHECK = "schema conformance"
# Generated examples per operation and persona: the whole module in about three minutes on two
# cores, most of it building the test database.
MAX_EXAMPLES = 2
PERSONAS = ("anonymous", "agency", "employer", "official", "official_mow")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# The model behind each resource of /api/v1/{resource}/{id}/...: the ids the world offers.
MODELS = {
    "agencies": Agency,
    "workers": Worker,
    "placements": Placement,
    "documents": Document,
    "employers": Employer,
    "job-orders": JobOrder,
    "wage-reports": WageReport,
    "safety-records": SafetyRecord,
    "insurance-covers": InsuranceCover,
    "rules": Rule,
    "minimum-wages": MinimumWage,
    "findings": Finding,
    "entitlements": Entitlement,
    "grievances": Grievance,
    "check-runs": CheckRun,
    "imports": Import,
    "watchlist": WatchlistEntry,
    "personal-data-requests": PersonalDataRequest,
}


def _openapi() -> dict:
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(generated))


schema = schemathesis.openapi.from_dict(
    _openapi(),
    config=schemathesis.Config.from_dict(
        {
            "seed": 20261203,
            # Only generated examples, bounded in number: the coverage phase sends every boundary
            # of every parameter, and the schema's own examples cannot draw the world's ids.
            "phases": {"coverage": {"enabled": False}, "examples": {"enabled": False}},
            # The persona's token is the only credential sent.
            "generation": {"max-examples": MAX_EXAMPLES, "with-security-parameters": False},
        }
    ),
)
# The operation whose items count the personas, once each.
FIRST_OPERATION = next(iter(schema.get_all_operations())).ok().label


class _App:
    """Django's WSGI handler as the test client runs it: the connection stays open (the test's
    transaction lives on it) and each request is rolled back once answered."""

    def __init__(self):
        self.handler = WSGIHandler()

    def __call__(self, environ, start_response):
        savepoint = transaction.savepoint()
        try:
            response = self.handler(environ, start_response)
            body = b"".join(response)
            response.close()
        finally:
            transaction.savepoint_rollback(savepoint)
        return [body]


def _world() -> dict:
    """The personas' tokens and, per resource, the ids of the objects of the world."""
    world = build_world()
    for peer in (False, True):
        case = world.case("employed", peer=peer)
        factories.WageReportFactory(placement=case)
        factories.InsuranceCoverFactory(placement=case)
        factories.EntitlementFactory(finding=factories.FindingFactory(placement=case))
        factories.GrievanceFactory(placement=case)
        factories.CheckRunFactory(placement=case)
    draft = world.case()
    placement_services.transition_placement(
        actor=actor_for(world.agency_a_user), placement_id=draft.pk, to="submitted", data={}
    )
    factories.FindingFactory(employer=world.employer_a, code="EMPLOYER_QUOTA_EXCEEDED")
    Import.objects.create(
        agency=world.agency_a, kind="workers", file="imports/x.csv", created_by=world.agency_a_user
    )
    WatchlistEntry.objects.create(
        kind="inn", value=world.employer_b.inn, reason="Unpaid wages", added_by=world.official
    )
    PersonalDataRequest.objects.create(
        kind="export",
        worker=draft.worker,
        worker_number=draft.worker.pk,
        requested_by=world.official,
    )
    users = {
        "agency": world.agency_a_user,
        "employer": world.employer_a_user,
        "official": world.official,
        "official_mow": world.official_mow,
    }
    headers = {"anonymous": {}}
    for persona, user in users.items():
        headers[persona] = {"Authorization": f"Token {Token.objects.create(user=user).key}"}
    ids = {name: list(model.objects.values_list("pk", flat=True)) for name, model in MODELS.items()}
    return {"headers": headers, "ids": ids}


@pytest.fixture
def media(settings):
    """The uploads of the world stay where it stored them, for every test of the module."""
    return settings.MEDIA_ROOT


@pytest.fixture(scope="module")
def conformance_world(django_db_setup, django_db_blocker):
    """The world built once for the module, in a transaction rolled back at its end."""
    with django_db_blocker.unblock():
        # Django's test transaction, so the services' durable blocks nest in it as in any test.
        atomics = TestCase._enter_atomics()
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            cache.clear()
            yield {**_world(), "app": _App()}
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
            TestCase._rollback_atomics(atomics)


@pytest.fixture(autouse=True)
def _count(request):
    yield
    persona = request.node.callspec.params["persona"]
    figures.add(CHECK, "operation-persona pairs")
    # Printed when nothing failed too: "0 failures" says the checks ran and held.
    figures.add(CHECK, "failures", 0)
    if persona == "anonymous":
        figures.add(CHECK, "operations")
    if request.node.operation_label == FIRST_OPERATION:
        figures.add(CHECK, "personas")


@schema.parametrize()
@schema.given(data=st.data())
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.parametrize("persona", PERSONAS)
def test_the_api_answers_as_its_schema_says(case, data, persona, conformance_world):
    resource = case.operation.path.split("/")[3]
    if "id" in (case.path_parameters or {}) and conformance_world["ids"].get(resource):
        real = st.sampled_from(conformance_world["ids"][resource])
        case.path_parameters["id"] = data.draw(st.one_of(st.just(case.path_parameters["id"]), real))
    figures.add(CHECK, "requests")
    try:
        case.call_and_validate(
            app=conformance_world["app"],
            headers=conformance_world["headers"][persona],
            checks=CHECKS,
        )
    except FailureGroup as failures:
        figures.add(CHECK, "failures", len(failures.exceptions))
        raise
