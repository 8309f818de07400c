"""A grievance an official calls resolved closes only on the worker's yes on /status/ (page or
API), or after GRIEVANCE_SILENCE_DAYS of the worker's silence by an official with a reason; the
worker's "not resolved" reopens it one level up."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from compliance.grievances.services import close_after_silence
from mobility.access import actor_for
from mobility.errors import MoveNotAllowed
from tests import factories
from tests.workers.status_fixtures import *  # noqa: F403
from tests.workers.status_fixtures import BIRTH
from workers.status.throttles import StatusThrottle

pytestmark = pytest.mark.django_db
ANSWER = "/api/v1/status/grievances/answer/"


@pytest.fixture
def proposed(case, world):
    """A wage grievance on the worker's case that an official proposed resolved two days ago,
    telling the worker what was done."""
    now = timezone.now()
    return factories.GrievanceFactory(
        placement=case,
        filed_days_ago=10,
        status="proposed_resolved",
        assignee=world.official,
        acknowledged_at=now - timedelta(days=9),
        proposed_at=now - timedelta(days=2),
        outcome="Your employer has paid what you were owed.",
    )


def answer(api, grievance, value, **overrides):
    body = {
        "reference": grievance.placement.reference,
        "date_of_birth": str(BIRTH),
        "receipt": grievance.receipt,
        "answer": value,
        **overrides,
    }
    return api.post(ANSWER, body, format="json")


def test_the_officials_resolve_asks_the_worker_on_the_case_page(api, world, case):
    grievance = factories.GrievanceFactory(placement=case)
    response = api.as_user(world.official).post(
        f"/api/v1/grievances/{grievance.pk}/resolve/",
        {"standard_outcome": "wages_paid"},
        format="json",
    )
    assert response.data["status"] == "proposed_resolved"
    assert response.data["closed_at"] is None
    page = Client().post("/status/", {"reference": case.reference, "date_of_birth": str(BIRTH)})
    html = page.content.decode()
    assert "Resolved? Please tell us" in html
    assert "An official says your problem is resolved. Is it?" in html
    assert 'name="answer" value="resolved"' in html


def test_the_workers_yes_on_the_page_closes_it(proposed):
    page = Client().post(
        "/status/grievances/answer/",
        {
            "reference": proposed.placement.reference,
            "date_of_birth": str(BIRTH),
            "receipt": proposed.receipt,
            "answer": "resolved",
        },
    )
    assert page.status_code == 200
    assert (
        f"Thank you. Complaint {proposed.receipt} is closed as resolved." in page.content.decode()
    )
    proposed.refresh_from_db()
    assert (proposed.status, proposed.worker_answer) == ("resolved", "resolved")
    assert proposed.closed_at is not None


def test_the_workers_yes_through_the_api_closes_it(api, proposed):
    response = answer(api, proposed, "resolved")
    assert response.status_code == 200
    assert response.json()["status"] == "resolved"
    assert response.json()["awaiting_answer"] is False
    # Answered once, it is not waiting any more.
    again = answer(api, proposed, "not_resolved")
    assert again.status_code == 409
    assert again.json()["detail"] == "This complaint is not waiting for your answer."
    proposed.refresh_from_db()
    assert proposed.status == "resolved"


def test_not_resolved_reopens_it_one_level_up_with_new_clocks(
    api, proposed, django_capture_on_commit_callbacks, mailoutbox
):
    supervisor = factories.official_user(rank="supervisor", email="sup@example.org")
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        response = answer(api, proposed, "not_resolved")
    assert response.status_code == 200
    assert response.json()["status"] == "investigating"
    proposed.refresh_from_db()
    assert (proposed.status, proposed.level) == ("investigating", 2)
    assert proposed.escalation_reason == "worker_not_resolved"
    assert proposed.proposed_at is None and proposed.closed_at is None
    assert timedelta(days=30) <= proposed.resolution_due - before < timedelta(days=30, minutes=1)
    assert [message.to for message in mailoutbox] == [[supervisor.email]]
    # Now the supervisors' to handle, not the regional official's.
    url = f"/api/v1/grievances/{proposed.pk}/resolve/"
    assert api.as_user(proposed.assignee).post(url, {"outcome": "x"}).status_code == 404


def test_a_wrong_date_of_birth_or_receipt_gets_the_same_404_and_changes_nothing(api, proposed):
    wrong_birth = answer(api, proposed, "resolved", date_of_birth="1990-01-01")
    wrong_receipt = answer(api, proposed, "resolved", receipt="GRV-0000-0000")
    assert wrong_birth.status_code == wrong_receipt.status_code == 404
    assert wrong_birth.json() == wrong_receipt.json()
    proposed.refresh_from_db()
    assert proposed.status == "proposed_resolved"


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"answer": "maybe"}, "answer"),
        ({"answer": ""}, "answer"),
        ({"date_of_birth": "09/03/1994"}, "date_of_birth"),
        ({"receipt": ""}, "receipt"),
        ({"reference": "x" * 41}, "reference"),
    ],
)
def test_bad_answers_are_refused_with_the_field_named(api, proposed, overrides, field):
    response = answer(api, proposed, "resolved", **overrides)
    assert response.status_code == 400
    assert field in response.json()
    proposed.refresh_from_db()
    assert proposed.status == "proposed_resolved"


def test_a_grievance_not_proposed_cannot_be_answered(api, case):
    grievance = factories.GrievanceFactory(placement=case)
    response = answer(api, grievance, "resolved")
    assert response.status_code == 409
    grievance.refresh_from_db()
    assert grievance.status == "received"


def test_a_bad_answer_on_the_page_says_so_and_changes_nothing(proposed):
    page = Client().post(
        "/status/grievances/answer/",
        {
            "reference": proposed.placement.reference,
            "date_of_birth": str(BIRTH),
            "receipt": proposed.receipt,
            "answer": "perhaps",
        },
    )
    assert page.status_code == 400
    assert "Choose yes or no." in page.content.decode()
    proposed.refresh_from_db()
    assert proposed.status == "proposed_resolved"


def test_answering_is_rate_limited_like_the_lookup(api, proposed, monkeypatch):
    monkeypatch.setattr(
        StatusThrottle,
        "THROTTLE_RATES",
        {**StatusThrottle.THROTTLE_RATES, "status_reference": "2/min"},
    )
    for _ in range(2):
        assert answer(api, proposed, "resolved", date_of_birth="1990-01-01").status_code == 404
    assert answer(api, proposed, "resolved").status_code == 429
    proposed.refresh_from_db()
    assert proposed.status == "proposed_resolved"


def test_an_official_closes_after_the_silence_only_with_a_reason(api, world, proposed, settings):
    settings.GRIEVANCE_SILENCE_DAYS = 7
    url = f"/api/v1/grievances/{proposed.pk}/close/"
    client = api.as_user(world.official)
    early = client.post(url, {"reason": "The worker does not answer the phone."})
    assert early.status_code == 409
    assert early.json()["detail"].startswith("The worker has until ")
    proposed.refresh_from_db()
    assert proposed.status == "proposed_resolved"
    # The silence ends seven days after the proposal: exactly then it may close.
    ends = proposed.proposed_at + timedelta(days=7)
    actor = actor_for(world.official)
    with pytest.raises(MoveNotAllowed):
        close_after_silence(
            actor=actor, grievance_id=proposed.pk, reason="x", now=ends - timedelta(minutes=1)
        )
    type(proposed).objects.filter(pk=proposed.pk).update(
        proposed_at=timezone.now() - timedelta(days=7, minutes=1)
    )
    missing = client.post(url, {"reason": "  "})
    assert missing.status_code == 400
    assert missing.json() == {"reason": ["This field may not be blank."]}
    closed = client.post(url, {"reason": "The worker does not answer the phone."})
    assert closed.status_code == 200
    assert closed.data["status"] == "resolved"
    assert closed.data["close_reason"] == "The worker does not answer the phone."
    assert closed.data["worker_answer"] == ""


def test_only_a_proposed_resolution_closes_after_silence(api, world, case):
    grievance = factories.GrievanceFactory(placement=case, filed_days_ago=20)
    url = f"/api/v1/grievances/{grievance.pk}/close/"
    assert api.as_user(world.official).post(url, {"reason": "x"}).status_code == 409


def test_the_silence_close_on_the_page_needs_a_reason(world, proposed):
    type(proposed).objects.filter(pk=proposed.pk).update(
        proposed_at=timezone.now() - timedelta(days=8)
    )
    client = Client()
    client.force_login(world.official)
    url = f"/officials/grievances/{proposed.pk}/"
    assert "Close as resolved" in client.get(url).content.decode()
    refused = client.post(url, {"move": "close_after_silence", "reason": ""})
    assert refused.status_code == 400
    assert (
        client.post(url, {"move": "close_after_silence", "reason": "No answer."}).status_code == 302
    )
    proposed.refresh_from_db()
    assert (proposed.status, proposed.close_reason) == ("resolved", "No answer.")


def test_the_employer_may_not_close_a_grievance_against_it(api, proposed):
    staff = factories.employer_user(proposed.placement.job_order.employer)
    url = f"/api/v1/grievances/{proposed.pk}/close/"
    assert api.as_user(staff).post(url, {"reason": "x"}).status_code == 403
    proposed.refresh_from_db()
    assert proposed.status == "proposed_resolved"
