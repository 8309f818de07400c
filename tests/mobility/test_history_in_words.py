"""Change history on staff pages reads in words: field labels, values as the page shows them,
no ids, no microsecond timestamps (the API keeps the raw record)."""

import re

import pytest

from tests.employers.test_employer_pages import official_user, signed_in
from tests.factories import EmployerFactory

pytestmark = pytest.mark.django_db


def test_history_rows_show_labels_and_values_without_ids_or_microseconds():
    employer = EmployerFactory(sponsorship_status="applied", quota=0)
    client = signed_in(official_user(username="ru-officer"))
    decide = {"decision": "approve", "quota": "25", "confirm": "yes"}
    client.post(f"/officials/employers/{employer.pk}/decide/", decide)
    page = client.get(f"/officials/employers/{employer.pk}/").content.decode()
    history = page[page.index("Change history") :]
    assert "Sponsorship status: Applied → Approved" in history
    assert "Quota: 0 → 25" in history
    assert "(Moscow time)" in history or "(UTC)" in history or "(India time)" in history
    assert not re.search(r"\bid: ", history, re.IGNORECASE)
    assert not re.search(r"\d{2}:\d{2}:\d{2}\.\d+", history)
    assert not re.search(r"\d{4}-\d{2}-\d{2}T", history)
    assert "sponsorship_status" not in history and "<code>" not in history


def test_the_api_history_keeps_the_raw_record():
    employer = EmployerFactory(sponsorship_status="applied", quota=0)
    client = signed_in(official_user())
    decide = {"decision": "approve", "quota": "25", "confirm": "yes"}
    client.post(f"/officials/employers/{employer.pk}/decide/", decide)
    raw = client.get(f"/api/v1/employers/{employer.pk}/history/").json()["results"]
    assert raw[0]["changes"]["sponsorship_status"] == {"from": "applied", "to": "approved"}
