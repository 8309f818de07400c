"""MADAD's ladder: each grievance category's clocks come from data, and a grievance whose clock
runs out climbs one level by itself (hourly job), once, with an event in its history and an
e-mail to the officials of its new level."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from compliance.grievances.ladder import escalate_overdue
from compliance.grievances.models import GrievanceClock
from compliance.grievances.tasks import escalate_grievances
from mobility.history import history_in_words
from mobility.models import Side
from tests import factories
from tests.workers.status_fixtures import *  # noqa: F403
from tests.workers.status_fixtures import BIRTH
from tests.world import S
from workers.models import Grievance

pytestmark = pytest.mark.django_db
FILE = "/api/v1/status/grievances/"


def file(api, case, category):
    body = {
        "reference": case.reference,
        "date_of_birth": str(BIRTH),
        "category": category,
        "description": "Help.",
    }
    response = api.post(FILE, body, format="json")
    assert response.status_code == 201, response.data
    return Grievance.objects.get(receipt=response.json()["receipt"])


def clocks(grievance) -> tuple[timedelta, timedelta]:
    """How long after its filing each deadline falls."""
    assert abs(grievance.created_at - grievance.level_since) < timedelta(seconds=5)
    return (
        grievance.acknowledgement_due - grievance.level_since,
        grievance.resolution_due - grievance.level_since,
    )


def about(actual: timedelta, days: int) -> bool:
    return actual == timedelta(days=days)


@pytest.mark.parametrize(
    "category, acknowledge, resolve",
    [
        ("abuse", 1, 7),
        ("document_retention", 1, 7),
        ("wages", 3, 30),
        ("unsafe_work", 3, 30),
        ("contract_substitution", 3, 30),
        ("recruitment_fees", 3, 30),
        ("accommodation", 3, 30),
        ("other", 3, 30),
    ],
)
def test_each_category_gets_the_seeded_clocks(api, case, category, acknowledge, resolve):
    acknowledgement, resolution = clocks(file(api, case, category))
    assert about(acknowledgement, acknowledge) and about(resolution, resolve)


def test_a_clock_edited_in_the_admin_applies_to_the_next_grievance_filed(api, case, admin_client):
    clock = GrievanceClock.objects.get(category="accommodation")
    url = f"/admin/compliance/grievanceclock/{clock.pk}/change/"
    assert "Accommodation" in admin_client.get("/admin/compliance/grievanceclock/").content.decode()
    edit = {"acknowledge_within_days": 2, "resolve_within_days": 14, "side": "RU"}
    assert admin_client.post(url, edit).status_code == 302
    refused = admin_client.post(url, {**edit, "resolve_within_days": 1})
    assert refused.status_code == 200  # resolving before acknowledging makes no clock
    acknowledgement, resolution = clocks(file(api, case, "accommodation"))
    assert about(acknowledgement, 2) and about(resolution, 14)


def test_recruitment_fees_are_the_indian_sides_and_wages_the_russian(api, case):
    assert file(api, case, "recruitment_fees").side == "IN"
    assert file(api, case, "wages").side == "RU"


@pytest.fixture
def ladder(world):
    """The Russian side's supervisor and head, with e-mail addresses, and the Indian side's."""
    return {
        "ru_supervisor": factories.official_user(
            Side.RUSSIA, rank="supervisor", email="sup-ru@example.org"
        ),
        "ru_head": factories.official_user(Side.RUSSIA, rank="head", email="head-ru@example.org"),
        "in_supervisor": factories.official_user(
            Side.INDIA, rank="supervisor", email="sup-in@example.org"
        ),
        "in_head": factories.official_user(Side.INDIA, rank="head", email="head-in@example.org"),
    }


@pytest.fixture
def escalate(django_capture_on_commit_callbacks):
    """The hourly job at a fixed moment, with what it does once committed (the e-mails)."""

    def run(now):
        with django_capture_on_commit_callbacks(execute=True):
            return escalate_overdue(now)

    return run


@pytest.fixture
def abuse(world):
    """An abuse grievance on a Moscow case, filed at a fixed moment: acknowledgement due one
    day later, resolution seven."""
    filed = timezone.now().replace(microsecond=0) - timedelta(days=10)
    return factories.GrievanceFactory(
        placement=world.case(S.EMPLOYED),
        category="abuse",
        created_at=filed,
        acknowledgement_due=filed + timedelta(days=1),
        resolution_due=filed + timedelta(days=7),
    )


def test_exactly_at_the_limit_the_grievance_stays_where_it_is(abuse, ladder, escalate):
    assert escalate(abuse.acknowledgement_due) == 0
    abuse.refresh_from_db()
    assert abuse.level == 1
    assert mail.outbox == []


def test_a_minute_after_the_limit_it_climbs_once_however_often_the_job_runs(
    abuse, ladder, escalate
):
    late = abuse.acknowledgement_due + timedelta(minutes=1)
    assert escalate(late) == 1
    for _ in range(3):
        assert escalate(late) == 0
    assert escalate(late + timedelta(minutes=30)) == 0
    abuse.refresh_from_db()
    assert (abuse.level, abuse.escalation_reason) == (2, "acknowledgement_late")
    # The supervisors get whole clocks of their own from the moment it reached them.
    assert abuse.level_since == late
    assert abuse.acknowledgement_due == late + timedelta(days=1)
    assert abuse.resolution_due == late + timedelta(days=7)
    # One e-mail, to the Russian side's supervisor only.
    assert [message.to for message in mail.outbox] == [["sup-ru@example.org"]]
    assert abuse.receipt in mail.outbox[0].subject
    changes = [
        (change["field"], change["from"], change["to"])
        for row in history_in_words(abuse)
        for change in row["changes"]
        if change["field"] in ("Level", "Why it was escalated")
    ]
    assert ("Level", "Regional official", "Supervising officials") in changes
    assert ("Why it was escalated", "—", "Not acknowledged in time") in changes


def test_the_supervisors_clock_running_out_takes_it_to_the_head_and_no_further(
    abuse, ladder, escalate
):
    first = abuse.acknowledgement_due + timedelta(minutes=1)
    escalate(first)
    second = first + timedelta(days=1, minutes=1)
    assert escalate(second) == 1
    abuse.refresh_from_db()
    assert abuse.level == 3
    assert mail.outbox[-1].to == ["head-ru@example.org"]
    assert escalate(second + timedelta(days=30)) == 0
    abuse.refresh_from_db()
    assert abuse.level == 3


def test_an_acknowledged_grievance_climbs_when_its_resolution_clock_runs_out(
    abuse, ladder, escalate
):
    Grievance.objects.filter(pk=abuse.pk).update(
        status="investigating", acknowledged_at=abuse.created_at + timedelta(hours=2)
    )
    assert escalate(abuse.resolution_due) == 0
    assert escalate(abuse.resolution_due + timedelta(minutes=1)) == 1
    abuse.refresh_from_db()
    assert (abuse.level, abuse.escalation_reason) == (2, "resolution_late")
    # The acknowledgement made stays as it was made.
    assert abuse.acknowledgement_due == abuse.created_at + timedelta(days=1)


def test_closed_and_proposed_grievances_do_not_climb(world, abuse, escalate):
    proposed = factories.GrievanceFactory(
        placement=world.case(S.EMPLOYED),
        filed_days_ago=40,
        status="proposed_resolved",
        acknowledged_at=timezone.now() - timedelta(days=39),
        proposed_at=timezone.now() - timedelta(days=20),
    )
    closed = factories.GrievanceFactory(
        placement=world.case(S.EMPLOYED), filed_days_ago=40, status="rejected"
    )
    escalate(timezone.now())
    proposed.refresh_from_db()
    closed.refresh_from_db()
    assert proposed.level == closed.level == 1


def test_the_hourly_job_runs_through_celery(abuse, ladder):
    # Eager in tests (tests/settings.py); the real worker: test_grievance_clocks_worker.py.
    late = (abuse.acknowledgement_due + timedelta(minutes=1)).isoformat()
    assert escalate_grievances.delay(late).get() == 1
    assert escalate_grievances.delay(late).get() == 0
    abuse.refresh_from_db()
    assert abuse.level == 2


def test_the_hourly_job_is_on_the_beat_schedule(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["grievances-escalate"]
    assert entry["task"] == "compliance.grievances.tasks.escalate_grievances"
    assert entry["schedule"].minute == {5}
    assert entry["schedule"].hour == set(range(24))
