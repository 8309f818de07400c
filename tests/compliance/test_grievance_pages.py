"""The officials' grievance queue and handling page."""

import pytest

from tests import factories
from tests.world import S

pytestmark = pytest.mark.django_db


@pytest.fixture
def official(client, world):
    client.force_login(world.official)
    return world.official


def test_the_queue_highlights_overdue_grievances_and_filters(client, official, world):
    fresh = factories.GrievanceFactory(placement=world.case(S.EMPLOYED))
    late = factories.GrievanceFactory(
        placement=world.case(S.EMPLOYED, peer=True), filed_days_ago=5, category="abuse"
    )
    text = client.get("/officials/grievances/").content.decode()
    assert fresh.receipt in text and late.receipt in text
    assert 'class="overdue"' in text
    text = client.get("/officials/grievances/", {"overdue": "true"}).content.decode()
    assert late.receipt in text and fresh.receipt not in text
    text = client.get("/officials/grievances/", {"category": "wages"}).content.decode()
    assert fresh.receipt in text and late.receipt not in text


def test_an_official_investigates_and_closes_with_an_outcome(client, official, world):
    grievance = factories.GrievanceFactory(placement=world.case(S.EMPLOYED))
    url = f"/officials/grievances/{grievance.pk}/"
    assert client.post(url, {"move": "investigate"}).status_code == 302
    grievance.refresh_from_db()
    assert grievance.status == "investigating" and grievance.acknowledged_at
    response = client.post(url, {"move": "close", "status": "resolved", "outcome": ""})
    assert response.status_code == 400
    assert (
        '<ul class="errorlist" id="id_outcome_error"><li>Choose an outcome or write the one the '
        "worker will read.</li></ul>"
    ) in response.content.decode()
    grievance.refresh_from_db()
    assert (grievance.status, grievance.outcome) == ("investigating", "")
    closing = {"move": "close", "status": "resolved", "outcome": "Wages paid in full."}
    asked = client.post(url, closing)
    assert "Tell the worker it is resolved?" in asked.content.decode()
    grievance.refresh_from_db()
    assert grievance.status == "investigating"
    client.post(url, {**closing, "confirm": "yes"})
    grievance.refresh_from_db()
    # The worker is asked whether it is; their yes closes it.
    assert (grievance.status, grievance.outcome) == ("proposed_resolved", "Wages paid in full.")


def test_the_worker_reads_a_standard_outcome_in_their_language(client, official, world):
    """The official writes in English; the worker, who reads Hindi, gets the chosen outcome in
    Hindi with the official's note after it, and the confirmation shows exactly that text."""
    case = world.case(S.EMPLOYED)
    case.worker.preferred_language = "hi"
    case.worker.save(update_fields=["preferred_language"])
    grievance = factories.GrievanceFactory(placement=case)
    url = f"/officials/grievances/{grievance.pk}/"
    assert "The worker reads हिन्दी." in client.get(url).content.decode()
    closing = {
        "move": "close",
        "status": "resolved",
        "standard_outcome": "wages_paid",
        "outcome": "Paid on 1 December.",
    }
    asked = client.post(url, closing).content.decode()
    hindi = "आपके नियोक्ता ने आपको जो देय था, उसका भुगतान कर दिया है।"
    assert hindi in asked and "Paid on 1 December." in asked
    client.post(url, {**closing, "confirm": "yes"})
    grievance.refresh_from_db()
    assert grievance.outcome == f"{hindi}\n\nPaid on 1 December."


def test_an_unknown_standard_outcome_is_refused(client, official, world):
    grievance = factories.GrievanceFactory(placement=world.case(S.EMPLOYED))
    response = client.post(
        f"/officials/grievances/{grievance.pk}/",
        {"move": "close", "status": "resolved", "standard_outcome": "bribe", "confirm": "yes"},
    )
    assert response.status_code == 400
    assert "Choose one from the list." in response.content.decode()
    grievance.refresh_from_db()
    assert grievance.status == "received"


def test_sharing_needs_a_confirmation(client, official, world):
    grievance = factories.GrievanceFactory(placement=world.case(S.EMPLOYED))
    url = f"/officials/grievances/{grievance.pk}/"
    asked = client.post(url, {"move": "share"}).content.decode()
    assert "Share this grievance with the employer?" in asked
    grievance.refresh_from_db()
    assert not grievance.shared_with_employer
    client.post(url, {"move": "share", "confirm": "yes"})
    grievance.refresh_from_db()
    assert grievance.shared_with_employer


def test_an_official_assigns_to_a_colleague(client, official, world):
    grievance = factories.GrievanceFactory(placement=world.case(S.EMPLOYED))
    colleague = world.official_mow
    client.post(
        f"/officials/grievances/{grievance.pk}/", {"move": "assign", "assignee": colleague.pk}
    )
    grievance.refresh_from_db()
    assert grievance.assignee == colleague


def test_outside_the_region_or_the_role_the_grievance_is_hidden(client, world):
    grievance = factories.GrievanceFactory(placement=world.case(S.EMPLOYED, peer=True))
    client.force_login(world.official_mow)
    assert client.get(f"/officials/grievances/{grievance.pk}/").status_code == 404
    client.force_login(world.employer_b_user)
    assert client.get("/officials/grievances/").status_code == 404


def test_an_employer_sees_its_grievances_but_not_whose_until_shared(client, world):
    case = world.case(S.EMPLOYED)
    unshared = factories.GrievanceFactory(placement=case, description="They keep my passport.")
    factories.GrievanceFactory(
        placement=world.case(S.EMPLOYED, peer=True), description="Someone else's complaint."
    )
    client.force_login(world.employer_a_user)
    text = client.get("/employer/grievances/").content.decode()
    assert "Not shared with you" in text
    assert case.reference not in text and "They keep my passport." not in text
    assert "Someone else" not in text
    unshared.shared_with_employer = True
    unshared.save()
    text = client.get("/employer/grievances/").content.decode()
    assert case.reference in text and "They keep my passport." in text
