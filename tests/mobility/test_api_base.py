"""The API base: token auth, pagination, clear 4xx for bad input, history for officials."""

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from mobility.models import Side
from tests.factories import EmployerFactory, UserFactory, employer_user, official_user

pytestmark = pytest.mark.django_db


def test_token_from_username_and_password_authenticates_api_calls(api):
    user = official_user(username="inspector")
    response = api.post(
        "/api/v1/auth/token/", {"username": "inspector", "password": "pass-word-123"}
    )
    assert response.status_code == 200
    token = response.json()["token"]
    fresh = Client(headers={"Authorization": f"Token {token}"})
    assert fresh.get("/api/v1/employers/").status_code == 200
    assert user.auth_token.key == token


def test_wrong_password_gets_no_token(api):
    UserFactory(username="someone")
    response = api.post("/api/v1/auth/token/", {"username": "someone", "password": "nope"})
    assert response.status_code == 400
    assert "token" not in response.json()


def test_repeated_failed_logins_lock_the_account_out(api):
    UserFactory(username="target")
    for _ in range(5):
        api.post("/api/v1/auth/token/", {"username": "target", "password": "guess"})
    response = api.post("/api/v1/auth/token/", {"username": "target", "password": "pass-word-123"})
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.json()["detail"]


def test_a_lockout_revokes_the_token_the_account_already_had(api):
    user = official_user(username="inspector")
    token = api.post(
        "/api/v1/auth/token/", {"username": "inspector", "password": "pass-word-123"}
    ).json()["token"]
    holder = Client(headers={"Authorization": f"Token {token}"})
    assert holder.get("/api/v1/employers/").status_code == 200
    for _ in range(5):
        api.post("/api/v1/auth/token/", {"username": "inspector", "password": "guess"})
    assert holder.get("/api/v1/employers/").status_code == 401
    assert not Token.objects.filter(user=user).exists()


def test_pages_have_count_next_previous_results(api):
    EmployerFactory.create_batch(5)
    client = api.as_user(official_user())
    body = client.get("/api/v1/employers/?page_size=2").json()
    assert body["count"] == 5
    assert len(body["results"]) == 2
    assert body["previous"] is None
    assert "page=2" in body["next"]
    last = client.get("/api/v1/employers/?page_size=2&page=3").json()
    assert len(last["results"]) == 1 and last["next"] is None


def test_page_size_is_capped_at_200(api):
    EmployerFactory.create_batch(201)
    response = api.as_user(official_user()).get("/api/v1/employers/?page_size=100000")
    assert response.status_code == 200
    body = response.json()
    assert (body["count"], len(body["results"])) == (201, 200)
    assert "page=2" in body["next"]


def test_ordering_and_search(api):
    EmployerFactory(legal_name="Beta LLC")
    EmployerFactory(legal_name="Alpha LLC")
    client = api.as_user(official_user())
    names = [
        r["legal_name"]
        for r in client.get("/api/v1/employers/?ordering=-legal_name").json()["results"]
    ]
    assert names == ["Beta LLC", "Alpha LLC"]
    found = client.get("/api/v1/employers/?search=alpha").json()["results"]
    assert [r["legal_name"] for r in found] == ["Alpha LLC"]


@pytest.mark.parametrize(
    ("url", "status", "body"),
    [
        (
            "/api/v1/employers/?region=XX-NOPE",
            400,
            {"region": ["Select a valid choice. XX-NOPE is not one of the available choices."]},
        ),
        (
            "/api/v1/employers/?sector=mining",
            400,
            {"sector": ["Select a valid choice. mining is not one of the available choices."]},
        ),
        ("/api/v1/employers/?page=abc", 404, {"detail": "Invalid page."}),
        ("/api/v1/employers/?page=99", 404, {"detail": "Invalid page."}),
        ("/api/v1/employers/99999999999999999999999/", 404, {"detail": "Not found."}),
        ("/api/v1/employers/abc/", 404, {"detail": "Not found."}),
    ],
)
def test_bad_query_input_is_a_4xx_that_says_what_is_wrong(api, url, status, body):
    EmployerFactory()
    response = api.as_user(official_user()).get(url)
    assert (response.status_code, response.json()) == (status, body)


def test_malformed_json_is_a_400(api):
    client = api.as_user(official_user())
    response = client.generic(
        "POST", "/api/v1/employers/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert "detail" in response.json()


def test_officials_read_who_changed_what(api):
    employer = EmployerFactory(contact_email="old@example.ru")
    member = employer_user(employer, username="hr-manager")
    assert (
        api.as_user(member)
        .patch(f"/api/v1/employers/{employer.pk}/", {"contact_email": "new@example.ru"})
        .status_code
        == 200
    )
    history = api.as_user(official_user()).get(f"/api/v1/employers/{employer.pk}/history/")
    assert history.status_code == 200
    latest = history.json()["results"][0]
    assert latest["action"] == "updated"
    assert latest["user"] == "hr-manager"
    assert latest["changes"]["contact_email"] == {"from": "old@example.ru", "to": "new@example.ru"}


def test_history_is_for_officials_only(api):
    employer = EmployerFactory()
    response = api.as_user(employer_user(employer)).get(f"/api/v1/employers/{employer.pk}/history/")
    assert response.status_code == 404


def test_in_side_official_reads_employers_but_cannot_register_one(api):
    client = api.as_user(official_user(Side.INDIA))
    response = client.post(
        "/api/v1/employers/",
        {
            "legal_name": "X",
            "inn": "7707083893",
            "ogrn": "1027700132195",
            "region": "RU-MOW",
            "sector": "construction",
        },
    )
    assert response.status_code == 403


def sign_in_after_guesses_from(api, addresses: int):
    """Four wrong guesses from each of `addresses` addresses, then the right password from yet
    another address."""
    UserFactory(username="target")
    for address in range(addresses):
        for _ in range(4):
            api.post(
                "/api/v1/auth/token/",
                {"username": "target", "password": "guess"},
                REMOTE_ADDR=f"198.51.100.{address + 1}",
            )
    return api.post(
        "/api/v1/auth/token/",
        {"username": "target", "password": "pass-word-123"},
        REMOTE_ADDR="203.0.113.9",
    )


def test_guesses_spread_over_many_addresses_lock_the_account_out_too(api):
    """Four guesses from each of five addresses stay under the per-address limit of five, but
    make the twenty that lock the account wherever the next attempt comes from."""
    assert sign_in_after_guesses_from(api, 5).status_code == 429


def test_a_few_guesses_from_other_addresses_do_not_lock_the_owner_out(api):
    assert sign_in_after_guesses_from(api, 4).status_code == 200
