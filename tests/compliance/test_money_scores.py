"""Money recovered for workers and each employer's and agency's scores (issue 13, point 7): on
the officials' dashboard, narrowed by its filters and the reader's regions, and on the
employer's own workspace.

The ledger below, by hand:
- case A1 (employer A, agency A, Moscow): wages of 10,000 RUB owed by the employer, 3,000
  confirmed and 1,000 waiting for the worker (7,000 outstanding); the agency's fee of
  30,000 INR, 10,000 of it disputed by the worker (30,000 outstanding).
- case A2 (employer A, agency B, Moscow): 5,000 RUB, paid in full, accepted by an official.
- case B (employer B, agency B, St Petersburg): 2,000 RUB waived; 4,000 RUB of which 1,500
  confirmed (2,500 outstanding).
Recovered: 3,000 + 5,000 + 1,500 = 9,500 RUB; nothing in rupees.

Wage months (the latest answer counts): A1 October confirmed, November disputed, December
disputed then confirmed, January unanswered; A2 October disputed; B October confirmed.
Employer A: 4 answered of 5, 2 confirmed and 2 disputed (50 % and 50 %); employer B: 1 of 1
confirmed (100 %, 0 %). Agency A (A1): 3 answered, 2 confirmed (66.7 %), 1 disputed (33.3 %);
agency B (A2, B): 2 answered, 1 and 1 (50 %, 50 %)."""

from datetime import date, timedelta
from decimal import Decimal as D
from itertools import count

import pytest
from django.core.cache import cache

from compliance.entitlements.models import Payment
from compliance.models import WageAnswer
from tests import factories
from tests.factories import today
from tests.queries import max_queries

pytestmark = pytest.mark.django_db
PERIODS = count(1)
SUMMARY = "/api/v1/dashboard/summary/"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def case(job, agency):
    return factories.PlacementFactory(
        employed=True, job_order=job, worker=factories.WorkerFactory(agency=agency)
    )


def owed(placement, amount, *, paid="0", status="open", **fields):
    return factories.EntitlementFactory(
        finding=factories.FindingFactory(
            placement=placement, severity="breach", period=f"2025-{next(PERIODS):02d}"
        ),
        amount_owed=D(amount),
        paid_accepted=D(paid),
        status=status,
        **fields,
    )


def pay(entitlement, amount, answer, days_ago=3):
    return Payment.objects.create(
        entitlement=entitlement,
        amount=D(amount),
        paid_on=today() - timedelta(days=days_ago),
        method="bank_transfer",
        answer=answer,
    )


def month(placement, first_day, *answers):
    report = factories.WageReportFactory(placement=placement, month=first_day)
    for said in answers:
        WageAnswer.objects.create(
            wage_report=report,
            answer=said,
            reported_net_rub=report.net_paid_rub,
            received_rub=D("1000.00") if said == "disputed" else None,
        )
    return report


@pytest.fixture
def ledger(world):
    a1 = case(world.job_a, world.agency_a)
    a2 = case(world.job_a, world.agency_b)
    b = case(world.job_b, world.agency_b)
    wages = owed(a1, "10000.00", paid="3000.00", status="partly_paid")
    pay(wages, "3000.00", "confirmed")
    pay(wages, "1000.00", "pending")
    fee = owed(
        a1, "30000.00", kind="recruitment_fee", currency="INR", owed_by="agency", due_on=None
    )
    pay(fee, "10000.00", "disputed")
    pay(owed(a2, "5000.00", paid="5000.00", status="paid"), "5000.00", "accepted")
    owed(b, "2000.00", status="waived")
    pay(owed(b, "4000.00", paid="1500.00", status="partly_paid"), "1500.00", "confirmed")
    month(a1, date(2025, 10, 1), "confirmed")
    month(a1, date(2025, 11, 1), "disputed")
    month(a1, date(2025, 12, 1), "disputed", "confirmed")
    month(a1, date(2026, 1, 1))
    month(a2, date(2025, 10, 1), "disputed")
    month(b, date(2025, 10, 1), "confirmed")
    return world


def money(amounts: dict) -> dict:
    return {currency: D(str(amount)) for currency, amount in amounts.items()}


def summary(api, user, **params) -> dict:
    response = api.as_user(user).get(SUMMARY, params)
    assert response.status_code == 200
    return response.json()


def recovered(body) -> dict:
    return {
        tile["code"]: D(str(tile["figure"])) for tile in body["tiles"] if tile["group"] == "money"
    }


def scores_of(row) -> tuple:
    return (
        row["confirmation_rate"],
        row["dispute_rate"],
        money(row["outstanding"]),
        money(row["payments_accepted"]),
    )


