import re

import pytest

from tests.browser.pages import fits_the_screen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEVANAGARI = re.compile(r"[\u0900-\u097F]{3,}")


def test_home_page_switches_to_hindi_and_keeps_its_three_cards(page, phone):
    page.goto("/")
    assert page.locator("h1").inner_text().startswith("Safe, fair work")
    cards = page.locator(".cards .card h2")
    assert cards.all_inner_texts() == ["Workers", "Agencies and employers", "Officials"]
    assert page.get_by_role("link", name="Sign in").first.is_visible()
    page.locator("form.languages button[value=hi]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "hi"
    heading = page.locator("h1").inner_text()
    assert DEVANAGARI.search(heading), heading
    # Every card reads in Hindi too, none left in English.
    titles = cards.all_inner_texts()
    assert len(titles) == 3 and all(DEVANAGARI.search(title) for title in titles), titles
    assert fits_the_screen(page)

    phone.goto("/")
    assert phone.locator(".cards .card").count() == 3
    assert fits_the_screen(phone)
