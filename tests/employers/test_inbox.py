"""The employer's workspace opens on what waits for it: candidates to decide (one or several,
with one confirmation), contracts to sign, arrivals to confirm, wage reports due, open
findings; each count links to the list it counts, and employer A never sees employer B's."""

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from compliance.evidence.selectors import wage_reports_due
from tests.factories import FindingFactory, PlacementFactory, WageReportFactory, today
from tests.queries import max_queries
from workers.models import CaseEvent, PlacementStatus
from workers.placements.selectors import candidates_waiting

pytestmark = pytest.mark.django_db

S = PlacementStatus


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def submitted(world, days_ago: int, *, peer: bool = False):
    """A case submitted `days_ago` days ago, its timeline saying so."""
    case = world.case(S.SUBMITTED, peer=peer)
    event = CaseEvent.objects.create(placement=case, from_status=S.DRAFT, to_status=S.SUBMITTED)
    CaseEvent.objects.filter(pk=event.pk).update(at=timezone.now() - timedelta(days=days_ago))
    return case


def names_in(html: str, cases) -> list[str]:
    """The workers of `cases` in the order the page shows them."""
    found = [(html.find(case.worker.full_name), case.worker.full_name) for case in cases]
    return [name for position, name in sorted(found) if position >= 0]


def test_the_workspace_opens_on_the_employers_candidates_oldest_first(world):
    newer, older = submitted(world, 1), submitted(world, 5)
    peers = submitted(world, 9, peer=True)
    accepted = world.case(S.ACCEPTED)
    html = signed_in(world.employer_a_user).get("/employer/").content.decode()
    assert html.index("Candidates waiting for you") < html.index("Job orders")
    assert names_in(html, [newer, older]) == [older.worker.full_name, newer.worker.full_name]
    assert peers.worker.full_name not in html
    candidates = html[html.index("Candidates waiting for you") : html.index("Contracts to sign")]
    assert accepted.worker.full_name not in candidates
    assert '<a class="queue-count" href="/employer/candidates/"' in candidates
    assert re.search(r'href="/employer/candidates/"[^>]*>2</a>', candidates)


def test_employer_b_sees_none_of_employer_as_candidates(world):
    case = submitted(world, 2)
    for url in ("/employer/", "/employer/candidates/"):
        html = signed_in(world.employer_b_user).get(url).content.decode()
        assert case.worker.full_name not in html
    assert "No candidates are waiting for a decision" in html


def test_the_inbox_costs_the_same_queries_for_one_candidate_as_for_many(world):
    client = signed_in(world.employer_a_user)
    submitted(world, 1)
    world.case(S.ACCEPTED)
    world.case(S.DEPARTED)
    FindingFactory(placement=world.case(S.EMPLOYED))
    client.get("/employer/")
    with max_queries(30) as few:
        client.get("/employer/")
    for days in range(2, 8):
        submitted(world, days)
        world.case(S.ACCEPTED)
        world.case(S.DEPARTED)
        FindingFactory(placement=world.case(S.EMPLOYED))
    with max_queries(len(few), compared_with=few):
        client.get("/employer/")


def test_accepting_one_candidate_asks_once_then_accepts_only_that_one(world):
    chosen, other = submitted(world, 3), submitted(world, 2)
    client = signed_in(world.employer_a_user)
    asked = client.post("/employer/candidates/decide/", {"accept": chosen.pk, "back": "/employer/"})
    html = asked.content.decode()
    assert asked.status_code == 200 and "Accept this candidate?" in html
    assert chosen.worker.full_name in html and other.worker.full_name not in html
    chosen.refresh_from_db()
    assert chosen.status == S.SUBMITTED
    done = client.post(
        "/employer/candidates/decide/",
        {"accept": chosen.pk, "back": "/employer/", "confirm": "yes"},
        follow=True,
    )
    chosen.refresh_from_db()
    other.refresh_from_db()
    assert (chosen.status, other.status) == (S.ACCEPTED, S.SUBMITTED)
    assert f"Accepted: {chosen.worker.full_name} ({chosen.reference})." in done.content.decode()
    assert chosen.timeline.filter(to_status=S.ACCEPTED).count() == 1


