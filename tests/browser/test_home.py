import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEVANAGARI = re.compile(r"[\u0900-\u097F]{3,}")


def test_home_page_switches_to_hindi(page, tmp_path):
    page.goto("/")
    assert page.locator("h1").inner_text().startswith("Safe, fair work")
    page.locator("form.languages button[value=hi]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "hi"
    heading = page.locator("h1").inner_text()
    assert DEVANAGARI.search(heading), heading
    screenshot = tmp_path / "home-hi.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000
