"""The worker says, month by month, whether the wage the employer reported reached them: with
the case key only, rate-limited like the status lookup, never telling a stranger anything."""

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from compliance.checks import engine
from compliance.checks.rules import RAISED_BY_PEOPLE, RULES
from compliance.models import Finding, FindingStatus, WageAnswer, WageReport
from compliance.rulebook.catalogue import DATA
from compliance.wage_answers.selectors import wage_months
from tests import factories
from tests.compliance.wage_answer_fixtures import *  # noqa: F403
from tests.compliance.wage_answer_fixtures import (
    ANSWER,
    BIRTH,
    OTHER_BIRTH,
    WAGES,
    answer,
    dispute,
    key,
    report,
)
from workers.models import Grievance, GrievanceStatus
from workers.status.throttles import StatusThrottle

pytestmark = pytest.mark.django_db
RULE = "WAGE_DISPUTED_BY_WORKER"


def months(api, case, born=BIRTH, **kw) -> dict:
    response = api.post(WAGES, key(case, born), format="json", **kw)
    assert response.status_code == 200, response.content
    return {row["month"]: row for row in response.json()["months"]}


def nothing_written():
    return (
        not WageAnswer.objects.exists()
        and not Grievance.objects.exists()
        and not (Finding.objects.filter(rule__code=RULE).exists())
    )


