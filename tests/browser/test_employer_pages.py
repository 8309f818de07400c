"""In a real browser: an official approves a pending employer from its page, and employer-a
opens a job order from its workspace."""

import pytest

from compliance.rulebook.models import Rule
from employers.models import Employer, JobOrder
from mobility.seed import seed_demo
from tests.browser import pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, username: str, then: str) -> None:
    pages.sign_in(page, username, password="demo-pass", then=then)


def test_official_ru_approves_a_pending_employer_from_its_page(page):
    seed_demo(password="demo-pass")
    pending = Employer.objects.filter(sponsorship_status="applied").order_by("legal_name").first()
    sign_in(page, "official-ru", then="/officials/employers/?sponsorship_status=applied")
    page.get_by_role("link", name=pending.legal_name).click()
    page.wait_for_load_state()
    assert page.locator("details summary", has_text="Suspend").count() == 0
    page.locator("details summary", has_text="Approve").click()
    page.fill("input[name=quota]", "35")
    page.get_by_role("button", name="Approve sponsorship").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Yes, approve sponsorship").click()
    page.wait_for_load_state()
    assert "Decision recorded" in page.locator(".messages").inner_text()
    assert "official-ru" in page.locator("table").first.inner_text()
    pending.refresh_from_db()
    assert (pending.sponsorship_status, pending.quota) == ("approved", 35)
    assert page.locator("details summary", has_text="Approve").count() == 0


def test_employer_a_opens_a_job_order_from_the_workspace(page, phone):
    seed_demo(password="demo-pass")
    draft = JobOrder.objects.get(employer__members__user__username="employer-a", status="draft")
    sign_in(page, "employer-a", then="/employer/")
    assert "Approved" in page.locator(".cards").inner_text()
    page.get_by_role("link", name=draft.title).click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Open to agencies").click()
    page.wait_for_load_state()
    assert "agencies can now recruit" in page.locator(".messages").inner_text()
    draft.refresh_from_db()
    assert draft.status == "open"

    sign_in(phone, "employer-a", then="/employer/")
    assert pages.fits_the_screen(phone)
    assert phone.evaluate("window.innerWidth") == 360


def test_official_sets_a_new_weekly_hours_maximum_from_a_date(page):
    seed_demo(password="demo-pass")
    rule = Rule.objects.get(code="HOURS_WEEKLY_EXCEEDED")
    sign_in(page, "official-ru", then="/officials/rules/")
    page.get_by_role("link", name="HOURS_WEEKLY_EXCEEDED").click()
    page.wait_for_load_state()
    page.fill("input[name=effective_from]", "2027-01-01")
    page.fill("input[name=max_hours_per_week]", "36")
    page.get_by_role("button", name="Save parameters").click()
    page.wait_for_load_state()
    assert "Parameters saved" in page.locator(".messages").inner_text()
    assert "official-ru" in page.locator("table").last.inner_text()
    assert rule.parameter_versions.filter(values={"max_hours_per_week": 36}).exists()
