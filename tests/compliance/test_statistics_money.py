"""/statistics/: the money recovered for workers, per currency, from the daily snapshot; an
amount that reached fewer than 10 workers is withheld with their count.

By hand: 10 workers each had 1,000 RUB confirmed (10,000 RUB), one of them 500 RUB more
accepted by an official (10,500 RUB, still 10 workers); a 5,000 RUB payment waits for its
worker and a 700 RUB one was disputed: neither counts. Two workers had 3,000 INR of fees
refunded each: 6,000 INR reached 2 workers and is withheld."""

from datetime import date
from decimal import Decimal as D

import pytest

from compliance.entitlements.models import Payment
from compliance.models import StatisticsSnapshot
from compliance.statistics import services
from tests import factories

pytestmark = pytest.mark.django_db


def owed(currency="RUB", **fields):
    return factories.EntitlementFactory(
        finding=factories.FindingFactory(placement=factories.PlacementFactory(employed=True)),
        currency=currency,
        **fields,
    )


def pay(entitlement, amount, answer):
    Payment.objects.create(
        entitlement=entitlement,
        amount=D(amount),
        paid_on=date(2026, 11, 2),
        method="bank_transfer",
        answer=answer,
    )


def row(*cells: str) -> str:
    return "".join(
        f'<td class="n">{cell}</td>' if i else f"<td>{cell}</td>" for i, cell in enumerate(cells)
    )


@pytest.fixture
def recovered(db):
    wages = [owed() for _ in range(10)]
    for entitlement in wages:
        pay(entitlement, "1000.00", "confirmed")
    pay(wages[0], "500.00", "accepted")
    pay(wages[1], "5000.00", "pending")
    pay(wages[2], "700.00", "disputed")
    for _ in range(2):
        fee = owed("INR", kind="recruitment_fee", owed_by="agency", due_on=None)
        pay(fee, "3000.00", "confirmed")


def test_the_money_recovered_is_published_and_a_small_amount_withheld(client, recovered):
    services.take_snapshot()
    html = client.get("/statistics/").content.decode()
    assert "Money recovered for workers" in html
    assert row("Roubles", "10,500 RUB", "10") in html
    assert row("Rupees", "withheld", "&lt; 10") in html
    assert "6,000" not in html
    assert "once Mobility keeps the ledger" not in html


def test_with_nothing_recovered_the_page_says_zero(client, db):
    factories.PlacementFactory(employed=True)
    services.take_snapshot()
    html = client.get("/statistics/").content.decode()
    assert row("Roubles", "0 RUB", "0") in html


def test_a_snapshot_from_before_the_ledger_still_reads(client, recovered):
    snapshot = services.take_snapshot()
    figures = {**snapshot.figures}
    del figures["money"]
    StatisticsSnapshot.objects.filter(pk=snapshot.pk).update(figures=figures)
    page = client.get("/statistics/")
    assert page.status_code == 200
    assert "The next daily figures will include the money recovered." in page.content.decode()
