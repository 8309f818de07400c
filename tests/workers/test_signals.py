"""Other apps hear of every case change, after the change is committed and never otherwise."""

import pytest

from tests.factories import today
from tests.signals import announced
from tests.world import S
from workers.placements.signals import placement_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    with announced(placement_changed, "placement_id") as received:
        yield received


def test_a_transition_and_a_patch_each_announce_the_case(
    api, heard, django_capture_on_commit_callbacks, world
):
    placement = world.case(S.DEPARTED)
    client = api.as_user(world.employer_a_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/api/v1/placements/{placement.pk}/transition/",
            {"to": S.ARRIVED, "arrival_date": today().isoformat()},
            format="json",
        )
        client.patch(
            f"/api/v1/placements/{placement.pk}/",
            {"mvd_start_notified_on": today().isoformat()},
            format="json",
        )
    assert heard == [placement.pk, placement.pk]


def test_a_refused_move_announces_nothing(api, heard, django_capture_on_commit_callbacks, world):
    placement = world.case(S.DRAFT)
    placement.worker.documents.all().delete()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = api.as_user(world.agency_a_user).post(
            f"/api/v1/placements/{placement.pk}/transition/", {"to": S.SUBMITTED}, format="json"
        )
    assert response.status_code == 400
    assert callbacks == [] and heard == []


def test_a_region_limited_official_cannot_move_a_case_outside_their_regions(api, world):
    placement = world.case(S.DEPARTED, peer=True)
    response = api.as_user(world.official_mow).post(
        f"/api/v1/placements/{placement.pk}/transition/",
        {"to": S.ARRIVED, "arrival_date": today().isoformat()},
        format="json",
    )
    assert response.status_code == 404
