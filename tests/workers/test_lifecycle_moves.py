"""Every move of the lifecycle table through `POST /api/v1/placements/{id}/transition/`."""

import pytest

from workers.models import CaseEvent, Placement
from workers.placements.lifecycle import AGENCY, EMPLOYER, MOVES, OFFICIAL

from .case_world import GOOD_BODIES, S, case_in, make_world

pytestmark = pytest.mark.django_db

ROLES = (AGENCY, EMPLOYER, OFFICIAL)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _ids(pair):
    move, role = pair
    return f"{move.sources[0]}->{move.to}-by-{role}"


ALLOWED = [(move, role) for move in MOVES for role in move.roles]
REFUSED = [(move, role) for move in MOVES for role in ROLES if role not in move.roles]


def transition(api, user, placement, **body):
    return api.as_user(user).post(
        f"/api/v1/placements/{placement.pk}/transition/", body, format="json"
    )


@pytest.mark.parametrize("pair", ALLOWED, ids=[_ids(p) for p in ALLOWED])
def test_each_allowed_role_makes_its_move_and_the_timeline_records_it(api, pair):
    move, role = pair
    world = make_world()
    placement = case_in(world, move.sources[0])
    response = transition(
        api, world.user(role), placement, to=move.to, note="checked", **GOOD_BODIES[move.to]()
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == move.to
    event = CaseEvent.objects.get(placement=placement)
    assert (event.from_status, event.to_status) == (move.sources[0], move.to)
    assert event.public_message == move.message and event.note == "checked"


@pytest.mark.parametrize("pair", REFUSED, ids=[_ids(p) for p in REFUSED])
def test_a_role_the_table_does_not_name_is_refused(api, pair):
    move, role = pair
    world = make_world()
    placement = case_in(world, move.sources[0])
    response = transition(api, world.user(role), placement, to=move.to, **GOOD_BODIES[move.to]())
    # Employers never see drafts, so for them a draft does not exist.
    expected = 404 if role == EMPLOYER and placement.status == S.DRAFT else 403
    assert response.status_code == expected
    placement.refresh_from_db()
    assert placement.status == move.sources[0]
    assert not CaseEvent.objects.filter(placement=placement).exists()


@pytest.mark.parametrize("move", MOVES, ids=[m.to for m in MOVES])
def test_peers_of_another_agency_or_employer_do_not_find_the_case(api, move):
    world = make_world()
    placement = case_in(world, move.sources[0])
    for user in (world.agency_b_user, world.employer_b_user):
        response = transition(api, user, placement, to=move.to, **GOOD_BODIES[move.to]())
        assert response.status_code == 404


@pytest.mark.parametrize("move", [m for m in MOVES if m.fields], ids=lambda m: m.to)
def test_a_move_without_its_body_fields_names_each_missing_field(api, move):
    world = make_world()
    placement = case_in(world, move.sources[0])
    response = transition(api, world.user(move.roles[0]), placement, to=move.to)
    assert response.status_code == 400
    assert set(move.fields) <= set(response.json())
    assert Placement.objects.get(pk=placement.pk).status == move.sources[0]


@pytest.mark.parametrize(
    "start, to",
    [
        (S.DRAFT, S.EMPLOYED),
        (S.SUBMITTED, S.DEPARTED),
        (S.EMPLOYED, S.WITHDRAWN),
        (S.COMPLETED, S.EMPLOYED),
    ],
)
def test_a_move_outside_the_table_answers_409_with_the_allowed_moves(api, start, to):
    world = make_world()
    placement = case_in(world, start)
    response = transition(api, world.agency_a_user, placement, to=to)
    assert response.status_code == 409
    expected = sorted(m.to for m in MOVES if start in m.sources and AGENCY in m.roles)
    assert response.json()["allowed"] == expected
    assert not CaseEvent.objects.filter(placement=placement).exists()


def test_an_unknown_status_is_a_400_on_to(api):
    world = make_world()
    placement = case_in(world, S.DRAFT)
    response = transition(api, world.agency_a_user, placement, to="promoted")
    assert response.status_code == 400 and "to" in response.json()


def test_the_timeline_shows_the_worker_visible_message_in_the_readers_language(api):
    world = make_world()
    placement = case_in(world, S.SUBMITTED)
    transition(api, world.employer_a_user, placement, to=S.ACCEPTED)
    url = f"/api/v1/placements/{placement.pk}/timeline/"
    english = api.as_user(world.agency_a_user).get(url).json()
    assert english[0]["message"] == "The employer accepted your application."
    assert english[0]["to_status"] == S.ACCEPTED


def test_the_api_schema_documents_every_body_field_of_the_table():
    from workers.placements.serializers import TransitionDocumentationSerializer

    documented = set(TransitionDocumentationSerializer().fields)
    assert {name for move in MOVES for name in move.fields} <= documented
