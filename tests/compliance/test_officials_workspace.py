"""The officials' workspace (/officials/): open findings and grievances, the soonest due first,
the overdue marked, each count linking to its list; a region-limited official sees only what
is in their regions. Officials land there when they sign in (tests/mobility/test_access.py)."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import FindingFactory, GrievanceFactory
from tests.queries import max_queries
from workers.models import PlacementStatus

pytestmark = pytest.mark.django_db

S = PlacementStatus


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def section(html: str, title: str, end: str | None = None) -> str:
    start = html.index(title)
    return html[start : html.index(end, start) if end else None]


def test_findings_come_soonest_due_first_and_the_overdue_are_marked(world):
    now = timezone.now()
    later = FindingFactory(placement=world.case(S.EMPLOYED), due_at=now + timedelta(days=9))
    late = FindingFactory(
        placement=world.case(S.EMPLOYED), code="WAGE_PAID_LATE", due_at=now - timedelta(days=2)
    )
    FindingFactory(placement=world.case(S.EMPLOYED), status="resolved")
    html = signed_in(world.official).get("/officials/").content.decode()
    findings = section(html, "Open findings by due date", "Grievances to handle")
    assert findings.index(f"/findings/{late.pk}/") < findings.index(f"/findings/{later.pk}/")
    assert findings.count(">overdue<") == 1
    assert re.search(r'href="/officials/findings/\?open=true"[^>]*>2</a>', findings)


def test_grievances_come_most_urgent_first_and_the_overdue_are_marked(world):
    fresh = GrievanceFactory(placement=world.case(S.EMPLOYED), filed_days_ago=0)
    unanswered = GrievanceFactory(placement=world.case(S.EMPLOYED), filed_days_ago=5)
    GrievanceFactory(placement=world.case(S.EMPLOYED), status="resolved")
    client = signed_in(world.official)
    html = client.get("/officials/").content.decode()
    grievances = section(html, "Grievances to handle, most urgent first")
    assert grievances.index(unanswered.receipt) < grievances.index(fresh.receipt)
    assert grievances.count(">Overdue<") == 1
    link = re.search(
        r'href="(/officials/grievances/\?open=true&amp;handled_by_me=true)"[^>]*>(\d+)</a>',
        grievances,
    )
    assert link and link.group(2) == "2"
    assert client.get(link.group(1).replace("&amp;", "&")).context["page"].paginator.count == 2


def test_a_moscow_official_sees_only_moscow_queues(world):
    moscow = GrievanceFactory(placement=world.case(S.EMPLOYED))
    petersburg = GrievanceFactory(placement=world.case(S.EMPLOYED, peer=True))
    html = signed_in(world.official_mow).get("/officials/").content.decode()
    assert moscow.receipt in html and petersburg.receipt not in html


def test_empty_queues_say_so(world):
    html = signed_in(world.official).get("/officials/").content.decode()
    assert "No finding is open." in html and "No grievance is open." in html


def test_the_queues_cost_the_same_queries_for_many_rows(world):
    client = signed_in(world.official)
    FindingFactory(placement=world.case(S.EMPLOYED))
    GrievanceFactory(placement=world.case(S.EMPLOYED))
    client.get("/officials/")
    with max_queries(20) as few:
        client.get("/officials/")
    for _ in range(5):
        FindingFactory(placement=world.case(S.EMPLOYED))
        GrievanceFactory(placement=world.case(S.EMPLOYED))
    with max_queries(len(few), compared_with=few):
        client.get("/officials/")


def test_the_workspace_is_404_for_employers_and_agencies(world):
    for user in (world.employer_a_user, world.agency_a_user):
        assert signed_in(user).get("/officials/").status_code == 404
