import re

import pytest

from tests.browser.pages import fits_the_screen
from tests.workers.status_fixtures import *  # noqa: F403
from tests.workers.status_fixtures import BIRTH
from workers.models import Grievance

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEVANAGARI = re.compile(r"[\u0900-\u097F]{3,}")


def test_worker_checks_the_case_and_files_a_grievance_on_a_phone_in_hindi(phone, case):
    phone.goto("/status/")
    phone.locator("form.languages button[value=hi]").click()
    phone.wait_for_load_state()
    assert phone.locator("html").get_attribute("lang") == "hi"
    assert DEVANAGARI.search(phone.locator("h1").inner_text())
    assert fits_the_screen(phone)
    assert phone.locator("input[name=reference]").is_visible()
    assert phone.locator("input[name=date_of_birth]").get_attribute("type") == "date"

    phone.fill("input[name=reference]", case.reference.lower())
    phone.fill("input[name=date_of_birth]", BIRTH.isoformat())
    phone.locator(".status-form button[type=submit]").click()
    phone.wait_for_load_state()
    assert case.reference in phone.locator("h1").inner_text()
    assert "अनुबंध पर हस्ताक्षर हो गए" in phone.locator(".step.now").inner_text()
    assert "R**** K****" in phone.content()
    assert fits_the_screen(phone)
    button = phone.locator(".status-form button[type=submit]").bounding_box()
    assert button["height"] >= 44 and button["width"] >= 280
    # The worker's own case only: no passport number, no internal remark.
    text = phone.locator("main").inner_text()
    assert case.worker.passport_number not in text and "secret internal remark" not in text

    phone.select_option("select[name=category]", "wages")
    phone.fill("textarea[name=description]", "मई की तनख्वाह नहीं मिली।")
    phone.locator(".status-form button[type=submit]").click()
    phone.wait_for_load_state()
    grievance = Grievance.objects.get()
    assert grievance.placement_id == case.pk
    assert grievance.description == "मई की तनख्वाह नहीं मिली।"
    assert grievance.receipt in phone.locator(".receipt").inner_text()
    assert DEVANAGARI.search(phone.locator(".grievance").inner_text())
    assert fits_the_screen(phone)
