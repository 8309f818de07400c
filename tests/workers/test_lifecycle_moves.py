"""Every move of SPEC §5 through `POST /api/v1/placements/{id}/transition/`, and the lifecycle
table held to SPEC §5 as written out by hand in lifecycle_spec.py: a move the table lacks, a
move SPEC does not have or a role too many or too few fails."""

import pytest

from tests.workers.lifecycle_spec import (
    ROLES,
    SPEC_FIELDS,
    SPEC_ROLES,
    SPEC_SECTION_5,
)
from tests.world import GOOD_BODIES, S
from workers.models import CaseEvent, Placement
from workers.placements.lifecycle import MOVES, Move, move_for
from workers.placements.serializers import TransitionDocumentationSerializer

pytestmark = pytest.mark.django_db


def differences(moves: tuple[Move, ...]) -> list[str]:
    """How a lifecycle table differs from SPEC §5, in words; empty when it says the same."""
    rows = [(source, move.to, set(move.roles)) for move in moves for source in move.sources]
    table = {(source, to): roles for source, to, roles in rows}
    problems = [f"{source} -> {to} is in the table twice" for source, to in _twice(rows)]
    for source, to in sorted(SPEC_ROLES.keys() - table.keys()):
        problems.append(f"{source} -> {to} is in SPEC §5 but not in the table")
    for source, to in sorted(table.keys() - SPEC_ROLES.keys()):
        problems.append(f"{source} -> {to} is in the table but not in SPEC §5")
    for key in sorted(SPEC_ROLES.keys() & table.keys()):
        if table[key] != SPEC_ROLES[key]:
            problems.append(
                f"{key[0]} -> {key[1]} is made by {sorted(table[key])} in the table, "
                f"by {sorted(SPEC_ROLES[key])} in SPEC §5"
            )
    return problems


def _twice(rows):
    seen = set()
    for source, to, _ in rows:
        if (source, to) in seen:
            yield source, to
        seen.add((source, to))


def test_the_lifecycle_table_has_the_moves_and_roles_of_spec_section_5_and_no_other():
    assert differences(MOVES) == []


def test_a_table_missing_a_move_or_with_one_spec_does_not_have_fails_the_comparison():
    without_arrival = tuple(move for move in MOVES if move.to != S.ARRIVED)
    assert differences(without_arrival) == [
        "departed -> arrived is in SPEC §5 but not in the table"
    ]
    shortcut = Move((S.SUBMITTED,), S.EMPLOYED, ("employer",))
    assert differences((*MOVES, shortcut)) == [
        "submitted -> employed is in the table but not in SPEC §5"
    ]
    agency_accepts = tuple(
        Move(m.sources, m.to, (*m.roles, "agency")) if m.to == S.ACCEPTED else m for m in MOVES
    )
    assert differences(agency_accepts) == [
        "submitted -> accepted is made by ['agency', 'employer'] in the table, "
        "by ['employer'] in SPEC §5"
    ]


@pytest.mark.parametrize("source, to", SPEC_FIELDS, ids="{0[0]}->{0[1]}".format)
def test_each_move_asks_for_the_body_fields_spec_section_5_names(source, to):
    move = move_for(source, to)
    assert move is not None, f"{source} -> {to}"
    assert SPEC_FIELDS[(source, to)] <= set(move.fields)


ALLOWED = [(source, to, role) for source, to, who, _ in SPEC_SECTION_5 for role in who]
REFUSED = [
    (source, to, role) for source, to, who, _ in SPEC_SECTION_5 for role in ROLES if role not in who
]


def _ids(case):
    source, to, role = case
    return f"{source}->{to}-by-{role}"


def transition(api, user, placement, **body):
    return api.as_user(user).post(
        f"/api/v1/placements/{placement.pk}/transition/", body, format="json"
    )