def test_the_worker_reads_every_reported_month_with_its_figures(api, paid_case):
    response = api.post(WAGES, key(paid_case), format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["reference"] == paid_case.reference
    assert [m["month"] for m in body["months"]] == ["2025-11", "2025-10"]
    october = body["months"][1]
    assert october["month_label"] == "October 2025"
    assert october["gross_rub"] == "60000.00"
    assert october["tax_withheld_rub"] == "18000.00"
    assert october["deductions_rub"] == "2000.00"
    assert october["deductions_for"] == [
        "Accommodation, as your job offer says: up to 2,000 RUB a month"
    ]
    assert october["net_paid_rub"] == "40000.00"
    assert october["paid_on"] == "2025-11-05"
    assert october["answer"] == "pending"
    assert october["received_rub"] is None and october["can_change"] is True


def test_deductions_above_the_job_offer_say_by_how_much(api, world, paid_case):
    report(paid_case, date(2025, 12, 1), deductions_rub=Decimal("5000.00"))
    december = months(api, paid_case)["2025-12"]
    assert december["deductions_for"] == [
        "Accommodation, as your job offer says: up to 2,000 RUB a month",
        "3,000 RUB more than your job offer allows",
    ]


def test_the_months_read_in_the_workers_language(api, paid_case):
    october = months(api, paid_case, HTTP_ACCEPT_LANGUAGE="ru")["2025-10"]
    assert october["month_label"] == "Октябрь 2025 г."


def test_a_month_is_pending_for_exactly_14_days_then_not_answered(paid_case):
    reported = WageReport.objects.get(placement=paid_case, month=date(2025, 10, 1)).created_at

    def state(now):
        return {m.month: m.answer for m in wage_months(paid_case.pk, now=now)}[date(2025, 10, 1)]

    assert state(reported + timedelta(days=14)) == "pending"
    assert state(reported + timedelta(days=14, seconds=1)) == "no_answer"


def test_the_api_says_no_answer_after_the_days_set_for_it(api, settings, paid_case):
    WageReport.objects.filter(month=date(2025, 10, 1)).update(
        created_at=timezone.now() - timedelta(days=4)
    )
    assert months(api, paid_case)["2025-10"]["answer"] == "pending"
    settings.WAGE_ANSWER_DAYS = 3
    listed = months(api, paid_case)
    assert listed["2025-10"]["answer"] == "no_answer"
    assert listed["2025-11"]["answer"] == "pending"


def test_a_month_not_answered_in_time_can_still_be_answered(api, paid_case):
    WageReport.objects.update(created_at=timezone.now() - timedelta(days=30))
    assert answer(api, paid_case, answer="confirmed").status_code == 200
    assert months(api, paid_case)["2025-10"]["answer"] == "confirmed"


def test_the_worker_confirms_a_month(api, paid_case):
    response = answer(api, paid_case, answer="confirmed", note="All fine.")
    assert response.status_code == 200, response.content
    assert response.json()["answer"] == "confirmed"
    assert response.json()["note"] == "All fine."
    listed = months(api, paid_case)
    assert listed["2025-10"]["answer"] == "confirmed"
    assert listed["2025-11"]["answer"] == "pending"
    assert not Grievance.objects.exists() and not Finding.objects.filter(rule__code=RULE).exists()


def test_a_dispute_opens_a_finding_and_a_grievance_together(api, world, paid_case):
    response = dispute(api, paid_case, received="25000", note="Cash 25000 only.")
    assert response.status_code == 200, response.content
    assert response.json()["answer"] == "disputed"
    assert response.json()["received_rub"] == "25000.00"
    grievance = Grievance.objects.get()
    assert grievance.placement == paid_case and grievance.category == "wages"
    assert grievance.status == GrievanceStatus.RECEIVED and not grievance.shared_with_employer
    assert "40,000 RUB" in grievance.description and "25,000 RUB" in grievance.description
    assert grievance.description.endswith("Cash 25000 only.")
    finding = Finding.objects.get(rule__code=RULE)
    assert finding.placement == paid_case and finding.period == "2025-10"
    assert finding.employer == world.employer_a and finding.agency == world.agency_a
    assert finding.rule.category == "wages"
    assert finding.severity == "breach" and finding.status == FindingStatus.OPEN
    figures = finding.evidence["figures"]
    assert figures["reported_net_rub"] == "40000.00"
    assert figures["received_rub"] == "25000.00"
    assert figures["difference_rub"] == "15000.00"
    assert figures["receipt"] == grievance.receipt
    assert WageAnswer.objects.get().finding == finding


def test_a_dispute_reads_in_words_on_the_official_finding(api, world, paid_case):
    dispute(api, paid_case, received="25000")
    finding = Finding.objects.get(rule__code=RULE)
    body = api.as_user(world.official).get(f"/api/v1/findings/{finding.pk}/").json()
    assert body["rule_title"] == "Wage disputed by the worker"
    assert body["message"] == (
        "October 2025: Expected 40,000 RUB reaching the worker, as the employer reported; "
        "found the worker says 25,000 RUB arrived, 15,000 RUB less. Labour Code RF art. 136; "
        "Pact grievance mechanism."
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"answer": "disputed"}, "received_rub"),
        ({"answer": "disputed", "received_rub": None}, "received_rub"),
        ({"answer": "disputed", "received_rub": "-1"}, "received_rub"),
        ({"answer": "disputed", "received_rub": "40000"}, "received_rub"),
        ({"answer": "disputed", "received_rub": "many"}, "received_rub"),
        ({"answer": "maybe"}, "answer"),
        ({"answer": "confirmed", "month": "October"}, "month"),
        ({"answer": "confirmed", "month": "2025-13"}, "month"),
        ({"answer": "confirmed", "month": "2025-09"}, "month"),
        ({"answer": "confirmed", "note": "x" * 2001}, "note"),
    ],
)
def test_a_bad_answer_is_refused_and_writes_nothing(api, paid_case, body, field):
    response = api.post(ANSWER, {**key(paid_case), "month": "2025-10", **body}, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert nothing_written()


def test_a_dispute_that_cannot_be_recorded_leaves_no_grievance_behind(api, paid_case):
    """The finding is written after the grievance in the same transaction: when it cannot be
    (here an open finding for the month already exists), the grievance goes too."""
    factories.FindingFactory(code=RULE, placement=paid_case, period="2025-10")
    response = dispute(api, paid_case)
    assert response.status_code == 409
    assert not Grievance.objects.exists() and not WageAnswer.objects.exists()


def test_a_wrong_key_gives_the_lookups_404_and_writes_nothing(api, paid_case):
    lookup = api.post("/api/v1/status/lookup/", key(paid_case, OTHER_BIRTH), format="json")
    stranger = factories.PlacementFactory()
    answers = [
        api.post(WAGES, key(paid_case, OTHER_BIRTH), format="json"),
        api.post(WAGES, key(stranger), format="json"),
        dispute(api, paid_case, born=OTHER_BIRTH),
        dispute(api, stranger),
        api.post(WAGES, {"reference": "no such thing", "date_of_birth": BIRTH.isoformat()}),
    ]
    assert {response.status_code for response in answers} == {404}
    assert {response.content for response in answers} == {lookup.content}
    assert "40000" not in json.dumps([r.json() for r in answers])
    assert nothing_written()


def test_another_cases_worker_cannot_answer_this_case(api, paid_case, peer_case):
    """The peer's worker, with their own date of birth, cannot reach the owner's months; with
    their own key they answer only their own."""
    assert dispute(api, paid_case, born=OTHER_BIRTH).status_code == 404
    assert dispute(api, peer_case, born=OTHER_BIRTH).status_code == 200
    assert months(api, paid_case)["2025-10"]["answer"] == "pending"
    assert Grievance.objects.get().placement == peer_case


def test_answers_are_rate_limited_like_the_status_lookup(api, paid_case, monkeypatch):
    monkeypatch.setattr(
        StatusThrottle,
        "THROTTLE_RATES",
        {**StatusThrottle.THROTTLE_RATES, "status_reference": "2/min"},
    )
    assert api.post(WAGES, key(paid_case), format="json").status_code == 200
    assert dispute(api, paid_case, REMOTE_ADDR="10.3.0.1").status_code == 200
    refused = dispute(api, paid_case, month="2025-11", REMOTE_ADDR="10.3.0.2")
    assert refused.status_code == 429
    assert "Retry-After" in refused
    listed = api.post(WAGES, key(paid_case), format="json", REMOTE_ADDR="10.3.0.3")
    assert listed.status_code == 429
    assert WageAnswer.objects.count() == 1 and Grievance.objects.count() == 1


def test_the_worker_corrects_a_dispute_before_anyone_acted(api, paid_case):
    dispute(api, paid_case, received="25000")
    response = dispute(api, paid_case, received="30000", note="I counted again.")
    assert response.status_code == 200
    finding = Finding.objects.get(rule__code=RULE)
    assert finding.status == FindingStatus.OPEN
    assert finding.evidence["figures"]["difference_rub"] == "10000.00"
    grievance = Grievance.objects.get()
    assert "30,000 RUB" in grievance.description and "I counted again." in grievance.description
    assert months(api, paid_case)["2025-10"]["received_rub"] == "30000.00"


def test_confirming_a_disputed_month_withdraws_the_dispute(api, world, paid_case):
    paid_case.worker.preferred_language = "en"
    paid_case.worker.save()
    dispute(api, paid_case)
    response = answer(api, paid_case, answer="confirmed")
    assert response.status_code == 200
    assert response.json()["answer"] == "confirmed"
    finding = Finding.objects.get(rule__code=RULE)
    assert finding.status == FindingStatus.RESOLVED and finding.closed_by is None
    grievance = Grievance.objects.get()
    assert grievance.status == GrievanceStatus.RESOLVED and grievance.closed_at is not None
    assert grievance.outcome == (
        "You withdrew this complaint: you said the month's wage reached you as shown."
    )
    body = api.as_user(world.official).get(f"/api/v1/findings/{finding.pk}/").json()
    assert body["status"] == "resolved"
    # Disputed again later: a new finding and grievance, the withdrawn ones stay closed.
    assert dispute(api, paid_case).status_code == 200
    assert Finding.objects.filter(rule__code=RULE, status="open").count() == 1
    assert Grievance.objects.filter(status="received").count() == 1


@pytest.mark.parametrize(
    "act",
    [
        lambda f, g: Finding.objects.filter(pk=f.pk).update(status="acknowledged"),
        lambda f, g: Finding.objects.filter(pk=f.pk).update(status="waived", close_reason="x"),
        lambda f, g: Grievance.objects.filter(pk=g.pk).update(status="investigating"),
        lambda f, g: Grievance.objects.filter(pk=g.pk).update(shared_with_employer=True),
        lambda f, g: Grievance.objects.filter(pk=g.pk).update(assignee=factories.official_user()),
    ],
    ids=["acknowledged", "waived", "investigating", "shared", "assigned"],
)
def test_once_an_official_acted_the_answer_stands(api, paid_case, act):
    dispute(api, paid_case, received="25000")
    act(Finding.objects.get(rule__code=RULE), Grievance.objects.get())
    before = (
        list(Finding.objects.values()),
        list(Grievance.objects.values()),
        WageAnswer.objects.count(),
    )
    for refused in (
        answer(api, paid_case, answer="confirmed"),
        dispute(api, paid_case, received="30000"),
    ):
        assert refused.status_code == 409
        assert "no longer be changed" in refused.json()["detail"]
    after = (
        list(Finding.objects.values()),
        list(Grievance.objects.values()),
        WageAnswer.objects.count(),
    )
    assert after == before
    listed = months(api, paid_case)["2025-10"]
    assert listed["answer"] == "disputed" and listed["can_change"] is False


def test_a_confirmed_month_can_still_be_disputed(api, paid_case):
    answer(api, paid_case, answer="confirmed")
    assert dispute(api, paid_case).status_code == 200
    assert months(api, paid_case)["2025-10"]["answer"] == "disputed"
    assert WageAnswer.objects.count() == 2


def test_the_sweep_neither_clears_nor_repeats_a_workers_dispute(api, paid_case):
    dispute(api, paid_case)
    finding = Finding.objects.get(rule__code=RULE)
    engine.run_sweep_now(on=date(2025, 12, 20))
    engine.run_sweep_now(on=timezone.localdate())
    finding.refresh_from_db()
    assert finding.status == FindingStatus.OPEN and finding.close_reason == ""
    assert Finding.objects.filter(rule__code=RULE).count() == 1


def test_every_catalogue_rule_is_swept_or_raised_by_people_never_both():
    codes = {rule["code"] for rule in json.loads((DATA / "rules.json").read_text())["rules"]}
    assert codes == set(RULES) | RAISED_BY_PEOPLE
    assert not set(RULES) & RAISED_BY_PEOPLE


def test_the_months_take_one_query_whatever_their_number(
    api, paid_case, django_assert_max_num_queries
):
    for month in range(1, 11):
        report(paid_case, date(2024, month, 1))
    dispute(api, paid_case)
    answer(api, paid_case, month="2025-11", answer="confirmed")
    with django_assert_max_num_queries(3):
        listed = months(api, paid_case)
    assert len(listed) == 12


def test_only_the_months_waiting_for_an_answer_show_their_form_open(client, paid_case):
    WageReport.objects.filter(month=date(2025, 10, 1)).update(
        created_at=timezone.now() - timedelta(days=30)
    )
    page = client.post("/status/", key(paid_case)).content.decode()
    october = page[page.index('id="wage-2025-10"') :]
    october = october[: october.index("</article>")]
    november = page[page.index('id="wage-2025-11"') :]
    november = november[: november.index("</article>")]
    # October went unanswered: its form waits folded under "Answer this month".
    assert "<details><summary>Answer this month</summary>" in october
    assert "<details" not in november and 'name="answer"' in november
