import pytest

from tests.browser.pages import fits_the_screen, sign_in
from tests.world import S

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_agency_pipeline_shows_counts_and_leads_to_a_case(page, world):
    for status in (S.DRAFT, S.DRAFT, S.SUBMITTED, S.ACCEPTED, S.EMPLOYED):
        world.case(status)
    sign_in(page, world.agency_a_user.username, then="/agency/")

    draft_tile = page.locator('.pipeline a[data-status="draft"] .count')
    assert draft_tile.inner_text() == "2"
    assert page.locator('.pipeline a[data-status="employed"] .count').inner_text() == "1"
    assert page.locator("table tbody tr").count() == 5
    assert fits_the_screen(page)

    page.click('.pipeline a[data-status="submitted"]')
    page.wait_for_load_state()
    assert page.locator("table tbody tr").count() == 1
    page.locator("table tbody tr a.badge").click()
    page.wait_for_load_state()
    assert page.locator("#case-status").inner_text() == "Submitted to the employer"
    # The agency may only withdraw a submitted case; acceptance is the employer's move.
    assert page.locator("form[data-move]").count() == 1
    assert page.locator('form[data-move="withdrawn"]').count() == 1
