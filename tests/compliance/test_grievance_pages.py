"""The officials' grievance queue and handling page."""

import pytest

from tests import factories
from tests.compliance.grievance_helpers import make_grievance
from tests.compliance.test_evidence_api import employed_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def official(client):
    user = factories.official_user()
    client.force_login(user)
    return user


def test_the_queue_highlights_overdue_grievances_and_filters(client, official):
    fresh = make_grievance(employed_case())
    late = make_grievance(employed_case(), filed_days_ago=5, category="abuse")
    text = client.get("/officials/grievances/").content.decode()
    assert fresh.receipt in text and late.receipt in text
    assert 'class="overdue"' in text
    text = client.get("/officials/grievances/", {"overdue": "true"}).content.decode()
    assert late.receipt in text and fresh.receipt not in text
    text = client.get("/officials/grievances/", {"category": "wages"}).content.decode()
    assert fresh.receipt in text and late.receipt not in text


def test_an_official_investigates_and_closes_with_an_outcome(client, official):
    grievance = make_grievance(employed_case())
    url = f"/officials/grievances/{grievance.pk}/"
    assert client.post(url, {"move": "investigate"}).status_code == 302
    grievance.refresh_from_db()
    assert grievance.status == "investigating" and grievance.acknowledged_at
    response = client.post(url, {"move": "close", "status": "resolved", "outcome": ""})
    assert response.status_code == 400
    client.post(url, {"move": "close", "status": "resolved", "outcome": "Wages paid in full."})
    grievance.refresh_from_db()
    assert (grievance.status, grievance.outcome) == ("resolved", "Wages paid in full.")


def test_sharing_needs_a_confirmation(client, official):
    grievance = make_grievance(employed_case())
    url = f"/officials/grievances/{grievance.pk}/"
    client.post(url, {"move": "share"})
    grievance.refresh_from_db()
    assert not grievance.shared_with_employer
    client.post(url, {"move": "share", "confirm": "yes"})
    grievance.refresh_from_db()
    assert grievance.shared_with_employer


def test_an_official_assigns_to_a_colleague(client, official):
    grievance = make_grievance(employed_case())
    colleague = factories.official_user()
    client.post(
        f"/officials/grievances/{grievance.pk}/", {"move": "assign", "assignee": colleague.pk}
    )
    grievance.refresh_from_db()
    assert grievance.assignee == colleague


def test_outside_the_region_or_the_role_the_grievance_is_hidden(client):
    grievance = make_grievance(employed_case(factories.EmployerFactory(region="RU-SPE")))
    client.force_login(factories.official_user(regions=["RU-MOW"]))
    assert client.get(f"/officials/grievances/{grievance.pk}/").status_code == 404
    client.force_login(factories.employer_user(grievance.placement.job_order.employer))
    assert client.get("/officials/grievances/").status_code == 404


def test_an_employer_sees_its_grievances_but_not_whose_until_shared(client):
    case = employed_case()
    unshared = make_grievance(case, description="They keep my passport.")
    make_grievance(employed_case(), description="Someone else's complaint.")
    client.force_login(factories.employer_user(case.job_order.employer))
    text = client.get("/employer/grievances/").content.decode()
    assert "Not shared with you" in text
    assert case.reference not in text and "They keep my passport." not in text
    assert "Someone else" not in text
    unshared.shared_with_employer = True
    unshared.save()
    text = client.get("/employer/grievances/").content.decode()
    assert case.reference in text and "They keep my passport." in text
