"""Staff choose on their profile page, per kind of news, an e-mail now, the daily digest, or
nothing; the digest gathers the day's items into one e-mail; messages come in the language
each chose (Russian by default on the Russian side)."""

import re

import pytest

from mobility.access import actor_for
from mobility.notifications import services
from mobility.notifications.events import Event
from mobility.notifications.models import Notification, NotificationSettings
from tests import factories
from workers.models import PlacementStatus
from workers.placements import services as placements

pytestmark = pytest.mark.django_db


def _candidate(user, number: int):
    return services.notify(
        Event.NEW_CANDIDATE,
        user,
        {"reference": f"IN-{number}", "job": "Mason", "url": f"http://site/cases/{number}/"},
        key=f"case-event:{number}",
        case_id=number,
    )


def _choose(user, **deliveries):
    services.save_settings(user=user, language="en", deliveries=deliveries)
    user.refresh_from_db()


@pytest.fixture
def hr(world):
    user = world.employer_a_user
    user.email = "hr@employer-a.example"
    user.save()
    return user


def test_e_mail_now_sends_at_once(hr, mailoutbox, django_capture_on_commit_callbacks):
    _choose(hr, new_candidate="now")
    with django_capture_on_commit_callbacks(execute=True):
        _candidate(hr, 1)
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["hr@employer-a.example"], "New candidate IN-1 for Mason")
    ]
    assert "http://site/cases/1/" in mailoutbox[0].body


def test_off_sends_nothing_and_records_nothing(hr, mailoutbox, django_capture_on_commit_callbacks):
    _choose(hr, new_candidate="off")
    with django_capture_on_commit_callbacks(execute=True):
        assert _candidate(hr, 1) is None
    assert mailoutbox == []
    assert not Notification.objects.exists()


def test_the_digest_gathers_the_days_items_into_one_e_mail(
    hr, mailoutbox, django_capture_on_commit_callbacks
):
    _choose(hr, new_candidate="digest")
    with django_capture_on_commit_callbacks(execute=True):
        _candidate(hr, 1)
        _candidate(hr, 2)
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_digests() == 1
        # The job run again the same day sends no second digest.
        assert services.send_digests() == 0
    assert len(mailoutbox) == 1
    digest = mailoutbox[0]
    assert digest.to == ["hr@employer-a.example"]
    assert digest.subject.startswith("Mobility: 2 updates of ")
    assert "New candidate IN-1 for Mason" in digest.body
    assert "New candidate IN-2 for Mason" in digest.body
    items = Notification.objects.filter(event=Event.NEW_CANDIDATE)
    assert {(item.status, item.in_digest) for item in items} == {("sent", True)}
    assert Notification.objects.get(event=Event.DIGEST).items.count() == 2


def test_items_after_the_digest_wait_for_the_next_days(
    hr, mailoutbox, django_capture_on_commit_callbacks
):
    _choose(hr, new_candidate="digest")
    _candidate(hr, 1)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_digests()
    _candidate(hr, 2)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_digests()
    assert len(mailoutbox) == 1
    assert Notification.objects.get(key__startswith="case-event:2").status == "queued"


def test_each_person_gets_a_digest_of_their_own_items_only(
    world, hr, mailoutbox, django_capture_on_commit_callbacks
):
    colleague = factories.employer_user(world.employer_a, email="boss@employer-a.example")
    _choose(hr, new_candidate="digest")
    _choose(colleague, new_candidate="digest")
    _candidate(hr, 1)
    _candidate(colleague, 2)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_digests() == 2
    bodies = {message.to[0]: message.body for message in mailoutbox}
    assert "IN-1" in bodies["hr@employer-a.example"]
    assert "IN-2" not in bodies["hr@employer-a.example"]
    assert "IN-2" in bodies["boss@employer-a.example"]


def test_without_a_choice_new_candidates_come_at_once_and_moves_in_the_digest(world, hr):
    placement = world.case(PlacementStatus.SUBMITTED)
    world.agency_a_user.email = "desk@agency-a.example"
    world.agency_a_user.save()
    placements.transition_placement(
        actor=actor_for(hr), placement_id=placement.pk, to=PlacementStatus.ACCEPTED, data={}
    )
    from workers.placements.notifications import notify_move

    event = placement.timeline.get(to_status=PlacementStatus.ACCEPTED)
    notify_move(event.pk)
    told = Notification.objects.filter(case_id=placement.pk, channel="email")
    # The employer made the move; only the agency hears of it, in its digest.
    assert [(n.user_id, n.event, n.in_digest) for n in told] == [
        (world.agency_a_user.pk, Event.CASE_MOVED, True)
    ]
    assert told[0].subject == f"Case {placement.reference}: Accepted by the employer"


