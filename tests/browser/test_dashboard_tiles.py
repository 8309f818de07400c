"""The Moscow official clicks a dashboard figure and counts the rows of the list it opens: the
same number, with the dashboard's filter carried into the list."""

import os
from pathlib import Path

import pytest

from tests.browser.pages import fits_the_screen, sign_in
from tests.factories import FindingFactory, PlacementFactory
from tests.world import S

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shot(page, tmp_path, name: str) -> None:
    shots = Path(os.environ.get("BROWSER_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=shots / name, full_page=True)


def rows_listed(page) -> int:
    return page.locator("main table tbody tr").count()


def test_the_moscow_officials_breaches_tile_equals_the_list_it_opens(page, world, tmp_path):
    for _ in range(3):
        FindingFactory(placement=world.case(S.EMPLOYED), severity="breach")
    FindingFactory(placement=world.case(S.EMPLOYED), severity="breach", status="acknowledged")
    FindingFactory(placement=world.case(S.EMPLOYED), severity="breach", status="resolved")
    FindingFactory(placement=world.case(S.EMPLOYED, peer=True), severity="breach")  # St Petersburg
    PlacementFactory(employed=True, job_order=world.job_b)

    sign_in(page, world.official_mow.username, then="/officials/dashboard/")
    assert page.locator("#id_region option").all_inner_texts() == ["All your regions", "Moscow"]
    breaches = page.locator('[data-tile="findings-breach"]')
    figure = int(breaches.locator("b").inner_text())
    assert figure == 4
    assert "whole pact" in page.locator('[data-tile="employed-employed"]').inner_text()
    assert fits_the_screen(page)
    shot(page, tmp_path, "dashboard-tiles-official-ru-mow.png")

    breaches.get_by_role("link").click()
    page.wait_for_url("**/officials/findings/?**")
    assert rows_listed(page) == figure
    assert page.locator(".toolbar").inner_text().startswith(f"{figure} findings")
    shot(page, tmp_path, "dashboard-tile-breaches-list.png")

    # Filters chosen on the dashboard, the employer found by typing its name, go with the
    # figure into the list.
    page.goto("/officials/dashboard/")
    page.select_option("#id_region", "RU-MOW")
    page.get_by_role("searchbox", name="Type to search").first.fill(world.employer_a.legal_name)
    assert page.input_value("#id_employer") == str(world.employer_a.pk)
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**region=RU-MOW**")
    assert f"employer={world.employer_a.pk}" in page.url
    employed = page.locator('[data-tile="employed-employed"] .figure a')
    figure = int(employed.inner_text())
    assert figure == 5
    employed.click()
    page.wait_for_url(f"**/officials/cases/?**employer={world.employer_a.pk}**")
    assert rows_listed(page) == figure
    shot(page, tmp_path, "dashboard-tile-employed-list.png")


def test_a_bad_date_withholds_every_figure_with_the_error_beside_the_field(page, world, tmp_path):
    FindingFactory(placement=world.case(S.EMPLOYED), severity="breach")
    sign_in(page, world.official_mow.username, then="/officials/dashboard/")
    page.goto("/officials/dashboard/?region=RU-MOW&period_from=2026-11")
    beside = page.locator("label.invalid")
    assert "Enter a date: pick it in the calendar." in beside.inner_text()
    assert beside.locator("input[name=period_from]").count() == 1
    assert page.input_value("#id_region") == "RU-MOW"
    assert page.locator("[data-tile]").count() == 0
    assert page.locator("p.errors[role=alert]").is_visible()
    shot(page, tmp_path, "dashboard-bad-date.png")
