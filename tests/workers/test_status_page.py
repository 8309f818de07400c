from datetime import UTC, datetime

import pytest

from tests import factories
from tests.workers.status_fixtures import *  # noqa: F403
from tests.workers.status_fixtures import BIRTH
from workers.models import Grievance, GrievanceStatus
from workers.status.throttles import StatusThrottle

pytestmark = pytest.mark.django_db


def test_status_page_offers_the_lookup_form(client):
    response = client.get("/status/")
    assert response.status_code == 200
    assert b'name="reference"' in response.content
    assert b'type="date"' in response.content
    assert b"css/status.css" in response.content


def test_worker_finds_the_case_on_the_page(client, case):
    response = client.post("/status/", {"reference": case.reference, "date_of_birth": BIRTH})
    assert response.status_code == 200
    page = response.content.decode()
    assert case.reference in page
    assert "R**** K****" in page
    assert "Your employment contract was signed." in page
    assert case.worker.passport_number not in page
    assert "secret internal remark" not in page
    assert "65,000 roubles a month" in page and case.job_order.employer.legal_name in page


def test_page_gives_one_answer_for_a_wrong_reference_or_date(client, case):
    wrong_date = client.post(
        "/status/", {"reference": case.reference, "date_of_birth": "2000-01-01"}
    )
    wrong_reference = client.post(
        "/status/", {"reference": "IRM-0000-0000", "date_of_birth": BIRTH}
    )
    assert wrong_date.status_code == wrong_reference.status_code == 404
    problem = "We could not find a case with this reference and date of birth."
    assert problem in wrong_date.content.decode()
    assert problem in wrong_reference.content.decode()


def test_page_lookups_are_rate_limited(client, case, monkeypatch):
    monkeypatch.setattr(
        StatusThrottle, "THROTTLE_RATES", {**StatusThrottle.THROTTLE_RATES, "status_ip": "2/min"}
    )
    for _ in range(2):
        client.post("/status/", {"reference": case.reference, "date_of_birth": BIRTH})
    refused = client.post("/status/", {"reference": case.reference, "date_of_birth": BIRTH})
    assert refused.status_code == 429
    assert "Too many tries" in refused.content.decode()


def test_worker_files_a_grievance_from_the_page_and_follows_it(client, case):
    filed = client.post(
        "/status/grievances/",
        {
            "reference": case.reference,
            "date_of_birth": BIRTH,
            "category": "document_retention",
            "description": "The supervisor keeps my passport.",
        },
    )
    assert filed.status_code == 200
    grievance = Grievance.objects.get()
    assert grievance.category == "document_retention"
    assert grievance.receipt in filed.content.decode()
    followed = client.post(
        "/status/grievances/follow/", {"receipt": grievance.receipt, "date_of_birth": BIRTH}
    )
    assert followed.status_code == 200
    assert "Received" in followed.content.decode()


def test_back_to_your_case_after_filing_shows_the_case_again(client, case):
    """The receipt page's "Back to your case" carries the reference and date of birth, so the
    worker sees their case rather than an empty lookup form."""
    filed = client.post(
        "/status/grievances/",
        {
            "reference": case.reference,
            "date_of_birth": BIRTH,
            "category": "wages",
            "description": "No pay for May.",
        },
    ).content.decode()
    assert f'name="reference" value="{case.reference}"' in filed
    assert f'name="date_of_birth" value="{BIRTH.isoformat()}"' in filed
    back = client.post("/status/", {"reference": case.reference, "date_of_birth": BIRTH})
    assert "Your contract" in back.content.decode()


def test_a_closed_grievance_shows_when_it_closed_not_a_deadline(client, case):
    grievance = factories.GrievanceFactory(placement=case)
    grievance.status, grievance.outcome = GrievanceStatus.RESOLVED, "Wages paid."
    grievance.closed_at = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    grievance.save()
    page = client.post(
        "/status/grievances/follow/", {"receipt": grievance.receipt, "date_of_birth": BIRTH}
    ).content.decode()
    assert "Closed on" in page and "20 November 2026" in page
    assert "Answer expected by" not in page and "Decision expected by" not in page


def test_grievance_page_with_empty_description_shows_the_error_and_stores_nothing(client, case):
    response = client.post(
        "/status/grievances/",
        {
            "reference": case.reference,
            "date_of_birth": BIRTH,
            "category": "wages",
            "description": "",
        },
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Grievance.objects.exists()


def test_status_page_speaks_hindi(client, case):
    client.cookies["django_language"] = "hi"
    response = client.post("/status/", {"reference": case.reference, "date_of_birth": BIRTH})
    page = response.content.decode()
    assert 'lang="hi"' in page
    assert "अनुबंध पर हस्ताक्षर हो गए" in page
