"""In a real browser: employer-a records a contract before the signed contract is on file; the
refusal comes back on the open form with the four values as typed, and a screenshot of it is
kept (in $BROWSER_SCREENSHOTS, else the test's temporary directory)."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.browser.pages import fits_the_screen, sign_in
from tests.world import S
from workers.models import DocumentKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_refused_contract_form_keeps_its_values(page, world, tmp_path):
    placement = world.case(S.ACCEPTED)
    placement.documents.filter(kind=DocumentKind.CONTRACT).delete()
    sign_in(page, world.employer_a_user.username, then=f"/cases/{placement.pk}/")
    form = page.locator(f'form[data-move="{S.CONTRACT_SIGNED}"]')
    page.locator("summary", has_text="Record the signed contract").click()
    # The job order's terms are already there.
    wage = form.locator("input[name=contract_wage_rub]")
    assert wage.input_value() == str(placement.job_order.monthly_wage_rub)
    start = timezone.localdate() + timedelta(days=30)
    typed = {
        "contract_wage_rub": "61000",
        "contract_hours_per_week": "38",
        "contract_start": start.isoformat(),
        "contract_end": (start + timedelta(days=365)).isoformat(),
    }
    for name, value in typed.items():
        form.locator(f"input[name={name}]").fill(value)
    form.get_by_role("button", name="Record the signed contract").click()
    page.wait_for_load_state()

    form = page.locator(f'form[data-move="{S.CONTRACT_SIGNED}"]')
    assert form.is_visible()
    for name, value in typed.items():
        assert form.locator(f"input[name={name}]").input_value() == value, name
    assert "has not been uploaded" in form.locator("ul.errors").first.inner_text()
    assert "must be on file before" in form.inner_text()
    assert fits_the_screen(page)
    shots = Path(os.environ.get("BROWSER_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=shots / "contract-form-refused.png", full_page=True)
    placement.refresh_from_db()
    assert placement.status == S.ACCEPTED
