"""The officials' watchlist through the API and its page."""

import pytest

from compliance.models import WatchlistEntry
from tests import factories

pytestmark = pytest.mark.django_db


def test_an_official_adds_and_removes_an_entry_with_reasons(api):
    official = factories.official_user()
    client = api.as_user(official)
    response = client.post(
        "/api/v1/watchlist/",
        {"kind": "passport", "value": "a1234567", "reason": "Reported stolen"},
        format="json",
    )
    assert response.status_code == 201, response.data
    assert response.data["value"] == "A1234567"
    assert response.data["added_by"] == official.username
    again = client.post(
        "/api/v1/watchlist/", {"kind": "passport", "value": "A1234567", "reason": "x"}
    )
    assert again.status_code == 400
    assert again.json() == {"value": ["A1234567 is already on the watchlist."]}
    assert WatchlistEntry.objects.count() == 1
    url = f"/api/v1/watchlist/{response.data['id']}/remove/"
    without_reason = client.post(url, {}, format="json")
    assert without_reason.status_code == 400
    assert without_reason.json() == {"reason": ["This field is required."]}
    assert WatchlistEntry.objects.exists()
    assert client.post(url, {"reason": "Found again"}, format="json").status_code == 204
    assert not WatchlistEntry.objects.exists()


@pytest.mark.parametrize("make", [factories.agency_user, factories.employer_user])
def test_only_officials_see_the_watchlist(api, make):
    WatchlistEntry.objects.create(
        kind="inn", value="7707083893", reason="x", added_by=factories.official_user()
    )
    client = api.as_user(make())
    assert client.get("/api/v1/watchlist/").status_code == 403
    response = client.post("/api/v1/watchlist/", {"kind": "inn", "value": "1", "reason": "x"})
    assert response.status_code == 403


def test_the_watchlist_page_adds_and_removes_with_confirmation(client):
    client.force_login(factories.official_user())
    response = client.post(
        "/officials/watchlist/", {"kind": "inn", "value": "7707083893", "reason": "Fraud probe"}
    )
    assert response.status_code == 302
    entry = WatchlistEntry.objects.get()
    assert "7707083893" in client.get("/officials/watchlist/").content.decode()
    confirm = client.get(f"/officials/watchlist/{entry.pk}/remove/")
    assert "Remove from the watchlist?" in confirm.content.decode()
    refused = client.post(f"/officials/watchlist/{entry.pk}/remove/", {"reason": ""})
    assert refused.status_code == 200
    assert "This field is required." in refused.content.decode()
    assert WatchlistEntry.objects.exists()
    client.post(f"/officials/watchlist/{entry.pk}/remove/", {"reason": "Cleared"})
    assert not WatchlistEntry.objects.exists()


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("passport", "12345678", "An Indian passport number is one letter and seven digits."),
        ("inn", "77070838", "An INN has 10 digits (12 for a person)."),
        ("licence", " ", "This field may not be blank."),
    ],
)
def test_a_number_in_the_wrong_format_is_refused_saying_why(api, kind, value, message):
    client = api.as_user(factories.official_user())
    response = client.post(
        "/api/v1/watchlist/", {"kind": kind, "value": value, "reason": "x"}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"value": [message]}
    assert not WatchlistEntry.objects.exists()
