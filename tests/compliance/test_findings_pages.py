"""The officials' findings queue, the finding page in words, and the own lists of employers
and agencies."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from compliance.models import Finding
from tests import factories
from tests.compliance.finding_helpers import make_finding
from tests.compliance.test_evidence_api import employed_case

pytestmark = pytest.mark.django_db

EVIDENCE = {
    "expected": "at least 60,000.00 RUB owed for 168 normal hours",
    "actual": "50,000.00 RUB gross paid",
    "legal_source": "Labour Code RF art. 135, 136, 152",
    "figures": {"gross_rub": "50000.00", "owed_rub": "60000.00"},
}


@pytest.fixture
def official(client):
    user = factories.official_user()
    client.force_login(user)
    return user


@pytest.fixture
def case_a():
    return employed_case(factories.EmployerFactory(region="RU-MOW"))


@pytest.fixture
def case_b():
    return employed_case(factories.EmployerFactory(region="RU-SPE", sector="textiles"))


def test_the_queue_lists_findings_in_words_and_filters_them(client, official, case_a, case_b):
    underpaid = make_finding(placement=case_a, period="2026-05", evidence=EVIDENCE)
    make_finding(code="SAFETY_INCIDENT_SERIOUS", placement=case_b)
    page = client.get("/officials/findings/")
    assert page.status_code == 200
    text = page.content.decode()
    assert case_a.reference in text and case_b.reference in text
    filtered = client.get("/officials/findings/", {"region": "RU-MOW"}).content.decode()
    assert case_a.reference in filtered and case_b.reference not in filtered
    filtered = client.get("/officials/findings/", {"rule": "SAFETY_INCIDENT_SERIOUS"})
    assert case_a.reference not in filtered.content.decode()
    assert f"/findings/{underpaid.pk}/" in text


def test_employers_and_agencies_cannot_open_the_queue(client, case_a):
    client.force_login(factories.employer_user(case_a.job_order.employer))
    assert client.get("/officials/findings/").status_code == 404
    assert client.get("/officials/findings/export.csv").status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get("/officials/findings/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_finding_page_says_what_was_expected_found_and_required(client, official, case_a):
    finding = make_finding(placement=case_a, period="2026-05", evidence=EVIDENCE)
    text = client.get(f"/findings/{finding.pk}/").content.decode()
    assert "What was expected" in text and EVIDENCE["expected"] in text
    assert "What was found" in text and EVIDENCE["actual"] in text
    assert "Which law requires it" in text and "Labour Code RF art. 135" in text
    assert "Change history" in text


def test_resolving_on_the_page_needs_a_reason_and_is_recorded(client, official, case_a):
    finding = make_finding(placement=case_a)
    url = f"/findings/{finding.pk}/"
    response = client.post(url, {"move": "resolve", "reason": ""})
    assert response.status_code == 400
    finding.refresh_from_db()
    assert finding.status == "open"
    response = client.post(url, {"move": "resolve", "reason": "Back pay made."}, follow=True)
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
    first = make_finding(placement=case_a)
    second = make_finding(placement=case_b)
    untouched = make_finding(code="SAFETY_INCIDENT_SERIOUS", placement=case_b)
    body = {"finding": [first.pk, second.pk], "back": "/officials/findings/"}
    confirm = client.post("/officials/findings/acknowledge/", body)
    assert confirm.status_code == 200
    assert "Acknowledge these findings?" in confirm.content.decode()
    assert set(Finding.objects.values_list("status", flat=True)) == {"open"}
    done = client.post("/officials/findings/acknowledge/", {**body, "confirm": "yes"})
    assert done.status_code == 302
    statuses = dict(Finding.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "acknowledged", second.pk: "acknowledged", untouched.pk: "open"}


def test_a_region_limited_official_cannot_acknowledge_outside_the_region(client, case_a, case_b):
    outside = make_finding(placement=case_b)
    client.force_login(factories.official_user(regions=["RU-MOW"]))
    client.post("/officials/findings/acknowledge/", {"finding": [outside.pk], "confirm": "yes"})
    outside.refresh_from_db()
    assert outside.status == "open"
    assert client.get(f"/findings/{outside.pk}/").status_code == 404


def test_the_csv_export_holds_the_filtered_list(client, official, case_a, case_b):
    make_finding(placement=case_a, evidence=EVIDENCE)
    make_finding(code="SAFETY_INCIDENT_SERIOUS", placement=case_b)
    response = client.get("/officials/findings/export.csv", {"region": "RU-MOW"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["case"] for row in rows] == [case_a.reference]
    assert rows[0]["rule"] == "WAGE_UNDERPAID" and rows[0]["message"]


def test_employers_and_agencies_see_their_own_findings_only(client, case_a, case_b):
    mine = make_finding(placement=case_a)
    theirs = make_finding(placement=case_b)
    client.force_login(factories.employer_user(case_a.job_order.employer))
    text = client.get("/employer/findings/").content.decode()
    assert case_a.reference in text and case_b.reference not in text
    assert client.get(f"/findings/{mine.pk}/").status_code == 200
    assert client.get(f"/findings/{theirs.pk}/").status_code == 404
    response = client.post(f"/findings/{mine.pk}/", {"move": "waive", "reason": "No"})
    mine.refresh_from_db()
    assert mine.status == "open" and response.status_code == 200

    client.force_login(factories.agency_user(case_b.agency))
    text = client.get("/agency/findings/").content.decode()
    assert case_b.reference in text and case_a.reference not in text
    assert client.get("/employer/findings/").status_code == 404


def _grow(count):
    employer = factories.EmployerFactory()
    for _ in range(count):
        make_finding(placement=employed_case(employer), evidence=EVIDENCE)
    make_finding(code="EMPLOYER_QUOTA_EXCEEDED", employer=employer, period=str(count))


def test_the_queue_page_costs_the_same_queries_for_5_and_30_findings(
    client, official, django_assert_max_num_queries
):
    _grow(5)
    client.get("/officials/findings/")
    with CaptureQueriesContext(connection) as small:
        assert client.get("/officials/findings/").status_code == 200
    _grow(25)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/officials/findings/")
    assert response.content.decode().count("/findings/") >= 32


def test_the_queue_puts_the_gravest_open_findings_first(client, official, case_a):
    closed = make_finding(code="SAFETY_INCIDENT_SERIOUS", placement=case_a, status="resolved")
    warning = make_finding(code="WAGE_PAID_LATE", placement=case_a)
    breach = make_finding(placement=case_a)
    critical = make_finding(code="SAFETY_INCIDENT_SERIOUS", placement=case_a, period="2026-01")
    rows = client.get("/officials/findings/").context["rows"]
    assert [finding.pk for finding, _message in rows] == [
        critical.pk,
        breach.pk,
        warning.pk,
        closed.pk,
    ]


def test_bulk_acknowledge_never_sends_the_official_off_site(client, official, case_a):
    finding = make_finding(placement=case_a)
    body = {"finding": [finding.pk], "confirm": "yes", "back": "https://evil.example/"}
    response = client.post("/officials/findings/acknowledge/", body)
    assert response["Location"] == "/officials/findings/"
