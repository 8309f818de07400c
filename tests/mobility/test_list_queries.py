"""Every list of the API costs the same few queries whatever it holds (SPEC §11): the actor is
read once with the user (session or token), then the page and its count."""

from datetime import date

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from mobility.urls import router
from tests import factories
from tests.world import S

pytestmark = pytest.mark.django_db

MAX_QUERIES = 6
# Every list route of /api/v1/ (the routes with an id in their prefix are actions on one object).
LISTS = sorted(prefix for prefix, _, _ in router.registry if "(" not in prefix)
PERSONAS = ("agency_a_user", "employer_a_user", "official", "official_mow", "official_in")


@pytest.fixture
def filled(world):
    """Three cases of each side with what the evidence, finding and grievance lists show."""
    for peer in (False, True):
        for month in (date(2025, 9, 1), date(2025, 10, 1), date(2025, 11, 1)):
            case = world.case(S.EMPLOYED, peer=peer)
            factories.WageReportFactory(placement=case, month=month)
            factories.InsuranceCoverFactory(placement=case, kind="dms")
            factories.FindingFactory(placement=case)
            factories.GrievanceFactory(placement=case)
            factories.CheckRunFactory(placement=case)
    return world


def _token_client(user) -> Client:
    token, _ = Token.objects.get_or_create(user=user)
    return Client(headers={"Authorization": f"Token {token.key}"})


def _session_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("prefix", LISTS)
def test_each_list_answers_in_a_few_queries_for_every_persona(
    filled, prefix, django_assert_max_num_queries
):
    for persona in PERSONAS:
        for signed_in in (_token_client, _session_client):
            client = signed_in(getattr(filled, persona))
            with django_assert_max_num_queries(MAX_QUERIES):
                response = client.get(f"/api/v1/{prefix}/")
            # A list only officials keep answers 403 to the others; a visible one shows its page.
            assert response.status_code in (200, 403), (persona, response.content)
            if response.status_code == 200:
                assert set(response.json()) == {"count", "next", "previous", "results"}


@pytest.mark.parametrize(("page_size", "shown"), [(1, ["newer"]), (200, ["newer", "older"])])
def test_the_placements_list_shows_the_newest_case_first_in_six_queries_at_any_page_size(
    world, page_size, shown, django_assert_max_num_queries
):
    older = world.case(S.EMPLOYED)
    newer = world.case(S.EMPLOYED)
    client = _token_client(world.official)
    with django_assert_max_num_queries(MAX_QUERIES):
        body = client.get(f"/api/v1/placements/?page_size={page_size}").json()
    references = {"newer": newer.reference, "older": older.reference}
    assert [row["reference"] for row in body["results"]] == [references[n] for n in shown]
    assert body["count"] == 2
