"""The worker reads what is owed to them and confirms a payment on a 360 px phone in Hindi."""

from datetime import date
from decimal import Decimal as D

import pytest

from compliance.entitlements.models import Entitlement, KeyRate, Payment
from compliance.models import WageReport
from tests.browser.pages import fits_the_screen
from tests.compliance.rule_helpers import check, compliant_case
from tests.workers.status_fixtures import fresh_rate_limits  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BIRTH = date(1995, 5, 17)


def test_worker_confirms_a_payment_on_a_phone_in_hindi(phone, tmp_path):
    # A transactional test after another finds the tables flushed: the rate this pay meets.
    KeyRate.objects.get_or_create(
        effective_from=date(2025, 10, 27), defaults={"rate_pct": D("16.5"), "source": "test"}
    )
    case = compliant_case()
    WageReport.objects.filter(placement=case, month=date(2025, 10, 1)).update(
        net_paid_rub=D("0"), paid_on=None
    )
    check(case)
    entitlement = Entitlement.objects.get(placement=case, kind="unpaid_wages")
    payment = Payment.objects.create(
        entitlement=entitlement, amount=D("30000"), paid_on=date(2025, 11, 30), method="card"
    )

    phone.goto("/status/")
    phone.locator("form.languages button[value=hi]").click()
    phone.wait_for_load_state()
    phone.fill("input[name=reference]", case.reference)
    phone.fill("input[name=date_of_birth]", BIRTH.isoformat())
    phone.locator(".status-form button[type=submit]").click()
    phone.wait_for_load_state()
    owed = phone.locator(".owed")
    assert owed.count() == 1
    assert "42,000" in owed.inner_text()
    assert fits_the_screen(phone)
    yes = phone.locator("form.answer button[value=confirmed]")
    box = yes.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 280
    phone.screenshot(path=str(tmp_path / "owed-hi-360.png"), full_page=True)
    print("screenshot:", tmp_path / "owed-hi-360.png")

    yes.click()
    phone.wait_for_load_state()
    payment.refresh_from_db()
    assert payment.answer == "confirmed"
    assert "12,000" in phone.locator(".owed").inner_text()
    assert fits_the_screen(phone)
