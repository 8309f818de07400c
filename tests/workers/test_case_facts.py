"""`PATCH /api/v1/placements/{id}/` for the post-arrival formalities and the recruitment fee."""

from datetime import timedelta

import pytest

from tests.factories import today
from tests.world import S

pytestmark = pytest.mark.django_db


def patch(api, user, placement, **body):
    return api.as_user(user).patch(f"/api/v1/placements/{placement.pk}/", body, format="json")


def test_employer_records_the_mvd_notification_after_arrival(api, world):
    placement = world.case(S.ARRIVED)
    response = patch(
        api, world.employer_a_user, placement, mvd_start_notified_on=today().isoformat()
    )
    assert response.status_code == 200
    assert response.json()["mvd_start_notified_on"] == today().isoformat()


def test_official_records_fingerprinting_and_medical_exam(api, world):
    placement = world.case(S.EMPLOYED)
    day = today().isoformat()
    response = patch(api, world.official, placement, fingerprinted_on=day, medical_exam_on=day)
    assert response.status_code == 200


def test_a_date_before_arrival_or_in_the_future_is_refused(api, world):
    placement = world.case(S.ARRIVED)
    early = (today() - timedelta(days=30)).isoformat()
    late = (today() + timedelta(days=1)).isoformat()
    response = patch(
        api,
        world.employer_a_user,
        placement,
        migration_registered_on=early,
        mvd_start_notified_on=late,
    )
    assert response.status_code == 400
    assert "before the arrival" in response.json()["migration_registered_on"][0]
    assert "future" in response.json()["mvd_start_notified_on"][0]
    placement.refresh_from_db()
    assert placement.mvd_start_notified_on is None and placement.migration_registered_on is None


def test_a_formality_before_any_arrival_is_refused(api, world):
    placement = world.case(S.VISA_ISSUED)
    response = patch(
        api, world.employer_a_user, placement, mvd_start_notified_on=today().isoformat()
    )
    assert response.status_code == 400


def test_the_agency_may_not_record_formalities_but_may_record_the_fee(api, world):
    placement = world.case(S.ARRIVED)
    response = patch(api, world.agency_a_user, placement, mvd_start_notified_on=today().isoformat())
    assert response.status_code == 403
    response = patch(api, world.agency_a_user, placement, recruitment_fee_inr="1500.00")
    assert response.status_code == 200 and response.json()["recruitment_fee_inr"] == "1500.00"


def test_the_employer_may_not_record_the_fee_and_peers_do_not_find_the_case(api, world):
    placement = world.case(S.ARRIVED)
    assert patch(api, world.employer_a_user, placement, recruitment_fee_inr="1").status_code == 403
    assert patch(api, world.employer_b_user, placement, recruitment_fee_inr="1").status_code == 404
    assert patch(api, world.agency_b_user, placement, recruitment_fee_inr="1").status_code == 404


def test_status_and_negative_fees_cannot_be_patched(api, world):
    placement = world.case(S.ARRIVED)
    response = patch(api, world.official, placement, status=S.EMPLOYED)
    assert response.status_code == 400 and "status" in response.json()
    response = patch(api, world.official, placement, recruitment_fee_inr="-5")
    assert response.status_code == 400
    placement.refresh_from_db()
    assert placement.status == S.ARRIVED
