"""In a real browser, the demo read in the reader's language: official-ru reads a finding in
Russian (region names in Cyrillic, dates with the month in the genitive), and a worker reads
the case page in Hindi (money grouped as Hindi readers write it). Screenshots are kept in
$BROWSER_SCREENSHOTS, else the test's temporary directory."""

import csv
import os
import re
from pathlib import Path

import pytest
from django.utils import translation

from compliance.models import Finding
from mobility import figures
from mobility.regions import DATA as REGION_DATA
from mobility.seed import seed_demo
from tests.browser import pages
from workers.models import Placement, PlacementStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GENITIVE_DATE = re.compile(
    r"\b\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|"
    r"декабря) \d{4} г\."
)


def screenshots(tmp_path) -> Path:
    shots = Path(os.environ.get("BROWSER_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    return shots


def regions() -> dict[str, dict]:
    with (REGION_DATA / "russian_regions.csv").open(encoding="utf-8") as source:
        return {row["code"]: row for row in csv.DictReader(source)}


def test_official_ru_reads_a_finding_in_russian(browser, live_server, tmp_path):
    seed_demo(password="demo-pass")
    finding = (
        Finding.objects.filter(rule__code="MIGRATION_REGISTRATION_OVERDUE")
        .select_related("placement__job_order__employer")
        .order_by("pk")
        .first()
    )
    case, employer = finding.placement, finding.placement.job_order.employer
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="ru-RU"
    )
    page = context.new_page()
    pages.sign_in(page, "official-ru", password="demo-pass", then="/officials/")
    page.locator("form.languages button[value=ru]").click()
    page.wait_for_load_state()
    page.goto(f"/findings/{finding.pk}/")
    page.screenshot(path=screenshots(tmp_path) / "finding-ru.png", full_page=True)
    main = page.locator("main").inner_text()
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").inner_text() == "Просрочен миграционный учёт"

    # The arrival date in the sentence, the month in the genitive: "30 октября 2026 г.".
    with translation.override("ru"):
        arrival = figures.day(case.arrival_date)
    assert GENITIVE_DATE.fullmatch(arrival)
    assert f"после прибытия {arrival}" in main
    # The employer's region by its Russian name, and no region anywhere in Latin script.
    region = regions()[employer.region]
    employer_row = page.locator("dl.facts dd", has_text=employer.legal_name).inner_text()
    assert employer_row == f"{employer.legal_name} · {region['ru']}"
    latin = [row["en"] for row in regions().values() if row["en"] in main]
    assert latin == [] and not re.search(r"\bRU-[A-Z]{2,3}\b", main)
    # Times name their zone.
    assert "(московское время)" in main
    assert pages.fits_the_screen(page)
    context.close()


def test_a_worker_reads_the_wage_grouped_in_hindi(phone, tmp_path):
    seed_demo(password="demo-pass")
    case = (
        Placement.objects.filter(status=PlacementStatus.EMPLOYED, contract_wage_rub__gte=10000)
        .select_related("worker", "job_order")
        .order_by("pk")
        .first()
    )
    phone.goto("/status/")
    phone.locator("form.languages button[value=hi]").click()
    phone.wait_for_load_state()
    phone.fill("input[name=reference]", case.reference)
    phone.fill("input[name=date_of_birth]", case.worker.date_of_birth.isoformat())
    phone.locator(".status-form button[type=submit]").click()
    phone.wait_for_load_state()
    phone.screenshot(path=screenshots(tmp_path) / "status-hi.png", full_page=True)
    facts = phone.locator("dl.facts").first.inner_text()
    # 85000 reads "85,000 रूबल", as Hindi readers group it, never "85000".
    wage = int(case.contract_wage_rub)
    with translation.override("hi"):
        grouped = figures.number(wage)
    assert re.fullmatch(r"\d{2},\d{3}", grouped), grouped
    assert f"{grouped} रूबल प्रति माह" in facts and str(wage) not in facts
    # The place of work in Devanagari, not transliterated.
    assert regions()[case.job_order.work_region]["hi"] in facts
    assert pages.fits_the_screen(phone)