def test_russian_side_staff_read_russian_until_they_choose(world, hr):
    assert services.language_for(hr) == "ru"
    assert services.language_for(world.official) == "ru"
    assert services.language_for(world.official_in) == "en"
    assert services.language_for(world.agency_a_user) == "en"
    services.save_settings(user=hr, language="hi", deliveries={})
    hr.refresh_from_db()
    assert _candidate(hr, 1).language == "hi"


def test_the_profile_page_shows_the_choices_of_the_role(client, world):
    client.force_login(world.employer_a_user)
    html = client.get("/profile/").content.decode()
    for event in ("new_candidate", "case_moved", "finding_opened", "wage_reports_due"):
        assert f'data-event="{event}"' in html
    assert 'data-event="grievance_clock"' not in html
    assert 'name="new_candidate" value="now"' in html
    client.force_login(world.official)
    html = client.get("/profile/").content.decode()
    assert 'data-event="grievance_clock"' in html
    assert 'data-event="new_candidate"' not in html


def test_staff_save_their_choices_on_the_profile_page(client, world):
    client.force_login(world.agency_a_user)
    response = client.post(
        "/profile/", {"language": "hi", "case_moved": "off", "finding_opened": "now"}
    )
    assert response.status_code == 302
    chosen = NotificationSettings.objects.get(user=world.agency_a_user)
    assert (chosen.language, chosen.deliveries) == (
        "hi",
        {"case_moved": "off", "finding_opened": "now"},
    )
    html = client.get("/profile/").content.decode()
    assert re.search(r'name="case_moved" value="off"[^>]*checked', html)
    assert re.search(r'name="finding_opened" value="now"[^>]*checked', html)


@pytest.mark.parametrize(
    "body",
    [
        {"language": "de", "case_moved": "now", "finding_opened": "now"},
        {"language": "en", "case_moved": "sometimes", "finding_opened": "now"},
        {"language": "en", "finding_opened": "now"},
    ],
)
def test_a_wrong_choice_is_refused_and_changes_nothing(client, world, body):
    client.force_login(world.agency_a_user)
    response = client.post("/profile/", body)
    assert response.status_code == 400
    assert 'class="errors"' in response.content.decode()
    assert not NotificationSettings.objects.exists()


def test_the_profile_page_asks_strangers_to_sign_in_and_is_linked_from_the_menu(client, world):
    assert client.get("/profile/").status_code == 302
    client.force_login(factories.UserFactory())
    assert client.get("/profile/").status_code == 404
    client.force_login(world.employer_a_user)
    assert 'href="/profile/"' in client.get("/employer/").content.decode()


def test_staff_hear_of_findings_on_their_own_cases_once(world, hr):
    from datetime import timedelta

    from django.utils import timezone

    from compliance.findings.notifications import tell_new_findings

    world.agency_a_user.email = "desk@agency-a.example"
    world.agency_a_user.save()
    world.employer_b_user.email = "hr@employer-b.example"
    world.employer_b_user.save()
    old = factories.FindingFactory(placement=world.case(PlacementStatus.EMPLOYED))
    start = timezone.now()
    # The first run only sets its mark: what was found before is not news.
    assert tell_new_findings(start) == 0
    case = world.case(PlacementStatus.EMPLOYED)
    finding = factories.FindingFactory(
        placement=case, first_detected_at=start + timedelta(minutes=1)
    )
    later = start + timedelta(minutes=5)
    assert tell_new_findings(later) == 2
    assert tell_new_findings(later + timedelta(minutes=5)) == 0
    told = Notification.objects.filter(event=Event.FINDING_OPENED).order_by("user_id")
    assert [(n.user_id, n.case_id, n.language) for n in told] == sorted(
        [(world.agency_a_user.pk, case.pk, "en"), (hr.pk, case.pk, "ru")]
    )
    assert all(n.in_digest for n in told)
    assert all(f"/findings/{finding.pk}/" in n.text for n in told)
    assert not Notification.objects.filter(case_id=old.placement_id).exists()
