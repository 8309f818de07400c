"""Errors as SPEC §9 promises them: deep JSON and oversized bodies are refused with a clear
4xx before any work is done, and a database that is down is a 503 to retry, never a 500."""

import json

import pytest
from django.db import connection
from django.test import Client

from tests import factories
from workers.models import Worker

DEEP = "[" * 100_000 + "]" * 100_000
PUBLIC = ["/api/v1/status/lookup/", "/api/v1/status/grievances/", "/api/v1/auth/token/"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC)
def test_deeply_nested_json_is_refused_without_signing_in(client, url):
    response = client.post(url, DEEP, content_type="application/json")
    assert response.status_code == 400
    assert "nested deeper than 32 levels" in response.json()["detail"]


@pytest.mark.django_db
def test_deeply_nested_json_is_refused_for_a_signed_in_agency_and_nothing_is_written(api):
    user = factories.agency_user()
    response = api.as_user(user).post("/api/v1/workers/", DEEP, content_type="application/json")
    assert response.status_code == 400
    assert "nested deeper" in response.json()["detail"]
    assert not Worker.objects.exists()


@pytest.mark.django_db
def test_moderately_nested_json_still_reaches_the_endpoint(client):
    body = {"reference": "IRM-0000-0000", "date_of_birth": "1990-01-01", "x": [[[[[[1]]]]]]}
    response = client.post(PUBLIC[0], json.dumps(body), content_type="application/json")
    assert response.status_code == 404


@pytest.mark.django_db
def test_a_body_over_ten_megabytes_is_413_in_json(api):
    user = factories.agency_user()
    body = json.dumps({"full_name": "x" * (11 * 1024 * 1024)})
    response = api.as_user(user).post("/api/v1/workers/", body, content_type="application/json")
    assert response.status_code == 413
    assert "10 MB" in response.json()["detail"]
    assert not Worker.objects.exists()


@pytest.fixture
def database_down(transactional_db):
    """The real connection pointed at a port where no server listens, then put back."""
    user = factories.agency_user()
    saved = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"
    yield user
    connection.close()
    connection.settings_dict["PORT"] = saved


def test_the_api_answers_503_with_retry_after_while_the_database_is_down(database_down):
    client = Client(raise_request_exception=False, HTTP_AUTHORIZATION="Token not-checked-yet")
    response = client.get("/api/v1/workers/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "try again" in response.json()["detail"]


def test_a_page_answers_503_in_words_while_the_database_is_down(database_down):
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "a-session-the-database-would-hold"
    response = client.get("/agency/")
    assert response.status_code == 503
    assert "briefly unavailable" in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_filter_is_refused_by_name_instead_of_showing_everything(api):
    user = factories.official_user()
    factories.EmployerFactory()
    response = api.as_user(user).get("/api/v1/employers/", {"regoin": "RU-MOW"})
    assert response.status_code == 400
    assert list(response.data) == ["regoin"]
    assert "region" in str(response.data["regoin"][0])
    assert api.get("/api/v1/employers/", {"region": "RU-MOW", "page": 1}).status_code == 200


@pytest.mark.django_db
def test_an_api_address_that_names_nothing_is_a_404_in_json_and_a_page_stays_a_page(client):
    # "1.5" is no id: no route matches it, so Django's handler answers, not the API's.
    response = client.get("/api/v1/findings/1.5/waive/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    page = client.get("/no-such-page/")
    assert page.status_code == 404
    assert page["Content-Type"].startswith("text/html")
