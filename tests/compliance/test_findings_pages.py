"""The officials' findings queue, the finding page in words, and the own lists of employers
and agencies."""

import re

import pytest

from compliance.models import Finding
from tests import factories
from tests.compliance.reports_helpers import csv_rows, export_from_page
from tests.queries import max_queries
from tests.world import S

pytestmark = pytest.mark.django_db

EVIDENCE = {
    "expected": "at least 60,000.00 RUB owed for 168 normal hours",
    "actual": "50,000.00 RUB gross paid",
    "legal_source": "Labour Code RF art. 135, 136, 152",
    "figures": {"gross_rub": "50000.00", "owed_rub": "60000.00"},
}


@pytest.fixture
def official(client, world):
    client.force_login(world.official)
    return world.official


@pytest.fixture
def case_a(world):
    """An employed case of the owner's, in Moscow."""
    return world.case(S.EMPLOYED)


@pytest.fixture
def case_b(world):
    """An employed case of the peer's, in St Petersburg textiles."""
    return world.case(S.EMPLOYED, peer=True)


def test_the_queue_lists_findings_in_words_and_filters_them(client, official, case_a, case_b):
    underpaid = factories.FindingFactory(placement=case_a, period="2026-05", evidence=EVIDENCE)
    factories.FindingFactory(code="SAFETY_INCIDENT_SERIOUS", placement=case_b)
    page = client.get("/officials/findings/")
    assert page.status_code == 200
    text = page.content.decode()
    assert case_a.reference in text and case_b.reference in text
    filtered = client.get("/officials/findings/", {"region": "RU-MOW"}).content.decode()
    assert case_a.reference in filtered and case_b.reference not in filtered
    filtered = client.get("/officials/findings/", {"rule": "SAFETY_INCIDENT_SERIOUS"})
    assert case_a.reference not in filtered.content.decode()
    assert f"/findings/{underpaid.pk}/" in text


