"""List endpoints and the pipeline page make a fixed number of queries however much data."""

import pytest

from tests import factories
from tests.world import S
from workers.models import DocumentKind

pytestmark = pytest.mark.django_db

STATUSES = [S.DRAFT, S.SUBMITTED, S.ACCEPTED, S.CONTRACT_SIGNED, S.ARRIVED, S.EMPLOYED]


def grow(world, rounds):
    for _ in range(rounds):
        for status in STATUSES:
            placement = world.case(status)
            factories.DocumentFactory(placement=placement, kind=DocumentKind.CONTRACT)


def count_queries(django_assert_max_num_queries, client, url, limit):
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "url, persona",
    [
        ("/api/v1/placements/?page_size=200", "agency_a_user"),
        ("/api/v1/placements/?page_size=200", "employer_a_user"),
        ("/api/v1/placements/?page_size=200", "official_mow"),
        ("/api/v1/workers/?page_size=200", "agency_a_user"),
        ("/api/v1/workers/?page_size=200", "employer_a_user"),
        ("/api/v1/documents/?page_size=200", "agency_a_user"),
        ("/api/v1/documents/?page_size=200", "employer_a_user"),
        ("/agency/", "agency_a_user"),
        ("/agency/?q=Worker&status=employed", "agency_a_user"),
        ("/officials/cases/", "official_mow"),
    ],
)
def test_queries_do_not_grow_with_the_data(
    api, client, django_assert_max_num_queries, url, persona, world
):
    user = getattr(world, persona)
    web = url.startswith("/agency") or url.startswith("/officials")
    http = client if web else api.as_user(user)
    if web:
        client.force_login(user)
    http.get(url)  # warm up: the role lookup is cached on the user after the first request
    grow(world, 1)
    few = count_queries(django_assert_max_num_queries, http, url, 12)
    grow(world, 4)
    many = count_queries(django_assert_max_num_queries, http, url, 12)
    assert many == few
