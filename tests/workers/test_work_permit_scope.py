"""The work permit's region and occupation (recorded with the visa, or later for an old case),
the MVD's end notice, and the end date a repatriation records (RULES.md amendments)."""

from datetime import timedelta

import pytest

from tests.factories import today
from tests.world import GOOD_BODIES, S
from workers.models import CaseEvent

pytestmark = pytest.mark.django_db


def move(api, user, placement, to, **body):
    response = api.as_user(user).post(
        f"/api/v1/placements/{placement.pk}/transition/", {"to": to, **body}, format="json"
    )
    placement.refresh_from_db()
    return response


def patch(api, user, placement, **body):
    response = api.as_user(user).patch(f"/api/v1/placements/{placement.pk}/", body, format="json")
    placement.refresh_from_db()
    return response


def test_the_visa_move_records_the_permits_region_and_occupation(api, world):
    placement = world.case(S.CONTRACT_SIGNED)
    response = move(
        api, world.agency_a_user, placement, S.VISA_ISSUED, **GOOD_BODIES[S.VISA_ISSUED]()
    )
    assert response.status_code == 200, response.json()
    assert response.json()["work_permit_region"] == "RU-MOW"
    assert response.json()["work_permit_occupation"] == "7112"
    assert placement.status == S.VISA_ISSUED


def test_an_occupation_given_by_its_title_is_kept_as_its_isco_code(api, world):
    placement = world.case(S.CONTRACT_SIGNED)
    body = {
        **GOOD_BODIES[S.VISA_ISSUED](),
        "work_permit_occupation": "каменщики и работники родственных занятий",
    }
    assert move(api, world.agency_a_user, placement, S.VISA_ISSUED, **body).status_code == 200
    assert placement.work_permit_occupation == "7112"


def test_an_occupation_in_the_permits_own_words_is_kept_as_written(api, world):
    placement = world.case(S.CONTRACT_SIGNED)
    body = {**GOOD_BODIES[S.VISA_ISSUED](), "work_permit_occupation": "  Каменщик  4 разряда "}
    assert move(api, world.agency_a_user, placement, S.VISA_ISSUED, **body).status_code == 200
    assert placement.work_permit_occupation == "Каменщик 4 разряда"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("work_permit_region", "RU-XYZ", "ISO 3166-2:RU"),
        ("work_permit_region", "IN-KL", "ISO 3166-2:RU"),
        ("work_permit_region", "", ""),
        ("work_permit_occupation", "9999", "ISCO-08"),
    ],
)
def test_a_bad_permit_region_or_occupation_is_refused_and_changes_nothing(
    api, world, field, value, words
):
    placement = world.case(S.CONTRACT_SIGNED)
    body = {**GOOD_BODIES[S.VISA_ISSUED](), field: value}
    response = move(api, world.agency_a_user, placement, S.VISA_ISSUED, **body)
    assert response.status_code == 400
    assert words in " ".join(response.json()[field])
    assert placement.status == S.CONTRACT_SIGNED
    assert placement.work_permit_region == "" and placement.visa_number == ""
    assert not CaseEvent.objects.filter(placement=placement).exists()


def test_the_visa_move_needs_the_permits_region(api, world):
    placement = world.case(S.CONTRACT_SIGNED)
    body = GOOD_BODIES[S.VISA_ISSUED]()
    del body["work_permit_region"]
    assert move(api, world.agency_a_user, placement, S.VISA_ISSUED, **body).status_code == 400
    assert placement.status == S.CONTRACT_SIGNED


# A case whose permit was recorded before the move asked for its region.


def _old_case(world):
    return world.case(S.EMPLOYED, work_permit_region="", work_permit_occupation="")


def test_the_case_page_asks_the_agency_for_an_old_permits_region(client, world):
    placement = _old_case(world)
    client.force_login(world.agency_a_user)
    html = client.get(f"/cases/{placement.pk}/").content.decode()
    assert "region and occupation are not recorded: record them" in html
    assert 'name="work_permit_region"' in html
    client.force_login(world.employer_a_user)
    html = client.get(f"/cases/{placement.pk}/").content.decode()
    assert "the agency or an official records them" in html
    assert 'name="work_permit_region"' not in html


def test_the_agency_records_an_old_permits_region_and_occupation_later(api, world):
    placement = _old_case(world)
    response = patch(
        api,
        world.agency_a_user,
        placement,
        work_permit_region="RU-MOW",
        work_permit_occupation="7112",
    )
    assert response.status_code == 200, response.json()
    assert (placement.work_permit_region, placement.work_permit_occupation) == ("RU-MOW", "7112")


def test_the_permits_region_is_refused_from_the_employer_and_in_a_bad_code(api, world):
    placement = _old_case(world)
    assert (
        patch(api, world.employer_a_user, placement, work_permit_region="RU-MOW").status_code == 403
    )
    response = patch(api, world.agency_a_user, placement, work_permit_region="RU-XYZ")
    assert (
        response.status_code == 400 and "ISO 3166-2:RU" in response.json()["work_permit_region"][0]
    )
    assert placement.work_permit_region == ""


def test_no_permit_region_before_the_permit_is_recorded(api, world):
    placement = world.case(S.CONTRACT_SIGNED)
    response = patch(api, world.agency_a_user, placement, work_permit_region="RU-MOW")
    assert response.status_code == 400
    assert placement.work_permit_region == ""


# The MVD's notice of the end.


def test_the_end_notice_waits_for_the_end_and_is_not_dated_before_it(api, world):
    placement = world.case(S.EMPLOYED)
    ended = today() - timedelta(days=5)
    response = patch(api, world.employer_a_user, placement, mvd_end_notified_on=ended.isoformat())
    assert response.status_code == 400
    assert "not ended" in response.json()["mvd_end_notified_on"][0]
    placement.status, placement.end_date = S.COMPLETED, ended
    placement.save()
    day_before = (ended - timedelta(days=1)).isoformat()
    response = patch(api, world.employer_a_user, placement, mvd_end_notified_on=day_before)
    assert response.status_code == 400
    assert "before the end of the contract" in response.json()["mvd_end_notified_on"][0]
    response = patch(api, world.employer_a_user, placement, mvd_end_notified_on=ended.isoformat())
    assert response.status_code == 200
    assert response.json()["mvd_end_notified_on"] == ended.isoformat()
    # The start's own notice stays as it was.
    assert placement.mvd_start_notified_on == placement.employment_start + timedelta(days=1)


# Repatriation.


def test_a_repatriation_records_the_day_it_ended(api, world):
    placement = world.case(S.EMPLOYED)
    response = move(api, world.official, placement, S.REPATRIATED, **GOOD_BODIES[S.REPATRIATED]())
    assert response.status_code == 200
    assert placement.end_date == today()
    assert response.json()["end_date"] == today().isoformat()


def test_the_visa_step_on_the_case_page_offers_the_regions_by_name(client, world):
    placement = world.case(S.CONTRACT_SIGNED)
    client.force_login(world.agency_a_user)
    html = client.get(f"/cases/{placement.pk}/").content.decode()
    assert '<option value="RU-LEN">Leningrad Oblast</option>' in html
    assert 'name="work_permit_occupation"' in html
