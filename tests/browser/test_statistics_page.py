"""The public figures page, reached from the home page, reads in Hindi on a phone."""

import re

import pytest

from mobility.seed import seed_demo
from tests.browser.pages import fits_the_screen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEVANAGARI = re.compile(r"[\u0900-\u097F]{3,}")


def test_the_demo_figures_read_in_hindi_on_a_phone(page, phone, tmp_path):
    seed_demo(password="demo-pass")  # takes the first snapshot itself
    page.goto("/")
    page.get_by_role("link", name="The pact in figures").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "The pact in figures"
    page.screenshot(path=str(tmp_path / "statistics.png"), full_page=True)

    phone.goto("/statistics/")
    phone.locator("form.languages button[value=hi]").click()
    phone.wait_for_load_state()
    assert DEVANAGARI.search(phone.locator("table").first.inner_text())
    assert fits_the_screen(phone)
    phone.screenshot(path=str(tmp_path / "statistics-hi.png"), full_page=True)
