"""Who finds what: agency A vs B, employer A vs B, a region-limited official, for workers,
cases, documents and timelines. Out of scope is 404, never 403."""

import pytest

from tests import factories
from tests.world import S
from workers.models import DocumentKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(world):
    # A submitted case of agency A on employer A's job in Moscow, and a draft beside it.
    case = world.case(S.SUBMITTED)
    draft = world.case(S.DRAFT)
    contract = factories.DocumentFactory(placement=case, kind=DocumentKind.CONTRACT)
    passport = case.worker.documents.get(kind=DocumentKind.PASSPORT)
    # A case of agency B on employer B's job in St Petersburg.
    other = world.case(S.SUBMITTED, peer=True)
    return world, case, draft, contract, passport, other


def urls(case, contract, passport):
    return {
        "worker": f"/api/v1/workers/{case.worker_id}/",
        "case": f"/api/v1/placements/{case.pk}/",
        "timeline": f"/api/v1/placements/{case.pk}/timeline/",
        "contract": f"/api/v1/documents/{contract.pk}/",
        "passport": f"/api/v1/documents/{passport.pk}/",
    }


# persona -> which of the case's objects it finds (the rest answer 404)
MATRIX = {
    "agency_a_user": {"worker", "case", "timeline", "contract", "passport"},
    "agency_b_user": set(),
    "employer_a_user": {"worker", "case", "timeline", "contract"},
    "employer_b_user": set(),
    "official": {"worker", "case", "timeline", "contract", "passport"},
    "official_mow": {"worker", "case", "timeline", "contract", "passport"},
    "official_in": {"worker", "case", "timeline", "contract", "passport"},
}


@pytest.mark.parametrize("persona", MATRIX)
def test_each_persona_finds_exactly_its_objects(api, scene, persona):
    world, case, draft, contract, passport, other = scene
    client = api.as_user(getattr(world, persona))
    for name, url in urls(case, contract, passport).items():
        expected = 200 if name in MATRIX[persona] else 404
        assert client.get(url).status_code == expected, (persona, name)


def test_employers_do_not_see_draft_cases_or_their_workers(api, scene):
    world, case, draft, *_ = scene
    client = api.as_user(world.employer_a_user)
    assert client.get(f"/api/v1/placements/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v1/workers/{draft.worker_id}/").status_code == 404
    assert client.get(f"/api/v1/placements/{draft.pk}/timeline/").status_code == 404
    listed = {row["id"] for row in client.get("/api/v1/placements/").json()["results"]}
    assert listed == {case.pk}


def test_a_region_limited_official_sees_only_cases_and_workers_in_their_regions(api, scene):
    world, case, draft, contract, passport, other = scene
    client = api.as_user(world.official_mow)
    assert client.get(f"/api/v1/placements/{other.pk}/").status_code == 404
    assert client.get(f"/api/v1/workers/{other.worker_id}/").status_code == 404
    other_docs = other.worker.documents.all()
    for document in other_docs:
        assert client.get(f"/api/v1/documents/{document.pk}/").status_code == 404
    cases = {row["id"] for row in client.get("/api/v1/placements/").json()["results"]}
    assert cases == {case.pk, draft.pk}


def test_lists_hold_only_what_each_persona_may_see(api, scene):
    world, case, draft, contract, passport, other = scene
    agency_b = api.as_user(world.agency_b_user)
    assert {r["id"] for r in agency_b.get("/api/v1/placements/").json()["results"]} == {other.pk}
    assert {r["id"] for r in agency_b.get("/api/v1/workers/").json()["results"]} == {
        other.worker_id
    }
    employer_b_docs = api.as_user(world.employer_b_user).get("/api/v1/documents/").json()
    assert employer_b_docs["count"] == 0


def test_someone_without_a_role_sees_nothing(api, scene, django_user_model):
    nobody = django_user_model.objects.create_user("nobody", password="x")
    client = api.as_user(nobody)
    for url in ("/api/v1/workers/", "/api/v1/placements/", "/api/v1/documents/"):
        assert client.get(url).json()["count"] == 0


def test_a_draft_withdrawn_before_submission_never_reaches_the_employer(api, world):
    draft = world.case(S.DRAFT)
    response = api.as_user(world.agency_a_user).post(
        f"/api/v1/placements/{draft.pk}/transition/",
        {"to": S.WITHDRAWN, "reason": "Duplicate entry."},
        format="json",
    )
    assert response.status_code == 200
    employer = api.as_user(world.employer_a_user)
    assert employer.get(f"/api/v1/placements/{draft.pk}/").status_code == 404
    assert employer.get(f"/api/v1/workers/{draft.worker_id}/").status_code == 404
