"""An official signs in and reads the dashboard; a filter narrows its figures."""

import pytest

from tests.browser.pages import fits_the_screen, sign_in
from tests.factories import FindingFactory
from tests.world import S

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_official_signs_in_and_reads_the_dashboard(page, world):
    FindingFactory(placement=world.case(S.EMPLOYED), period="2025-10")
    FindingFactory(
        placement=world.case(S.EMPLOYED, peer=True), period="2025-10", severity="critical"
    )
    sign_in(page, world.official.username, then="/officials/dashboard/")
    assert page.get_by_role("heading", name="Compliance dashboard").is_visible()
    # Chart.js has drawn: the canvas got its rendered size from the script.
    page.wait_for_function(
        "document.getElementById('chart-cases-by-sector').getAttribute('width') !== null"
    )
    assert page.locator(".tile .figure").first.inner_text().startswith("2")
    assert fits_the_screen(page)
    page.select_option("#id_sector", "textiles")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**sector=textiles**")
    assert page.locator(".tile .figure").first.inner_text().startswith("1")
