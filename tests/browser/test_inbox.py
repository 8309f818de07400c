"""In a real browser: employer-a signs in, lands on its inbox, accepts the longest-waiting
candidate from the list with one confirmation, and reads the result in words; the inbox fits a
768 px tablet without sideways scrolling. A screenshot of the inbox and of the confirmation is
kept (in $BROWSER_SCREENSHOTS, else the test's temporary directory)."""

import os
from pathlib import Path

import pytest

from mobility.seed import seed_demo
from tests.browser import pages
from workers.models import Placement, PlacementStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_employer_a_accepts_a_candidate_from_the_inbox_with_one_confirmation(
    browser, page, live_server, tmp_path
):
    seed_demo(password="demo-pass")
    shots = Path(os.environ.get("BROWSER_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    page.goto("/accounts/login/")
    page.fill("#id_username", "employer-a")
    page.fill("#id_password", "demo-pass")
    page.locator("main form.form button[type=submit]").click()
    page.wait_for_url("**/employer/")
    inbox = page.locator("section.inbox", has_text="Candidates waiting for you")
    assert inbox.locator("tbody tr").count() == 3
    first = inbox.locator("tbody tr").first
    name = first.locator("td").nth(1).locator("a").inner_text()
    page.screenshot(path=shots / "employer-inbox.png", full_page=True)

    first.get_by_role("button", name="Accept").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Accept this candidate?").is_visible()
    assert name in page.locator(".confirm dl").inner_text()
    page.screenshot(path=shots / "employer-inbox-confirm.png", full_page=True)
    page.get_by_role("button", name="Accept the candidate").click()
    page.wait_for_url("**/employer/")

    assert f"Accepted: {name}" in page.locator(".messages").inner_text()
    inbox = page.locator("section.inbox", has_text="Candidates waiting for you")
    assert inbox.locator("tbody tr").count() == 2 and name not in inbox.inner_text()
    contracts = page.locator("section.inbox", has_text="Contracts to sign")
    assert name in contracts.inner_text()
    case = Placement.objects.get(worker__full_name=name)
    assert case.status == PlacementStatus.ACCEPTED
    assert case.timeline.filter(to_status=PlacementStatus.ACCEPTED).count() == 1

    tablet = browser.new_context(base_url=live_server.url, viewport={"width": 768, "height": 1024})
    tablet_page = tablet.new_page()
    pages.sign_in(tablet_page, "employer-a", password="demo-pass", then="/employer/")
    assert pages.fits_the_screen(tablet_page)
    tablet_page.screenshot(path=shots / "employer-inbox-768.png", full_page=True)
    tablet.close()


def test_official_ru_lands_on_the_queues_which_fit_a_tablet(browser, live_server, tmp_path):
    seed_demo(password="demo-pass")
    shots = Path(os.environ.get("BROWSER_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    tablet = browser.new_context(base_url=live_server.url, viewport={"width": 768, "height": 1024})
    page = tablet.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", "official-ru")
    page.fill("#id_password", "demo-pass")
    page.locator("main form.form button[type=submit]").click()
    page.wait_for_url("**/officials/")
    assert page.get_by_role("heading", name="Open findings by due date").is_visible()
    assert page.get_by_role("heading", name="Grievances to handle, most urgent first").is_visible()
    assert pages.fits_the_screen(page)
    page.screenshot(path=shots / "officials-workspace-768.png", full_page=True)
    tablet.close()
