"""Compensation for late wages (Labour Code art. 236): each day from the day after the pay was
due up to and including the day it is paid, 1/150 of the key rate in force that day on what is
then outstanding. The expected figures are worked out by hand below, with the seeded key rates
(21 % from 28 October 2024, 20 % from 9 June 2025, 18 % from 28 July 2025, 17 % from
15 September 2025, 16.5 % from 27 October 2025, 15.5 % from 16 February 2026)."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.cache import cache

from compliance.entitlements.compensation import stretches, total
from compliance.entitlements.models import Entitlement
from compliance.entitlements.selectors import key_rates
from compliance.models import KeyRate, WageReport
from tests.compliance.rule_helpers import check, compliant_case
from tests.compliance.test_entitlements import BIRTH, OCTOBER, owed, pay, unpaid_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def compensation(owed, due_on, payments, until):
    found = stretches(
        owed=D(owed), due_on=due_on, payments=payments, rates=key_rates(), until=until
    )
    return [(s.start, s.end, s.days, s.outstanding, s.rate_pct, s.amount) for s in found], total(
        found
    )


def test_the_key_rates_are_seeded_from_2024_with_their_source():
    rates = list(KeyRate.objects.values_list("effective_from", "rate_pct"))
    assert rates[:9] == [
        (date(2023, 12, 18), D("16.00")),
        (date(2024, 7, 29), D("18.00")),
        (date(2024, 9, 16), D("19.00")),
        (date(2024, 10, 28), D("21.00")),
        (date(2025, 6, 9), D("20.00")),
        (date(2025, 7, 28), D("18.00")),
        (date(2025, 9, 15), D("17.00")),
        (date(2025, 10, 27), D("16.50")),
        (date(2025, 12, 22), D("16.00")),
    ]
    assert all(
        "Bank of Russia" in source for source in KeyRate.objects.values_list("source", flat=True)
    )


def test_one_rate_paid_in_full_late():
    """10,000 due on 15 January 2025, paid in full on 13 February: 16 January to 13 February
    inclusive is 16 + 13 = 29 days at 21 %. A day costs 10,000 × 21 % / 150 = 14.00;
    29 × 14.00 = 406.00."""
    rows, amount = compensation(
        "10000", date(2025, 1, 15), [(date(2025, 2, 13), D("10000"))], until=date(2025, 12, 31)
    )
    assert rows == [
        (date(2025, 1, 16), date(2025, 2, 13), 29, D("10000"), D("21.00"), D("406.00")),
    ]
    assert amount == D("406.00")


def test_a_key_rate_change_while_the_pay_is_late():
    """30,000 due on 5 June 2025, paid in full on 20 June. 6 to 8 June: 3 days at 21 %,
    30,000 × 21 % / 150 = 42.00 a day, 126.00. 9 to 20 June: 12 days at 20 %, 40.00 a day,
    480.00. Together 606.00."""
    rows, amount = compensation(
        "30000", date(2025, 6, 5), [(date(2025, 6, 20), D("30000"))], until=date(2025, 12, 31)
    )
    assert rows == [
        (date(2025, 6, 6), date(2025, 6, 8), 3, D("30000"), D("21.00"), D("126.00")),
        (date(2025, 6, 9), date(2025, 6, 20), 12, D("30000"), D("20.00"), D("480.00")),
    ]
    assert amount == D("606.00")


def test_paid_in_two_parts_across_two_rate_changes():
    """45,000 due on 20 July 2025; 15,000 paid on 31 July, the other 30,000 on 20 September.
    21 to 27 July: 7 days × 45,000 × 20 % / 150 (60.00) = 420.00.
    28 to 31 July: 4 days × 45,000 × 18 % / 150 (54.00) = 216.00 (31 July, the day of the
    first payment, is still late on all 45,000).
    1 August to 14 September: 31 + 14 = 45 days × 30,000 × 18 % / 150 (36.00) = 1,620.00.
    15 to 20 September: 6 days × 30,000 × 17 % / 150 (34.00) = 204.00.
    Total 420 + 216 + 1,620 + 204 = 2,460.00."""
    payments = [(date(2025, 7, 31), D("15000")), (date(2025, 9, 20), D("30000"))]
    rows, amount = compensation("45000", date(2025, 7, 20), payments, until=date(2025, 12, 31))
    assert [(r[0], r[2], r[3], r[4], r[5]) for r in rows] == [
        (date(2025, 7, 21), 7, D("45000"), D("20.00"), D("420.00")),
        (date(2025, 7, 28), 4, D("45000"), D("18.00"), D("216.00")),
        (date(2025, 8, 1), 45, D("30000"), D("18.00"), D("1620.00")),
        (date(2025, 9, 15), 6, D("30000"), D("17.00"), D("204.00")),
    ]
    assert amount == D("2460.00")


def test_unpaid_it_keeps_accruing_to_the_day_asked_and_nothing_before_it_is_late():
    """1,000 due on 1 March 2026, unpaid on 10 March: 9 days × 1,000 × 15.5 % / 150 = 9.30."""
    assert compensation("1000", date(2026, 3, 1), [], until=date(2026, 3, 10))[1] == D("9.30")
    assert compensation("1000", date(2026, 3, 1), [], until=date(2026, 3, 1)) == ([], D("0.00"))


def test_the_api_shows_the_compensation_of_a_confirmed_late_payment(api, world):
    """October 2025's 42,000 was due on 15 November, paid on 30 November and confirmed:
    16 to 30 November is 15 days × 42,000 × 16.50 % / 150 (46.20 a day) = 693.00."""
    case = unpaid_case(world)
    entitlement = owed(case)
    payment = pay(api, world.employer_a_user, entitlement, "42000.00", paid_on="2025-11-30")
    api.post(
        "/api/v1/status/entitlements/answer/",
        {
            "reference": case.reference,
            "date_of_birth": BIRTH.isoformat(),
            "payment": payment.json()["id"],
            "answer": "confirmed",
        },
        format="json",
    )
    body = api.as_user(world.official).get(f"/api/v1/entitlements/{entitlement.pk}/").json()
    assert body["compensation_rub"] == "693.00"
    assert body["compensation"] == [
        {
            "start": "2025-11-16",
            "end": "2025-11-30",
            "days": 15,
            "outstanding": "42000.00",
            "rate_pct": "16.50",
            "amount": "693.00",
        }
    ]
    client_page = api.as_user(world.official)
    assert client_page.get("/api/v1/entitlements/").json()["results"][0]["compensation_rub"] == (
        "693.00"
    )


def test_the_staff_page_shows_the_arithmetic(client, api, world):
    case = unpaid_case(world)
    entitlement = owed(case)
    client.force_login(world.official)
    page = client.get(f"/entitlements/{entitlement.pk}/").content.decode()
    assert "Labour Code art. 236" in page
    assert "× 42,000 × 16.50 % / 150" in page


def test_an_over_withheld_tax_earns_no_compensation(api, world):
    """The tax refund is owed under the Tax Code, not as wages."""
    case = compliant_case(job_order=world.job_a, arrival_date=date(2025, 1, 6))
    WageReport.objects.filter(placement=case, month=OCTOBER).update(
        tax_withheld_rub=D("18000"), net_paid_rub=D("42000")
    )
    check(case)
    refund = Entitlement.objects.get(
        placement=case, finding__rule__code="TAX_RESIDENT_RATE_NOT_APPLIED", period="2025-10"
    )
    body = api.as_user(world.official).get(f"/api/v1/entitlements/{refund.pk}/").json()
    assert (body["kind"], body["compensation_rub"], body["compensation"]) == (
        "tax_refund",
        None,
        [],
    )
    # 30 % withheld on 60,000 where 13 % (7,800) was due: 10,200 to give back.
    assert body["amount_owed"] == "10200.00"
