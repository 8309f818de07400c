"""The officials' queues show each grievance's clock in colour and in words (red overdue, amber
past 75 % of its clock, green before), the most urgent first; and from level 2 on a grievance
is its side's supervisors' (then head's) to handle, not the other side's."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mobility.models import Side
from tests import factories
from tests.queries import max_queries
from tests.world import S

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def at_share(world, share: float, clock_days: int = 3, **fields):
    """An unacknowledged grievance whose acknowledgement clock of `clock_days` is `share` used
    up now."""
    now = timezone.now()
    since = now - timedelta(days=clock_days) * share
    return factories.GrievanceFactory(
        placement=world.case(S.EMPLOYED),
        created_at=since,
        acknowledgement_due=since + timedelta(days=clock_days),
        resolution_due=since + timedelta(days=30),
        **fields,
    )


def clock_of(html: str, grievance) -> str:
    """The clock's state and words on the row of `grievance`."""
    row = html[html.index(grievance.receipt) :]
    match = re.search(r'class="clock clock-(\w+)" data-clock="(\w+)">([^<]+)<', row)
    return match.group(1), match.group(3)


def test_the_list_shows_green_at_74_and_amber_at_76_percent_in_words(world):
    green = at_share(world, 0.74)
    amber = at_share(world, 0.76)
    red = at_share(world, 1.01)
    html = signed_in(world.official).get("/officials/grievances/").content.decode()
    assert clock_of(html, green) == ("green", "On time")
    assert clock_of(html, amber) == ("amber", "Due soon")
    assert clock_of(html, red) == ("red", "Overdue")


def test_the_workspace_queue_sorts_by_the_share_of_the_clock_used(world):
    # A one-day clock 90 % gone is more urgent than a three-day one 80 % gone, though the
    # latter's deadline is the later one; the overdue come first.
    short = at_share(world, 0.9, clock_days=1, category="abuse")
    long = at_share(world, 0.8)
    late = at_share(world, 1.2)
    calm = at_share(world, 0.1)
    html = signed_in(world.official).get("/officials/").content.decode()
    order = sorted((late, short, long, calm), key=lambda g: html.index(g.receipt))
    assert order == [late, short, long, calm]
    assert clock_of(html, short) == ("amber", "Due soon")
    assert clock_of(html, calm) == ("green", "On time")


def test_a_proposed_resolution_waits_for_the_worker_after_the_clocked_ones(world):
    waiting = at_share(
        world,
        0.5,
        status="proposed_resolved",
        acknowledged_at=timezone.now(),
        proposed_at=timezone.now(),
    )
    calm = at_share(world, 0.1)
    html = signed_in(world.official).get("/officials/").content.decode()
    assert html.index(calm.receipt) < html.index(waiting.receipt)
    assert clock_of(html, waiting) == ("grey", "Waiting for the worker")


def test_the_list_pages_cost_the_same_queries_for_many_rows(world):
    client = signed_in(world.official)
    at_share(world, 0.5)
    client.get("/officials/grievances/")
    client.get("/officials/")
    with max_queries(30) as few_list:
        client.get("/officials/grievances/")
    with max_queries(40) as few_workspace:
        client.get("/officials/")
    for share in (0.1, 0.76, 1.5, 0.3, 0.9):
        at_share(world, share)
    with max_queries(len(few_list)):
        client.get("/officials/grievances/")
    with max_queries(len(few_workspace)):
        client.get("/officials/")


@pytest.fixture
def escalated(world):
    """A wage grievance of the Russian side on a Moscow case, now at the supervisors' level."""
    return factories.GrievanceFactory(placement=world.case(S.EMPLOYED), level=2)


def test_at_level_2_the_sides_supervisors_handle_it_and_the_other_side_does_not(
    api, world, escalated
):
    ru_supervisor = factories.official_user(Side.RUSSIA, rank="supervisor")
    in_supervisor = factories.official_user(Side.INDIA, rank="supervisor")
    ru_head = factories.official_user(Side.RUSSIA, rank="head")
    for user in (ru_supervisor, ru_head):
        assert escalated.receipt in signed_in(user).get("/officials/").content.decode()
    for user in (in_supervisor, world.official):
        assert escalated.receipt not in signed_in(user).get("/officials/").content.decode()
        url = f"/api/v1/grievances/{escalated.pk}/investigate/"
        assert api.as_user(user).post(url).status_code == 404
        page = signed_in(user).post(
            f"/officials/grievances/{escalated.pk}/", {"move": "investigate"}
        )
        assert page.status_code == 404
    escalated.refresh_from_db()
    assert escalated.status == "received"
    response = api.as_user(ru_supervisor).post(f"/api/v1/grievances/{escalated.pk}/investigate/")
    assert response.status_code == 200
    assert response.data["level"] == 2 and response.data["status"] == "investigating"


def test_officials_below_its_level_still_read_it_and_are_told_who_handles_it(world, escalated):
    page = signed_in(world.official).get(f"/officials/grievances/{escalated.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "At this level it is handled by supervising officials." in html
    assert 'value="investigate"' not in html


def test_at_level_3_only_the_sides_head_handles_it(api, world):
    top = factories.GrievanceFactory(placement=world.case(S.EMPLOYED), level=3)
    ru_supervisor = factories.official_user(Side.RUSSIA, rank="supervisor")
    ru_head = factories.official_user(Side.RUSSIA, rank="head")
    in_head = factories.official_user(Side.INDIA, rank="head")
    url = f"/api/v1/grievances/{top.pk}/investigate/"
    assert api.as_user(ru_supervisor).post(url).status_code == 404
    assert api.as_user(in_head).post(url).status_code == 404
    assert api.as_user(ru_head).post(url).status_code == 200


def test_a_grievance_is_handed_only_to_an_official_of_its_level(api, world, escalated):
    ru_supervisor = factories.official_user(Side.RUSSIA, rank="supervisor")
    colleague = factories.official_user(Side.RUSSIA, rank="supervisor")
    url = f"/api/v1/grievances/{escalated.pk}/assign/"
    client = api.as_user(ru_supervisor)
    refused = client.post(url, {"assignee": world.official.pk}, format="json")
    assert refused.status_code == 400
    assert refused.json() == {
        "assignee": ["At this level the grievance is handled by supervising officials only."]
    }
    escalated.refresh_from_db()
    assert escalated.assignee is None
    assert client.post(url, {"assignee": colleague.pk}, format="json").status_code == 200


def test_handed_to_an_indian_official_at_level_1_it_becomes_the_indian_sides(api, world):
    grievance = factories.GrievanceFactory(placement=world.case(S.EMPLOYED))
    url = f"/api/v1/grievances/{grievance.pk}/assign/"
    response = api.as_user(world.official).post(url, {"assignee": world.official_in.pk})
    assert response.status_code == 200
    assert response.data["side"] == "IN"


def test_the_api_says_the_clock_state_and_filters_by_level(api, world, escalated):
    amber = at_share(world, 0.8)
    head = factories.official_user(Side.RUSSIA, rank="head")
    client = api.as_user(head)
    assert client.get(f"/api/v1/grievances/{amber.pk}/").data["clock_state"] == "due_soon"
    rows = client.get("/api/v1/grievances/", {"level": 2}).data["results"]
    assert [row["id"] for row in rows] == [escalated.pk]
    mine = client.get("/api/v1/grievances/", {"handled_by_me": "true"}).data["results"]
    assert {row["id"] for row in mine} == {amber.pk, escalated.pk}
    assert client.get("/api/v1/grievances/", {"level": 4}).status_code == 400