def test_employers_and_agencies_cannot_open_the_queue(client, world):
    client.force_login(world.employer_a_user)
    assert client.get("/officials/findings/").status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get("/officials/findings/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_finding_page_says_what_was_expected_found_and_required(client, official, case_a):
    finding = factories.FindingFactory(placement=case_a, period="2026-05", evidence=EVIDENCE)
    text = client.get(f"/findings/{finding.pk}/").content.decode()
    # The figures say it in the reader's words; the engine's stored English is only a fallback.
    assert "What was expected" in text and "60,000 RUB owed for the month" in text
    assert "What was found" in text and "50,000 RUB gross paid" in text
    assert "Which law requires it" in text and "Labour Code RF art. 135" in text
    assert "Change history" in text


def test_resolving_on_the_page_needs_a_reason_and_is_recorded(client, official, case_a):
    finding = factories.FindingFactory(placement=case_a)
    url = f"/findings/{finding.pk}/"
    response = client.post(url, {"move": "resolve", "reason": ""})
    assert response.status_code == 400
    assert (
        '<ul class="errorlist"><li>This field is required.</li></ul>' in response.content.decode()
    )
    finding.refresh_from_db()
    assert finding.status == "open"
    asked = client.post(url, {"move": "resolve", "reason": "Back pay made."})
    assert "Resolve this finding?" in asked.content.decode()
    finding.refresh_from_db()
    assert finding.status == "open"
    response = client.post(
        url, {"move": "resolve", "reason": "Back pay made.", "confirm": "yes"}, follow=True
    )
    assert response.status_code == 200
    finding.refresh_from_db()
    assert (finding.status, finding.close_reason, finding.closed_by) == (
        "resolved",
        "Back pay made.",
        official,
    )
    text = response.content.decode()
    assert "Back pay made." in text and official.username in text


def test_bulk_acknowledge_asks_for_confirmation_first(client, official, case_a, case_b):
    first = factories.FindingFactory(placement=case_a)
    second = factories.FindingFactory(placement=case_b)
    untouched = factories.FindingFactory(code="SAFETY_INCIDENT_SERIOUS", placement=case_b)
    body = {"finding": [first.pk, second.pk], "back": "/officials/findings/"}
    confirm = client.post("/officials/findings/acknowledge/", body)
    assert confirm.status_code == 200
    assert "Acknowledge these findings?" in confirm.content.decode()
    assert set(Finding.objects.values_list("status", flat=True)) == {"open"}
    done = client.post("/officials/findings/acknowledge/", {**body, "confirm": "yes"})
    assert done.status_code == 302
    statuses = dict(Finding.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "acknowledged", second.pk: "acknowledged", untouched.pk: "open"}


def test_a_region_limited_official_cannot_acknowledge_outside_the_region(client, world, case_b):
    outside = factories.FindingFactory(placement=case_b)
    client.force_login(world.official_mow)
    client.post("/officials/findings/acknowledge/", {"finding": [outside.pk], "confirm": "yes"})
    outside.refresh_from_db()
    assert outside.status == "open"
    assert client.get(f"/findings/{outside.pk}/").status_code == 404


def test_the_export_holds_the_filtered_list(client, official, case_a, case_b):
    factories.FindingFactory(placement=case_a, evidence=EVIDENCE)
    factories.FindingFactory(code="SAFETY_INCIDENT_SERIOUS", placement=case_b)
    assert "export_findings" in client.get("/officials/findings/", {"region": "RU-MOW"}).text
    rows = csv_rows(export_from_page(client, "export_findings", "region=RU-MOW"))
    assert [row["case"] for row in rows] == [case_a.reference]
    assert rows[0]["rule"] == "WAGE_UNDERPAID"
    assert rows[0]["rule_title"] == "Wage underpaid"
    assert (rows[0]["severity"], rows[0]["severity_label"]) == ("breach", "Breach")
    assert (rows[0]["status"], rows[0]["status_label"]) == ("open", "Open")
    # The reader's zone with its offset, to the second (officials here read Moscow time).
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00", rows[0]["due_at (Europe/Moscow)"])
    assert rows[0]["message"] == (
        "Expected 60,000 RUB owed for the month; "
        "found 50,000 RUB gross paid. Labour Code RF art. 135, 136, 152."
    )


def test_employers_and_agencies_see_their_own_findings_only(client, world, case_a, case_b):
    mine = factories.FindingFactory(placement=case_a)
    theirs = factories.FindingFactory(placement=case_b)
    client.force_login(world.employer_a_user)
    text = client.get("/employer/findings/").content.decode()
    assert case_a.reference in text and case_b.reference not in text
    assert client.get(f"/findings/{mine.pk}/").status_code == 200
    assert client.get(f"/findings/{theirs.pk}/").status_code == 404
    response = client.post(f"/findings/{mine.pk}/", {"move": "waive", "reason": "No"})
    mine.refresh_from_db()
    assert mine.status == "open" and response.status_code == 200

    client.force_login(world.agency_b_user)
    text = client.get("/agency/findings/").content.decode()
    assert case_b.reference in text and case_a.reference not in text
    assert client.get("/employer/findings/").status_code == 404


def _grow(count):
    employer = factories.EmployerFactory()
    for _ in range(count):
        case = factories.PlacementFactory(employed=True, job_order__employer=employer)
        factories.FindingFactory(placement=case, evidence=EVIDENCE)
    factories.FindingFactory(code="EMPLOYER_QUOTA_EXCEEDED", employer=employer, period=str(count))


def test_the_queue_page_costs_the_same_queries_for_5_and_30_findings(client, official):
    _grow(5)
    client.get("/officials/findings/")
    with max_queries(14) as few:
        assert client.get("/officials/findings/").status_code == 200
    _grow(25)
    with max_queries(len(few), compared_with=few):
        response = client.get("/officials/findings/")
    links = {f"/findings/{pk}/" for pk in Finding.objects.values_list("pk", flat=True)}
    assert len(links) == 32
    assert [link for link in links if link not in response.content.decode()] == []


def test_the_queue_puts_the_gravest_open_findings_first(client, official, case_a):
    closed = factories.FindingFactory(
        code="SAFETY_INCIDENT_SERIOUS", placement=case_a, status="resolved"
    )
    warning = factories.FindingFactory(code="WAGE_PAID_LATE", placement=case_a)
    breach = factories.FindingFactory(placement=case_a)
    critical = factories.FindingFactory(
        code="SAFETY_INCIDENT_SERIOUS", placement=case_a, period="2026-01"
    )
    rows = client.get("/officials/findings/").context["rows"]
    assert [finding.pk for finding, _message in rows] == [
        critical.pk,
        breach.pk,
        warning.pk,
        closed.pk,
    ]


def test_bulk_acknowledge_never_sends_the_official_off_site(client, official, case_a):
    finding = factories.FindingFactory(placement=case_a)
    body = {"finding": [finding.pk], "confirm": "yes", "back": "https://evil.example/"}
    response = client.post("/officials/findings/acknowledge/", body)
    assert response["Location"] == "/officials/findings/"


@pytest.mark.parametrize(
    ("period", "shown"),
    [("2026-05", "May 2026"), ("2026-01-02", "2 January 2026"), ("2025", "2025")],
)
def test_the_finding_page_writes_its_period_in_words(client, official, case_a, period, shown):
    finding = factories.FindingFactory(placement=case_a, period=period, evidence=EVIDENCE)
    text = client.get(f"/findings/{finding.pk}/").content.decode()
    assert f"<dt>Period</dt><dd>{shown}</dd>" in text
