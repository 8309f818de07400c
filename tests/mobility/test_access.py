"""Each role sees what SPEC §3 allows and gets 404 for the rest."""

import pytest

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


def test_agency_sees_own_agency_not_another(api):
    own, other = AgencyFactory(), AgencyFactory()
    client = api.as_user(agency_user(own))
    assert ids(client.get("/api/v1/agencies/")) == {own.pk}
    assert client.get(f"/api/v1/agencies/{own.pk}/").status_code == 200
    assert client.get(f"/api/v1/agencies/{other.pk}/").status_code == 404


def test_employer_sees_own_employer_not_another(api):
    own, other = EmployerFactory(), EmployerFactory()
    client = api.as_user(employer_user(own))
    assert ids(client.get("/api/v1/employers/")) == {own.pk}
    assert client.get(f"/api/v1/employers/{other.pk}/").status_code == 404
    assert client.get("/api/v1/agencies/").json()["count"] == 0


def test_agency_sees_only_approved_employers(api):
    approved = EmployerFactory()
    pending = EmployerFactory(sponsorship_status=SponsorshipStatus.APPLIED, quota=0)
    client = api.as_user(agency_user())
    assert ids(client.get("/api/v1/employers/")) == {approved.pk}
    assert client.get(f"/api/v1/employers/{pending.pk}/").status_code == 404


def test_region_limited_official_sees_only_their_regions(api):
    moscow = EmployerFactory(region="RU-MOW")
    spb = EmployerFactory(region="RU-SPE")
    client = api.as_user(official_user(Side.RUSSIA, ["RU-MOW"]))
    assert ids(client.get("/api/v1/employers/")) == {moscow.pk}
    assert client.get(f"/api/v1/employers/{spb.pk}/").status_code == 404


@pytest.mark.parametrize("make_user", [lambda: official_user(Side.INDIA), superuser])
def test_unlimited_officials_and_superusers_see_everything(api, make_user):
    employers = {EmployerFactory(region="RU-MOW").pk, EmployerFactory(region="RU-SPE").pk}
    agencies = {AgencyFactory().pk, AgencyFactory().pk}
    client = api.as_user(make_user())
    assert ids(client.get("/api/v1/employers/")) == employers
    assert ids(client.get("/api/v1/agencies/")) == agencies


def test_user_without_role_sees_nothing(api):
    EmployerFactory()
    AgencyFactory()
    client = api.as_user(UserFactory())
    assert client.get("/api/v1/employers/").json()["count"] == 0
    assert client.get("/api/v1/agencies/").json()["count"] == 0


def test_anonymous_api_call_is_told_to_authenticate(api, employer):
    response = api.get(f"/api/v1/employers/{employer.pk}/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")
