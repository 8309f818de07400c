"""A worker answers the wage of a month on a 360 px phone in Hindi: the months read in Hindi
figures, the page says before the answer that the employer will not see a dispute unless an
official shares it, and the dispute reaches the officials. A screenshot of the answered page is
kept (BROWSER_SCREENSHOTS, else the test's own folder)."""

import os
import re
from pathlib import Path

import pytest

from compliance.models import Finding
from tests.browser.pages import fits_the_screen
from tests.compliance.wage_answer_fixtures import *  # noqa: F403
from tests.compliance.wage_answer_fixtures import BIRTH
from workers.models import Grievance

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEVANAGARI = re.compile(r"[\u0900-\u097F]{3,}")
# "Your employer will not see that you said a month was not as shown…", in Hindi.
PRIVACY = "आपका नियोक्ता यह नहीं देखेगा कि आपने किसी महीने को गलत बताया"


def test_worker_disputes_a_months_wage_on_a_phone_in_hindi(phone, paid_case, tmp_path):
    phone.goto("/status/")
    phone.locator("form.languages button[value=hi]").click()
    phone.wait_for_load_state()
    phone.fill("input[name=reference]", paid_case.reference)
    phone.fill("input[name=date_of_birth]", BIRTH.isoformat())
    phone.locator(".status-form button[type=submit]").click()
    phone.wait_for_load_state()

    october = phone.locator("#wage-2025-10")
    assert "अक्टूबर 2025" in october.locator("h3").inner_text()
    facts = october.locator(".facts").inner_text()
    assert "60,000 रूबल" in facts and "18,000 रूबल" in facts and "40,000 रूबल" in facts
    assert DEVANAGARI.search(facts)
    notice = phone.locator(".wages .notice").first
    assert PRIVACY in notice.inner_text()
    assert notice.bounding_box()["y"] < october.bounding_box()["y"]
    assert fits_the_screen(phone)
    choice = october.locator("fieldset.choices label").nth(1).bounding_box()
    assert choice["height"] >= 44 and choice["width"] >= 280

    october.locator("input[name=answer][value=disputed]").check()
    october.locator("input[name=received_rub]").fill("25000")
    october.locator("textarea[name=note]").fill("सिर्फ़ 25000 नकद मिले।")
    october.locator("button[type=submit]").click()
    phone.wait_for_load_state()

    october = phone.locator("#wage-2025-10")
    assert october.locator(".notice.ok").is_visible()
    assert "25,000 रूबल" in october.locator(".facts").inner_text()
    assert phone.locator("html").get_attribute("lang") == "hi"
    assert fits_the_screen(phone)
    shots = Path(os.environ.get("BROWSER_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    october.scroll_into_view_if_needed()
    phone.screenshot(path=shots / "status-wages-hindi-phone.png", full_page=True)

    finding = Finding.objects.get(rule__code="WAGE_DISPUTED_BY_WORKER")
    assert finding.evidence["figures"]["difference_rub"] == "15000.00"
    grievance = Grievance.objects.get()
    assert grievance.description.endswith("सिर्फ़ 25000 नकद मिले।")
    assert not grievance.shared_with_employer
