"""Officials handle workers' grievances; employers learn only that one exists until it is
shared; agencies see none."""

import pytest

from tests import factories
from tests.world import S

pytestmark = pytest.mark.django_db


@pytest.fixture
def grievances(world):
    """A fresh wage grievance on the owner's employed case (Moscow) and an unsafe-work one filed
    five days ago on the peer's (St Petersburg)."""
    return {
        "a": factories.GrievanceFactory(placement=world.case(S.EMPLOYED)),
        "b": factories.GrievanceFactory(
            placement=world.case(S.EMPLOYED, peer=True),
            filed_days_ago=5,
            category="unsafe_work",
        ),
    }


def listed(api, user, **params):
    response = api.as_user(user).get("/api/v1/grievances/", params)
    assert response.status_code == 200
    return {row["id"] for row in response.data["results"]}


def test_officials_see_grievances_in_their_regions(api, world, grievances):
    a, b = grievances["a"].pk, grievances["b"].pk
    assert listed(api, world.official) == {a, b}
    assert listed(api, world.official_mow) == {a}
    assert api.as_user(world.official_mow).get(f"/api/v1/grievances/{b}/").status_code == 404


def test_agencies_see_no_grievances(api, world, grievances):
    assert listed(api, world.agency_a_user) == set()
    url = f"/api/v1/grievances/{grievances['a'].pk}/"
    assert api.as_user(world.agency_a_user).get(url).status_code == 404


def test_an_employer_sees_that_a_grievance_exists_but_not_who_filed_it(api, world, grievances):
    client = api.as_user(world.employer_a_user)
    assert listed(api, world.employer_a_user) == {grievances["a"].pk}
    row = client.get(f"/api/v1/grievances/{grievances['a'].pk}/").data
    assert row["category"] == "wages"
    assert "placement" not in row and "description" not in row and "receipt" not in row
    assert client.get(f"/api/v1/grievances/{grievances['b'].pk}/").status_code == 404


def test_once_shared_the_employer_sees_the_case_and_the_complaint(api, world, grievances):
    grievance = grievances["a"]
    response = api.as_user(world.official).post(f"/api/v1/grievances/{grievance.pk}/share/")
    assert response.status_code == 200
    row = api.as_user(world.employer_a_user).get(f"/api/v1/grievances/{grievance.pk}/").data
    assert row["placement_reference"] == grievance.placement.reference
    assert row["description"] == "My October wage was not paid."


def test_an_official_investigates_and_resolves_with_an_outcome(api, world, grievances):
    grievance = grievances["a"]
    client = api.as_user(world.official)
    url = f"/api/v1/grievances/{grievance.pk}/"
    response = client.post(url + "investigate/")
    assert response.status_code == 200
    assert response.data["status"] == "investigating"
    assert response.data["acknowledged_at"]
    assert response.data["assignee"] == world.official.username
    refused = client.post(url + "resolve/", {}, format="json")
    assert refused.status_code == 400
    assert refused.json() == {
        "outcome": ["Choose an outcome or write the one the worker will read."]
    }
    assert client.get(url).json()["status"] == "investigating"
    response = client.post(
        url + "resolve/", {"outcome": "The employer paid the October wage."}, format="json"
    )
    assert response.status_code == 200
    # Resolving asks the worker (tests/compliance/test_grievance_clocks_closing.py).
    assert response.data["status"] == "proposed_resolved"
    assert response.data["outcome"] == "The employer paid the October wage."
    assert client.post(url + "reject/", {"outcome": "x"}, format="json").status_code == 409


def test_an_official_assigns_a_grievance_to_a_colleague_only(api, world, grievances):
    colleague = factories.official_user()
    url = f"/api/v1/grievances/{grievances['a'].pk}/assign/"
    client = api.as_user(world.official)
    response = client.post(url, {"assignee": colleague.pk}, format="json")
    assert response.status_code == 200
    assert response.data["assignee"] == colleague.username
    response = client.post(url, {"assignee": world.employer_a_user.pk}, format="json")
    assert response.status_code == 400
    assert response.json() == {"assignee": ["Grievances are assigned to officials only."]}
    grievances["a"].refresh_from_db()
    assert grievances["a"].assignee == colleague


def test_an_employer_may_not_handle_a_grievance(api, world, grievances):
    url = f"/api/v1/grievances/{grievances['a'].pk}/"
    client = api.as_user(world.employer_a_user)
    assert client.post(url + "investigate/").status_code == 403
    assert client.post(url + "reject/", {"outcome": "Not true"}, format="json").status_code == 403
    grievances["a"].refresh_from_db()
    assert grievances["a"].status == "received"


def test_overdue_grievances_are_flagged_and_filtered(api, world, grievances):
    client = api.as_user(world.official)
    late = client.get(f"/api/v1/grievances/{grievances['b'].pk}/").data
    assert late["acknowledgement_overdue"] is True
    assert late["resolution_overdue"] is False
    assert listed(api, world.official, overdue="true") == {grievances["b"].pk}
    assert listed(api, world.official, overdue="false") == {grievances["a"].pk}
    assert listed(api, world.official, category="unsafe_work") == {grievances["b"].pk}


def test_an_employer_cannot_find_whose_grievance_it_is_by_filtering(api, world, grievances):
    """The employer's list has no case filter: asking for one is refused as an unknown filter,
    the same answer for the complainant's case and any other, so it tells nothing."""
    grievance = grievances["a"]
    other_case = world.case(S.EMPLOYED)
    client = api.as_user(world.employer_a_user)
    for params in (
        {"placement": grievance.placement.pk},
        {"placement": other_case.pk},
        {"search": grievance.placement.reference},
        {"search": other_case.reference},
    ):
        response = client.get("/api/v1/grievances/", params)
        assert response.status_code == 400, params
        (name,) = params
        assert list(response.data) == [name]
        assert str(response.data[name][0]).startswith("Unknown filter")
        assert grievance.placement.reference not in str(response.data)
    assert listed(api, world.employer_a_user) == {grievance.pk}
