"""Issue 13's acceptance, in the test world: a worker disputes last month's wage, an official
shares the dispute with the employer, the employer records the payment, the worker confirms
it, the finding closes, and the dashboard's money-recovered tile grows by that amount."""

from decimal import Decimal as D

import pytest
from django.core.cache import cache

from compliance.models import Finding, FindingStatus
from tests.compliance.test_entitlements import answer as answer_payment
from tests.compliance.test_entitlements import owed
from tests.compliance.wage_answer_fixtures import *  # noqa: F403
from tests.compliance.wage_answer_fixtures import BIRTH, dispute

pytestmark = pytest.mark.django_db


def money_tile(api, official) -> tuple[D, str]:
    # The summary is cached for half a minute; a reader after that sees the new figure.
    cache.clear()
    response = api.as_user(official).get("/api/v1/dashboard/summary/")
    assert response.status_code == 200
    tile = next(tile for tile in response.json()["tiles"] if tile["key"] == "money-RUB")
    return D(str(tile["figure"])), tile["link"]


def test_a_disputed_wage_paid_and_confirmed_grows_the_money_recovered_tile(
    api, client, world, paid_case
):
    case = paid_case
    before, link = money_tile(api, world.official)
    assert before == D("0")

    api.force_authenticate(user=None)
    # November was reported at 40,000 net; the worker says 32,000 arrived.
    assert dispute(api, case, received="32000", month="2025-11").status_code == 200
    finding = Finding.objects.get(rule__code="WAGE_DISPUTED_BY_WORKER", placement=case)
    shared = api.as_user(world.official).post(f"/api/v1/findings/{finding.pk}/share/")
    assert shared.status_code == 200

    entitlement = owed(case, "WAGE_DISPUTED_BY_WORKER")
    recorded = api.as_user(world.employer_a_user).post(
        f"/api/v1/entitlements/{entitlement.pk}/payments/",
        {"amount": "8000.00", "paid_on": "2025-12-10", "method": "bank_transfer"},
        format="json",
    )
    assert recorded.status_code == 201
    # Recorded but not yet confirmed: nothing recovered yet.
    assert money_tile(api, world.official)[0] == D("0")

    api.force_authenticate(user=None)
    confirmed = answer_payment(api, case, recorded.json()["id"], "confirmed", birth=BIRTH)
    assert confirmed.status_code == 200

    finding.refresh_from_db()
    assert finding.status not in (FindingStatus.OPEN, FindingStatus.ACKNOWLEDGED)
    after, link = money_tile(api, world.official)
    assert after - before == D("8000.00")
    client.force_login(world.official)
    listed = client.get(link)
    assert listed.status_code == 200
    assert listed.context["totals"] == {"RUB": D("8000.00")}
