"""Each role sees what SPEC §3 allows and gets 404 for the rest."""

from datetime import timedelta

import pytest
from django.utils import timezone

from employers.models import EmployerMembership, SponsorshipStatus
from mobility.access import Role, actor_for
from mobility.models import Side
from tests.factories import (
    AgencyFactory,
    EmployerFactory,
    UserFactory,
    agency_user,
    employer_user,
    official_user,
    superuser,
)

pytestmark = pytest.mark.django_db


def ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_role_of_each_kind_of_user():
    agency = AgencyFactory()
    employer = EmployerFactory()
    assert actor_for(agency_user(agency)).agency_id == agency.pk
    assert actor_for(employer_user(employer)).employer_id == employer.pk
    official = actor_for(official_user(Side.RUSSIA, ["RU-MOW"]))
    assert (official.role, official.side, official.regions) == (Role.OFFICIAL, "RU", ("RU-MOW",))
    assert actor_for(superuser()).role == Role.SUPERUSER
    assert actor_for(UserFactory()).role == Role.NONE


def test_user_with_two_memberships_gets_no_role():
    user = agency_user()
    EmployerMembership.objects.create(user=user, employer=EmployerFactory())
    assert actor_for(user).role == Role.NONE


def test_inactive_user_gets_no_role():
    user = agency_user()
    user.is_active = False
    assert actor_for(user).role == Role.NONE


def test_agency_sees_own_agency_not_another(api, world):
    client = api.as_user(world.agency_a_user)
    assert ids(client.get("/api/v1/agencies/")) == {world.agency_a.pk}
    assert client.get(f"/api/v1/agencies/{world.agency_a.pk}/").status_code == 200
    assert client.get(f"/api/v1/agencies/{world.agency_b.pk}/").status_code == 404


def test_employer_sees_own_employer_not_another(api, world):
    client = api.as_user(world.employer_a_user)
    assert ids(client.get("/api/v1/employers/")) == {world.employer_a.pk}
    assert client.get(f"/api/v1/employers/{world.employer_b.pk}/").status_code == 404
    assert client.get("/api/v1/agencies/").json()["count"] == 0


def test_agency_sees_only_approved_employers(api, world):
    pending = EmployerFactory(sponsorship_status=SponsorshipStatus.APPLIED, quota=0)
    client = api.as_user(world.agency_a_user)
    assert ids(client.get("/api/v1/employers/")) == {world.employer_a.pk, world.employer_b.pk}
    assert client.get(f"/api/v1/employers/{pending.pk}/").status_code == 404


def test_region_limited_official_sees_only_their_regions(api, world):
    client = api.as_user(world.official_mow)
    assert ids(client.get("/api/v1/employers/")) == {world.employer_a.pk}
    assert client.get(f"/api/v1/employers/{world.employer_b.pk}/").status_code == 404


@pytest.mark.parametrize("persona", ["official", "official_in", "superuser"])
def test_unlimited_officials_and_superusers_see_everything(api, world, persona):
    user = superuser() if persona == "superuser" else getattr(world, persona)
    client = api.as_user(user)
    assert ids(client.get("/api/v1/employers/")) == {world.employer_a.pk, world.employer_b.pk}
    assert ids(client.get("/api/v1/agencies/")) == {world.agency_a.pk, world.agency_b.pk}


def test_user_without_role_sees_nothing(api, world):
    client = api.as_user(UserFactory())
    assert client.get("/api/v1/employers/").json()["count"] == 0
    assert client.get("/api/v1/agencies/").json()["count"] == 0


def test_anonymous_api_call_is_told_to_authenticate(api, world):
    response = api.get(f"/api/v1/employers/{world.employer_a.pk}/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")


def test_a_locked_account_gets_a_page_in_its_language_saying_when_to_try_again(client):
    """Five failures lock the account for an hour from the last one; the sixth attempt, even
    with the right password, is answered with when to come back, in Russian for a Russian
    browser and with the zone of the time named."""
    UserFactory(username="target")
    for _ in range(5):
        client.post("/accounts/login/", {"username": "target", "password": "guess"})
    response = client.post(
        "/accounts/login/",
        {"username": "target", "password": "pass-word-123"},
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 429
    page = response.content.decode()
    assert "<h1>Вход приостановлен</h1>" in page
    assert "(московское время)" in page
    assert "_auth_user_id" not in client.session
    assert response.context["until"] > timezone.now() + timedelta(minutes=59)


@pytest.mark.parametrize(
    ("make_user", "lands_on"),
    [
        (agency_user, "/agency/"),
        (employer_user, "/employer/"),
        (official_user, "/officials/"),
        (UserFactory, "/"),
    ],
)
def test_sign_in_lands_each_role_on_its_workspace(client, make_user, lands_on):
    user = make_user()
    response = client.post(
        "/accounts/login/", {"username": user.username, "password": "pass-word-123"}
    )
    assert response.status_code == 302 and response.url == lands_on


def test_sign_in_returns_to_the_page_that_asked_for_it(client):
    user = official_user()
    response = client.post(
        "/accounts/login/?next=/officials/cases/",
        {"username": user.username, "password": "pass-word-123", "next": "/officials/cases/"},
    )
    assert response.url == "/officials/cases/"


def test_the_start_page_offers_a_worker_the_case_check_in_their_language(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="hi").content.decode()
    content = page[page.index("<main") :]
    assert content.index('href="/status/"') < content.index('href="/accounts/login/"')
    assert "अपना मामला देखें" in content