def test_rejecting_the_selected_asks_the_reason_on_the_one_confirmation(world):
    first, second = submitted(world, 3), submitted(world, 2)
    client = signed_in(world.employer_a_user)
    body = {"reject": "selected", "case": [first.pk, second.pk], "back": "/employer/"}
    asked = client.post("/employer/candidates/decide/", body).content.decode()
    assert "Reject these 2 candidates?" in asked and 'name="reason"' in asked
    assert first.worker.full_name in asked and second.worker.full_name in asked
    refused = client.post("/employer/candidates/decide/", {**body, "confirm": "yes"})
    assert refused.status_code == 400 and "This field is required." in refused.content.decode()
    assert set(first.worker.placements.values_list("status", flat=True)) == {S.SUBMITTED}
    client.post(
        "/employer/candidates/decide/",
        {**body, "confirm": "yes", "reason": "No welders needed.", "note": "Site B closed."},
    )
    for case in (first, second):
        case.refresh_from_db()
        assert (case.status, case.termination_reason) == (S.REJECTED, "No welders needed.")
        assert case.timeline.get(to_status=S.REJECTED).note == "Site B closed."


def test_a_candidate_already_decided_is_named_and_the_others_still_accepted(world):
    waiting = submitted(world, 3)
    decided = world.case(S.ACCEPTED)
    response = signed_in(world.employer_a_user).post(
        "/employer/candidates/decide/",
        {"accept": "selected", "case": [waiting.pk, decided.pk], "confirm": "yes"},
        follow=True,
    )
    html = response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == S.ACCEPTED
    assert f"Accepted: {waiting.worker.full_name} ({waiting.reference})." in html
    assert f"{decided.worker.full_name} ({decided.reference}) was not moved" in html
    assert "cannot move to" in html


def test_nothing_ticked_or_another_employers_case_decides_nothing(world):
    peer = submitted(world, 2, peer=True)
    client = signed_in(world.employer_a_user)
    for body in ({"accept": "selected"}, {"accept": peer.pk, "confirm": "yes"}):
        response = client.post("/employer/candidates/decide/", body, follow=True)
        assert "Tick at least one candidate first." in response.content.decode()
    peer.refresh_from_db()
    assert peer.status == S.SUBMITTED


def test_a_decision_posted_without_confirmation_moves_nothing(world):
    case = submitted(world, 1)
    signed_in(world.employer_a_user).post("/employer/candidates/decide/", {"accept": case.pk})
    case.refresh_from_db()
    assert case.status == S.SUBMITTED


def test_contracts_and_arrivals_count_what_their_lists_show(world):
    accepted = [world.case(S.ACCEPTED) for _ in range(2)]
    departed = world.case(S.DEPARTED)
    world.case(S.ACCEPTED, peer=True)
    client = signed_in(world.employer_a_user)
    html = client.get("/employer/").content.decode()
    assert re.search(r'href="/employer/contracts/"[^>]*>2</a>', html)
    assert re.search(r'href="/employer/arrivals/"[^>]*>1</a>', html)
    contracts = client.get("/employer/contracts/")
    assert contracts.context["page"].paginator.count == 2
    assert all(case.worker.full_name in contracts.content.decode() for case in accepted)
    arrivals = client.get("/employer/arrivals/").content.decode()
    assert departed.worker.full_name in arrivals and "Confirm the arrival" in arrivals


def test_a_long_queue_shows_ten_and_links_to_all(world):
    for days in range(12):
        submitted(world, days)
    client = signed_in(world.employer_a_user)
    response = client.get("/employer/")
    html = response.content.decode()
    assert html.count('name="case"') == 10 and "Show all 12" in html
    assert client.get("/employer/candidates/").content.decode().count('name="case"') == 12