def test_the_dashboard_shows_money_recovered_and_each_employers_scores(api, ledger):
    body = summary(api, ledger.official)
    assert recovered(body) == {"RUB": D("9500"), "INR": D("0")}
    employers = {row["employer"]: row for row in body["top_employers_by_open_breaches"]}
    assert scores_of(employers[ledger.employer_a.pk]) == (
        50.0,
        50.0,
        {"RUB": D("7000")},
        {"RUB": D("8000")},
    )
    assert scores_of(employers[ledger.employer_b.pk]) == (
        100.0,
        0.0,
        {"RUB": D("2500")},
        {"RUB": D("1500")},
    )
    agencies = {row["agency"]: row for row in body["agencies"]}
    # The agency owes only its fee: the employers' wages are not its debt.
    assert scores_of(agencies[ledger.agency_a.pk]) == (66.7, 33.3, {"INR": D("30000")}, {})
    assert scores_of(agencies[ledger.agency_b.pk]) == (50.0, 50.0, {}, {})
    assert agencies[ledger.agency_a.pk]["answered_months"] == 3
    assert agencies[ledger.agency_a.pk]["reported_months"] == 4


def test_the_filters_narrow_the_money_and_the_scores(api, ledger):
    body = summary(api, ledger.official, region="RU-SPE")
    assert recovered(body) == {"RUB": D("1500"), "INR": D("0")}
    agencies = {row["agency"]: row for row in body["agencies"]}
    assert set(agencies) == {ledger.agency_b.pk}
    assert scores_of(agencies[ledger.agency_b.pk]) == (100.0, 0.0, {}, {})
    # Paid in a period that holds none of the payments.
    long_ago = (today() - timedelta(days=100)).isoformat()
    assert recovered(summary(api, ledger.official, period_to=long_ago))["RUB"] == D("0")


def test_a_moscow_official_sees_only_moscows_money(api, ledger):
    body = summary(api, ledger.official_mow)
    assert recovered(body) == {"RUB": D("8000"), "INR": D("0")}
    employers = {row["employer"] for row in body["top_employers_by_open_breaches"]}
    assert employers == {ledger.employer_a.pk}
    agencies = {row["agency"]: row for row in body["agencies"]}
    # Agency B's Moscow case only: its October disputed.
    assert scores_of(agencies[ledger.agency_b.pk]) == (0.0, 100.0, {}, {})


def test_the_dashboard_page_shows_the_tile_and_the_scores(client, ledger):
    client.force_login(ledger.official)
    page = client.get("/officials/dashboard/").content.decode()
    assert "Money recovered for workers" in page
    assert "9,500 RUB" in page
    assert 'data-score="dispute_rate">33.3 %' in page


def test_the_payments_list_sums_as_the_tile_and_is_the_officials_alone(client, ledger):
    client.force_login(ledger.official_mow)
    response = client.get("/officials/payments/", {"accepted": "true", "currency": "RUB"})
    assert response.status_code == 200
    assert response.context["totals"] == {"RUB": D("8000.00")}
    assert response.context["page"].paginator.count == 2
    refused = client.get("/officials/payments/", {"accepted": "1"})
    assert refused.status_code == 400
    assert refused.context["page"].paginator.count == 0
    for user in (ledger.employer_a_user, ledger.agency_a_user):
        client.force_login(user)
        assert client.get("/officials/payments/").status_code == 404


def test_the_summary_queries_do_not_grow_with_the_employers(api, ledger):
    with max_queries(40) as few:
        summary(api, ledger.official)
    for _ in range(4):
        employer = factories.EmployerFactory(region="RU-MOW")
        agency = factories.AgencyFactory()
        placement = case(factories.JobOrderFactory(employer=employer), agency)
        pay(owed(placement, "100.00", paid="100.00", status="paid"), "100.00", "confirmed")
        month(placement, date(2025, 10, 1), "confirmed")
    cache.clear()
    with max_queries(len(few), compared_with=few):
        body = summary(api, ledger.official)
    assert recovered(body)["RUB"] == D("9900")


def test_the_employer_reads_its_own_figures_in_its_workspace(client, ledger):
    client.force_login(ledger.employer_a_user)
    page = client.get("/employer/").content.decode()
    # The disputes no official shared read as unanswered: 2 of 2 answered months confirmed.
    assert 'data-score="confirmation_rate">100.0 %' in page
    assert 'data-score="dispute_rate">0.0 %' in page
    assert "7,000" in page and "8,000" in page
    client.force_login(ledger.employer_b_user)
    page = client.get("/employer/").content.decode()
    assert 'data-score="confirmation_rate">100.0 %' in page
    assert "2,500" in page and "1,500" in page
    assert "8,000" not in page
