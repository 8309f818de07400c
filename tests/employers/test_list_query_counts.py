"""List endpoints and pages make a fixed number of SQL queries whatever the page size."""

import pytest
from django.test import Client

from tests.factories import (
    EmployerFactory,
    JobOrderFactory,
    PlacementFactory,
    agency_user,
    employer_user,
    official_user,
)
from tests.queries import max_queries

pytestmark = pytest.mark.django_db

MAX_QUERIES = 8


def fill(rows: int) -> None:
    for _ in range(rows):
        job_order = JobOrderFactory(employer=EmployerFactory())
        PlacementFactory(job_order=job_order, status="employed")


@pytest.mark.parametrize("rows", [5, 30])
@pytest.mark.parametrize("url", ["/api/v1/employers/", "/api/v1/job-orders/"])
def test_api_lists_keep_a_fixed_number_of_queries(api, rows, url):
    fill(rows)
    for user in (official_user(), agency_user()):
        client = api.as_user(user)
        with max_queries(MAX_QUERIES):
            response = client.get(url, {"page_size": 50})
        assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", [5, 30])
def test_employer_job_order_list_keeps_a_fixed_number_of_queries(api, rows):
    employer = EmployerFactory()
    JobOrderFactory.create_batch(rows, employer=employer)
    client = api.as_user(employer_user(employer))
    with max_queries(MAX_QUERIES):
        assert client.get("/api/v1/job-orders/", {"page_size": 50}).json()["count"] == rows
    page = Client()
    page.force_login(employer_user(employer))
    # The workspace's five queues take a page of rows and a count each, whatever their length;
    # its money and wage figures three grouped queries.
    with max_queries(MAX_QUERIES + 15):
        assert page.get("/employer/").status_code == 200


@pytest.mark.parametrize("rows", [5, 30])
def test_officials_employer_list_page_keeps_a_fixed_number_of_queries(rows):
    fill(rows)
    client = Client()
    client.force_login(official_user())
    with max_queries(MAX_QUERIES + 4):
        response = client.get("/officials/employers/")
    assert response.context["page"].paginator.count == rows


@pytest.mark.parametrize("url", ["/api/v1/rules/", "/api/v1/minimum-wages/"])
def test_rulebook_lists_keep_a_fixed_number_of_queries(api, url):
    client = api.as_user(official_user())
    with max_queries(MAX_QUERIES):
        few = client.get(url, {"page_size": 5})
    with max_queries(MAX_QUERIES):
        many = client.get(url, {"page_size": 30})
    assert len(few.json()["results"]) == 5 and len(many.json()["results"]) > 5