@pytest.mark.parametrize("source, to, role", ALLOWED, ids=map(_ids, ALLOWED))
def test_each_role_spec_names_makes_its_move_and_the_timeline_records_it(
    api, world, source, to, role
):
    placement = world.case(source)
    response = transition(
        api, world.user(role), placement, to=to, note="checked", **GOOD_BODIES[to]()
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == to
    event = CaseEvent.objects.get(placement=placement)
    assert (event.from_status, event.to_status, event.note) == (source, to, "checked")
    # The worker reads a sentence of the table's on the public status page.
    assert event.public_message == move_for(source, to).message
    assert event.public_message.endswith(".")


@pytest.mark.parametrize("source, to, role", REFUSED, ids=map(_ids, REFUSED))
def test_a_role_spec_does_not_name_is_refused_and_nothing_changes(api, world, source, to, role):
    placement = world.case(source)
    response = transition(api, world.user(role), placement, to=to, **GOOD_BODIES[to]())
    # Employers never see drafts, so for them a draft does not exist.
    expected = 404 if role == "employer" and source == S.DRAFT else 403
    assert response.status_code == expected
    placement.refresh_from_db()
    assert placement.status == source
    assert not CaseEvent.objects.filter(placement=placement).exists()


@pytest.mark.parametrize("source, to", SPEC_ROLES, ids="{0[0]}->{0[1]}".format)
def test_peers_of_another_agency_or_employer_do_not_find_the_case(api, world, source, to):
    placement = world.case(source)
    for user in (world.agency_b_user, world.employer_b_user):
        response = transition(api, user, placement, to=to, **GOOD_BODIES[to]())
        assert response.status_code == 404
    placement.refresh_from_db()
    assert placement.status == source


WITH_FIELDS = [(source, to) for source, to, _, fields in SPEC_SECTION_5 if fields]


@pytest.mark.parametrize("source, to", WITH_FIELDS, ids="{0[0]}->{0[1]}".format)
def test_a_move_without_its_body_fields_names_each_missing_field(api, world, source, to):
    placement = world.case(source)
    role = sorted(SPEC_ROLES[(source, to)])[0]
    response = transition(api, world.user(role), placement, to=to)
    assert response.status_code == 400
    body = response.json()
    for name in SPEC_FIELDS[(source, to)]:
        assert body.get(name) == ["This field is required."], (name, body)
    assert Placement.objects.get(pk=placement.pk).status == source


@pytest.mark.parametrize(
    "start, to",
    [
        (S.DRAFT, S.EMPLOYED),
        (S.SUBMITTED, S.DEPARTED),
        (S.EMPLOYED, S.WITHDRAWN),
        (S.COMPLETED, S.EMPLOYED),
    ],
)
def test_a_move_outside_the_table_answers_409_with_the_agencys_allowed_moves(api, world, start, to):
    placement = world.case(start)
    response = transition(api, world.agency_a_user, placement, to=to)
    assert response.status_code == 409
    expected = sorted(t for (f, t), who in SPEC_ROLES.items() if f == start and "agency" in who)
    assert response.json()["allowed"] == expected
    assert not CaseEvent.objects.filter(placement=placement).exists()


def test_an_unknown_status_is_refused_naming_the_field_to(api, world):
    placement = world.case(S.DRAFT)
    response = transition(api, world.agency_a_user, placement, to="promoted")
    assert response.status_code == 400
    assert response.json()["to"] == ['"promoted" is not a valid choice.']
    assert not CaseEvent.objects.filter(placement=placement).exists()


def test_the_timeline_shows_the_worker_visible_message_in_the_readers_language(api, world):
    placement = world.case(S.SUBMITTED)
    transition(api, world.employer_a_user, placement, to=S.ACCEPTED)
    url = f"/api/v1/placements/{placement.pk}/timeline/"
    english = api.as_user(world.agency_a_user).get(url).json()["results"]
    assert english[0]["message"] == "The employer accepted your application."
    assert english[0]["to_status"] == S.ACCEPTED
    hindi = api.as_user(world.agency_a_user).get(url, HTTP_ACCEPT_LANGUAGE="hi").json()["results"]
    assert any("\u0900" <= ch <= "\u097f" for ch in hindi[0]["message"]), hindi[0]["message"]


def test_the_api_schema_documents_every_body_field_of_spec_section_5():
    documented = set(TransitionDocumentationSerializer().fields)
    assert set().union(*SPEC_FIELDS.values()) <= documented
