"""An official signs in, opens the findings queue and reads one finding in words."""

import pytest

from tests import factories
from tests.compliance.finding_helpers import make_finding
from tests.compliance.test_evidence_api import employed_case

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


def sign_in(page, username):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pass-word-123")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


def test_official_reads_a_finding_from_the_queue(page, tmp_path):
    case = employed_case(factories.EmployerFactory(legal_name="StroyMontazh Moskva LLC"))
    finding = make_finding(placement=case, period="2025-10", evidence=EVIDENCE)
    make_finding(code="SAFETY_INCIDENT_SERIOUS", placement=employed_case())
    official = factories.official_user(username="inspector")
    sign_in(page, official.username)

    page.goto("/officials/findings/")
    assert page.locator("h1").inner_text() == "Findings queue"
    assert page.locator("tbody tr").count() == 2
    page.screenshot(path=str(tmp_path / "queue.png"), full_page=True)

    page.locator(f"a[href='/findings/{finding.pk}/']").click()
    page.wait_for_load_state()
    body = page.locator("main").inner_text()
    assert "What was expected" in body and EVIDENCE["expected"] in body
    assert "What was found" in body and EVIDENCE["actual"] in body
    assert "Which law requires it" in body and "Labour Code RF art. 135" in body
    page.screenshot(path=str(tmp_path / "finding.png"), full_page=True)

    page.fill("#waive-reason", "")
    page.fill("#resolve-reason", "Back pay of 10,800 RUB made on 12 November.")
    page.locator("form:has(#resolve-reason) button[type=submit]").click()
    page.wait_for_load_state()
    assert "Resolved" in page.locator("main").inner_text()
    page.screenshot(path=str(tmp_path / "resolved.png"), full_page=True)
    assert (tmp_path / "finding.png").stat().st_size > 10_000
