"""List endpoints and the pipeline page make a fixed number of queries however much data."""

import pytest

from tests import factories
from tests.queries import max_queries
from tests.world import S
from workers.models import DocumentKind

pytestmark = pytest.mark.django_db

STATUSES = [S.DRAFT, S.SUBMITTED, S.ACCEPTED, S.CONTRACT_SIGNED, S.ARRIVED, S.EMPLOYED]


def grow(world, rounds):
    for _ in range(rounds):
        for status in STATUSES:
            placement = world.case(status)
            factories.DocumentFactory(placement=placement, kind=DocumentKind.CONTRACT)


# The agency workspace opens on its queues (drafts not ready, findings to answer, documents
# rejected): a count and the first rows of each, on top of its own list.
WORKSPACE_QUEUES = 6


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
def test_queries_do_not_grow_with_the_data(api, client, url, persona, world):
    user = getattr(world, persona)
    web = url.startswith("/agency") or url.startswith("/officials")
    http = client if web else api.as_user(user)
    if web:
        client.force_login(user)
    http.get(url)  # warm up: the role lookup is cached on the user after the first request
    grow(world, 1)
    with max_queries(12 + (WORKSPACE_QUEUES if url.startswith("/agency/") else 0)) as few:
        small = http.get(url)
    grow(world, 4)
    with max_queries(len(few), compared_with=few):
        large = http.get(url)
    assert small.status_code == large.status_code == 200
    # Five times the cases: the list holds more rows (a full page of them), at the same cost.
    if web:
        few_rows, many_rows = small.context["page"], large.context["page"]
        assert many_rows.paginator.count > few_rows.paginator.count > 0
        assert len(many_rows.object_list) == min(
            many_rows.paginator.count, many_rows.paginator.per_page
        )
    else:
        assert large.json()["count"] > small.json()["count"] > 0
