"""Every staff page of the demo fits a 768 px tablet, and the worker's case page a 360 px phone,
with no sideways scrolling.

The pages are found as in the Russian page walk: from each persona's workspace, following the
links a person would click; the browser then opens one page of each URL route, so a new page is
measured without anyone adding it here. A screenshot of the widest page is kept (in
$BROWSER_SCREENSHOTS, else the test's temporary directory)."""

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from mobility.access import actor_for
from mobility.seed import seed_demo
from mobility.views import WORKSPACES
from tests.browser import pages
from tests.mobility.test_russian_pages import page_route, walk
from workers.models import Placement, PlacementStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STAFF = ("agency-a", "employer-a", "official-ru")
TABLET, PHONE = 768, 360


def screenshots(tmp_path) -> Path:
    shots = Path(os.environ.get("BROWSER_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    return shots


def one_page_per_route(username: str) -> list[str]:
    user = get_user_model().objects.get(username=username)
    client = Client()
    client.force_login(user)
    urls, routes = [], set()
    for url, _texts in walk(client, reverse(WORKSPACES[actor_for(user).role])):
        route = page_route(url.split("?")[0])
        if route not in routes:
            routes.add(route)
            urls.append(url)
    return urls


def width_of(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_every_staff_page_fits_a_tablet(browser, live_server, tmp_path):
    seed_demo(password="demo-pass")
    shots = screenshots(tmp_path)
    too_wide, measured = [], 0
    for username in STAFF:
        urls = one_page_per_route(username)
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": TABLET, "height": 1024}
        )
        page = context.new_page()
        pages.sign_in(page, username, password="demo-pass", then=urls[0])
        for url in urls:
            page.goto(url)
            measured += 1
            if not pages.fits_the_screen(page):
                width = width_of(page)
                if width > max((wide[0] for wide in too_wide), default=0):
                    page.screenshot(path=shots / "widest-at-768.png", full_page=True)
                too_wide.append((width, username, url))
        context.close()
    assert measured >= 30, f"only {measured} pages were measured"
    assert not too_wide, "\n".join(f"{width} px: {who} {url}" for width, who, url in too_wide)


def test_the_workers_case_page_fits_a_phone(phone, tmp_path):
    seed_demo(password="demo-pass")
    case = (
        Placement.objects.filter(status=PlacementStatus.EMPLOYED)
        .select_related("worker")
        .order_by("pk")
        .first()
    )
    phone.goto("/status/")
    phone.fill("input[name=reference]", case.reference)
    phone.fill("input[name=date_of_birth]", case.worker.date_of_birth.isoformat())
    phone.locator(".status-form button[type=submit]").click()
    phone.wait_for_load_state()
    assert case.reference in phone.locator("h1").inner_text()
    phone.screenshot(path=screenshots(tmp_path) / "worker-case-360.png", full_page=True)
    assert width_of(phone) <= PHONE and pages.fits_the_screen(phone)
