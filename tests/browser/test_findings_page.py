"""An official signs in, opens the findings queue and reads one finding in words."""

import pytest

from tests import factories
from tests.browser.pages import fits_the_screen, sign_in
from tests.world import S

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EVIDENCE = {
    "expected": "at least 60,000.00 RUB owed for 168 normal hours of October 2025",
    "actual": "49,200.00 RUB gross paid",
    "legal_source": "Labour Code RF art. 135, 136, 152",
    "figures": {
        "month": "2025-10",
        "gross_rub": "49200.00",
        "owed_rub": "60000.00",
        "shortfall_rub": "10800.00",
        "hours_worked": "184",
        "norm_hours": "184",
        "overtime_hours": "0",
        "overtime_multiplier": "1.5",
    },
}


def test_official_reads_a_finding_from_the_queue(page, world):
    case = world.case(S.EMPLOYED)
    finding = factories.FindingFactory(placement=case, period="2025-10", evidence=EVIDENCE)
    serious = factories.FindingFactory(
        code="SAFETY_INCIDENT_SERIOUS", placement=world.case(S.EMPLOYED, peer=True)
    )
    sign_in(page, world.official.username, then="/officials/findings/")
    assert page.locator("h1").inner_text() == "Findings queue"
    rows = page.locator("tbody tr")
    assert rows.count() == 2
    # The gravest first: the critical safety incident, then the wage breach.
    assert serious.placement.reference in rows.nth(0).inner_text()
    assert case.reference in rows.nth(1).inner_text()
    assert fits_the_screen(page)

    page.locator(f"a[href='/findings/{finding.pk}/']").click()
    page.wait_for_load_state()
    body = page.locator("main").inner_text()
    assert "What was expected" in body and "60,000 RUB owed for the month" in body
    assert "What was found" in body and "49,200 RUB gross paid" in body
    assert "Which law requires it" in body and "Labour Code RF art. 135" in body
    assert fits_the_screen(page)

    page.fill("#waive-reason", "")
    page.fill("#resolve-reason", "Back pay of 10,800 RUB made on 12 November.")
    page.locator("form:has(#resolve-reason) button[type=submit]").click()
    page.wait_for_load_state()
    # Closing cannot be undone: the page asks first, and only the answer decides.
    assert page.locator("h1").inner_text().startswith("Resolve this finding?")
    finding.refresh_from_db()
    assert finding.status == "open"
    page.get_by_role("button", name="Yes, resolve it").click()
    page.wait_for_load_state()
    body = page.locator("main").inner_text()
    assert "Resolved" in body and "Back pay of 10,800 RUB made on 12 November." in body
    # The resolve and waive forms are gone from a closed finding.
    assert page.locator("#resolve-reason").count() == 0
    finding.refresh_from_db()
    assert (finding.status, finding.closed_by) == ("resolved", world.official)
