"""The case page lists the messages about the case, each with its status, attempts and times in
the reader's zone: officials all of them; agency and employer staff what their own people and
the worker were told, never the worker's grievance news."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mobility.notifications import services
from mobility.notifications.events import Event
from workers.models import PlacementStatus

pytestmark = pytest.mark.django_db


def _messages(world, placement) -> None:
    worker = placement.worker
    ref = {"reference": placement.reference, "url": "/x/"}
    services.notify(
        Event.CASE_MOVED, worker, {**ref, "message": "Accepted"}, key="e1", case_id=placement.pk
    )
    services.notify(
        Event.GRIEVANCE_ACKNOWLEDGED,
        worker,
        {"receipt": "GRV-1", "url": "/x/"},
        key="g1",
        case_id=placement.pk,
    )
    for user in (world.employer_a_user, world.agency_a_user):
        user.email = f"{user.username}@example.org"
        user.save()
    services.notify(
        Event.NEW_CANDIDATE,
        world.employer_a_user,
        {**ref, "job": "Mason"},
        key="e1",
        case_id=placement.pk,
    )
    services.save_settings(
        user=world.agency_a_user, language="en", deliveries={"case_moved": "now"}
    )
    world.agency_a_user.refresh_from_db()
    services.notify(
        Event.CASE_MOVED,
        world.agency_a_user,
        {**ref, "from_status": "Draft", "status": "Submitted"},
        key="e1",
        case_id=placement.pk,
    )


def _listed(client, user, placement) -> list[str]:
    client.force_login(user)
    response = client.get(f"/cases/{placement.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    table = (
        html.split('id="notification-list"')[1].split("</table>")[0]
        if "notification-list" in html
        else ""
    )
    return sorted(re.findall(r'data-event="([a-z_]+)"', table))


def test_officials_see_every_message_about_the_case(client, world):
    placement = world.case(PlacementStatus.SUBMITTED)
    _messages(world, placement)
    every = ["case_moved", "case_moved", "grievance_acknowledged", "new_candidate"]
    assert _listed(client, world.official, placement) == every
    assert _listed(client, world.official_mow, placement) == every


def test_the_agency_sees_its_own_and_the_workers_messages_but_no_grievance_news(client, world):
    placement = world.case(PlacementStatus.SUBMITTED)
    _messages(world, placement)
    assert _listed(client, world.agency_a_user, placement) == ["case_moved", "case_moved"]


def test_the_employer_sees_its_own_and_the_workers_messages_but_no_grievance_news(client, world):
    placement = world.case(PlacementStatus.SUBMITTED)
    _messages(world, placement)
    assert _listed(client, world.employer_a_user, placement) == ["case_moved", "new_candidate"]


def test_peers_do_not_find_the_case_or_its_messages(client, world):
    placement = world.case(PlacementStatus.SUBMITTED)
    _messages(world, placement)
    for peer in (world.agency_b_user, world.employer_b_user):
        client.force_login(peer)
        assert client.get(f"/cases/{placement.pk}/").status_code == 404


def test_a_message_shows_its_status_attempts_error_and_time_in_the_readers_zone(client, world):
    placement = world.case(PlacementStatus.SUBMITTED)
    _messages(world, placement)
    from mobility.notifications.models import Notification

    failed = Notification.objects.get(key__startswith="e1:sms")
    failed.status, failed.attempts, failed.last_error = "failed", 5, "SMS gateway answered 500"
    failed.save()
    client.force_login(world.agency_a_user)
    html = client.get(f"/cases/{placement.pk}/").content.decode()
    row = re.search(r'<tr data-status="failed" data-event="case_moved">(.*?)</tr>', html, re.S)
    assert row, html
    assert "Failed" in row[1] and "SMS gateway answered 500" in row[1] and "<td>5</td>" in row[1]
    # Agency staff read times in India time; an employer in Moscow time.
    assert "(India time)" in row[1]
    client.force_login(world.employer_a_user)
    assert "(Moscow time)" in client.get(f"/cases/{placement.pk}/").content.decode()


def test_the_case_page_asks_the_same_queries_for_many_messages(
    client, world, django_assert_max_num_queries
):
    placement = world.case(PlacementStatus.SUBMITTED)
    _messages(world, placement)
    client.force_login(world.official)
    with CaptureQueriesContext(connection) as few:
        client.get(f"/cases/{placement.pk}/")
    for number in range(30):
        services.notify(
            Event.CASE_MOVED,
            placement.worker,
            {"reference": placement.reference, "message": "Moved"},
            key=f"more{number}",
            case_id=placement.pk,
        )
    with django_assert_max_num_queries(len(few)):
        html = client.get(f"/cases/{placement.pk}/").content.decode()
    assert html.count('data-event="case_moved"') == 32