def test_wage_reports_due_this_month_are_last_months_missing_ones(world):
    missing = world.case(S.EMPLOYED)
    reported = world.case(S.EMPLOYED)
    last_month = (today().replace(day=1) - timedelta(days=1)).replace(day=1)
    WageReportFactory(placement=reported, month=last_month)
    world.case(S.EMPLOYED, peer=True)
    client = signed_in(world.employer_a_user)
    html = client.get("/employer/").content.decode()
    section = html[html.index("Wage reports due this month") :]
    assert missing.reference in section and reported.reference not in section
    assert re.search(r'href="/employer/wages/due/"[^>]*>1</a>', html)
    listed = client.get("/employer/wages/due/")
    assert listed.context["page"].paginator.count == 1
    assert f"/employer/evidence/{missing.pk}/wages/{last_month:%Y-%m}/" in listed.content.decode()


def test_open_findings_count_equals_the_list_it_links_to(world):
    mine = [FindingFactory(placement=world.case(S.EMPLOYED)) for _ in range(3)]
    FindingFactory(placement=world.case(S.EMPLOYED), status="resolved")
    FindingFactory(placement=world.case(S.EMPLOYED, peer=True))
    client = signed_in(world.employer_a_user)
    html = client.get("/employer/").content.decode()
    link = re.search(r'href="(/employer/findings/\?open=true)"[^>]*>(\d+)</a>', html)
    assert link and link.group(2) == "3"
    listed = client.get(link.group(1).replace("&amp;", "&"))
    assert listed.context["page"].paginator.count == len(mine)


def test_empty_queues_say_so_in_words(world):
    html = signed_in(world.employer_a_user).get("/employer/").content.decode()
    for words in (
        "No candidates are waiting for a decision",
        "No contract is waiting to be signed",
        "No worker is on the way",
        "No wage report is due",
        "No finding is open",
    ):
        assert words in html


@pytest.mark.parametrize("url", ["/employer/candidates/", "/employer/wages/due/"])
def test_the_employers_lists_are_404_for_other_roles(world, url):
    for user in (world.agency_a_user, world.official):
        assert signed_in(user).get(url).status_code == 404


def test_a_pending_case_is_kept_out_of_the_candidates_unless_submitted(world):
    PlacementFactory(job_order=world.job_a, status=S.DRAFT)
    html = signed_in(world.employer_a_user).get("/employer/candidates/").content.decode()
    assert "No candidates are waiting for a decision" in html


def test_the_candidates_selector_keeps_each_role_to_its_scope(world):
    moscow, petersburg = submitted(world, 2), submitted(world, 3, peer=True)
    seen = {
        user: set(candidates_waiting(user))
        for user in (
            world.employer_a_user,
            world.employer_b_user,
            world.agency_a_user,
            world.official_mow,
        )
    }
    assert seen[world.employer_a_user] == {moscow}
    assert seen[world.employer_b_user] == {petersburg}
    assert seen[world.agency_a_user] == {moscow}
    assert seen[world.official_mow] == {moscow}
    assert set(candidates_waiting(world.official)) == {moscow, petersburg}


def test_a_decision_returns_only_to_a_page_of_this_site(world):
    case = submitted(world, 1)
    response = signed_in(world.employer_a_user).post(
        "/employer/candidates/decide/",
        {"accept": case.pk, "confirm": "yes", "back": "https://elsewhere.example/"},
    )
    assert response.status_code == 302 and response.url == "/employer/"


def employed_since(world, start, **fields):
    return PlacementFactory(
        job_order=world.job_a,
        employed=True,
        arrived_on=start - timedelta(days=7),
        **fields,
    )


def test_a_wage_report_is_due_for_each_case_that_worked_last_month(world):
    on = date(2026, 12, 20)
    working = employed_since(world, date(2026, 3, 1))
    started_this_month = employed_since(world, date(2026, 12, 1))
    ended_last_month = employed_since(
        world, date(2026, 3, 1), status=S.COMPLETED, end_date=date(2026, 11, 1)
    )
    employed_since(world, date(2026, 3, 1), status=S.COMPLETED, end_date=date(2026, 10, 31))
    due = wage_reports_due(world.employer_a_user, today=on)
    assert (due.month, due.due_on, due.overdue) == (date(2026, 11, 1), on, False)
    assert set(due.cases) == {working, ended_last_month}
    assert started_this_month not in set(due.cases)
    assert wage_reports_due(world.employer_a_user, today=on + timedelta(days=1)).overdue
    assert not wage_reports_due(world.employer_b_user, today=on).cases.exists()
