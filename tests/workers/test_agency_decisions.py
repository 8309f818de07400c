"""Agencies: Indian-side officials register them and suspend, reinstate or revoke them."""

import pytest

from tests.signals import announced
from workers.models import Agency, AgencyDecision, AgencyStatus
from workers.placements.signals import agency_changed

pytestmark = pytest.mark.django_db


def decide(api, user, agency, **body):
    return api.as_user(user).post(f"/api/v1/agencies/{agency.pk}/decide/", body, format="json")


def test_an_indian_official_suspends_an_agency_with_a_reason_kept(api, world):
    agency, official = world.agency_a, world.official_in
    response = decide(api, official, agency, decision="suspend", reason="Fees charged to workers.")
    assert response.status_code == 200 and response.json()["status"] == AgencyStatus.SUSPENDED
    record = AgencyDecision.objects.get(agency=agency)
    assert (record.from_status, record.to_status, record.decided_by) == (
        AgencyStatus.ACTIVE,
        AgencyStatus.SUSPENDED,
        official,
    )
    assert record.reason == "Fees charged to workers."


def test_an_agency_suspended_then_reinstated_can_still_be_revoked(api, world):
    agency, official = world.agency_a, world.official_in
    for decision, status in [
        ("suspend", AgencyStatus.SUSPENDED),
        ("reinstate", AgencyStatus.ACTIVE),
        ("revoke", AgencyStatus.REVOKED),
    ]:
        response = decide(api, official, agency, decision=decision, reason="Inspection.")
        assert response.json()["status"] == status
    assert agency.decisions.count() == 3


def test_a_decision_the_status_does_not_allow_answers_409_with_the_allowed(api, world):
    agency, official = world.agency_a, world.official_in
    response = decide(api, official, agency, decision="reinstate", reason="x")
    assert response.status_code == 409
    assert response.json()["allowed"] == ["revoke", "suspend"]
    assert not AgencyDecision.objects.exists()


def test_a_decision_without_a_reason_is_refused(api, world):
    agency, official = world.agency_a, world.official_in
    response = decide(api, official, agency, decision="suspend", reason="  ")
    assert response.status_code == 400
    assert response.json()["reason"] == ["Give the reason for this decision."]
    assert not AgencyDecision.objects.exists()
    agency.refresh_from_db()
    assert agency.status == AgencyStatus.ACTIVE


def test_russian_officials_and_the_agency_itself_may_not_decide(api, world):
    agency = world.agency_a
    for user in (world.official, world.agency_a_user):
        assert decide(api, user, agency, decision="suspend", reason="x").status_code == 403
    assert (
        decide(api, world.agency_b_user, agency, decision="suspend", reason="x").status_code == 404
    )
    agency.refresh_from_db()
    assert agency.status == AgencyStatus.ACTIVE and not AgencyDecision.objects.exists()


def test_an_indian_official_registers_an_agency_and_others_may_not(
    api, world, django_capture_on_commit_callbacks
):
    body = {
        "name": "Goa Careers",
        "licence_number": "B-9/GOA/1",
        "licence_valid_until": "2030-01-01",
        "state": "IN-GA",
    }
    assert api.as_user(world.official).post("/api/v1/agencies/", body).status_code == 403
    with (
        announced(agency_changed, "agency_id") as received,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = api.as_user(world.official_in).post("/api/v1/agencies/", body)
    assert response.status_code == 201
    assert received == [Agency.objects.get(licence_number="B-9/GOA/1").pk]
