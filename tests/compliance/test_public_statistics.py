"""/statistics/: the pact's figures for anyone, in English, Russian or Hindi, from the daily
snapshot, with small figures and what would give them away withheld, and nothing personal."""

from datetime import timedelta

import pytest
from django.utils import timezone

from compliance.statistics import services
from compliance.statistics.tasks import take_statistics_snapshot
from tests import factories

pytestmark = pytest.mark.django_db


def _employed(job, count):
    return [factories.PlacementFactory(employed=True, job_order=job) for _ in range(count)]


@pytest.fixture
def pact(world):
    """12 workers employed in Moscow construction (employer A), 3 in Saint Petersburg
    textiles (employer B); 2 of the Moscow workers with an open safety finding; 12 wage
    grievances resolved in time."""
    moscow = _employed(world.job_a, 12)
    _employed(world.job_b, 3)
    for case in moscow[:2]:
        factories.FindingFactory(placement=case, code="SAFETY_INDUCTION_MISSING")
    for case in moscow:
        grievance = factories.GrievanceFactory(placement=case, filed_days_ago=20)
        grievance.status = "resolved"
        grievance.closed_at = timezone.now() - timedelta(days=1)
        grievance.save()
    return moscow


def _row(*cells: str) -> str:
    return "".join(
        f'<td class="n">{cell}</td>' if i else f"<td>{cell}</td>" for i, cell in enumerate(cells)
    )


def test_anyone_reads_the_figures_with_small_ones_and_their_complements_withheld(client, pact):
    take_statistics_snapshot.delay()
    page = client.get("/statistics/")
    html = page.content.decode()

    assert page.status_code == 200
    assert "<strong>15</strong> workers employed, against the pact's target of 70,000" in html
    # 3 in textiles is small; 12 in construction, the smallest other figure, goes with it,
    # or 15 - 12 would give the 3 back.
    assert _row("Textiles", "&lt; 10") in html
    assert _row("Construction", "*") in html
    assert _row("Machinery", "0") in html
    assert _row("Saint Petersburg", "&lt; 10") in html
    assert _row("Moscow", "*") in html
    # Safety: 13 with no open finding, 2 with one: both withheld, and no rate that would
    # give them back; wages: all 15 compliant.
    assert _row("Safety", "*", "&lt; 10", "15", "—") in html
    assert _row("Wages and hours", "15", "0", "15", "100 %") in html
    assert _row("Unpaid or underpaid wages", "12", "0", "12") in html


def test_the_page_says_when_the_figures_were_taken_and_in_which_zone(client, pact):
    services.take_snapshot()
    html = client.get("/statistics/").content.decode()
    assert "(Moscow time)" in html


def test_the_page_shows_nothing_personal(client, pact, world):
    services.take_snapshot()
    html = client.get("/statistics/").content.decode()
    for case in pact:
        assert case.reference not in html
        assert case.worker.full_name not in html
        assert case.worker.passport_number not in html
    assert world.employer_a.legal_name not in html
    assert world.employer_a.inn not in html
    assert "My October wage" not in html


def test_russian_readers_read_the_figures_in_russian(client, pact):
    services.take_snapshot()
    html = client.get("/statistics/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert _row("Текстильная промышленность", "&lt; 10") in html
    assert _row("Москва", "*") in html
    assert "70\u00a0000" in html  # grouped with a no-break space
    assert "московское время" in html


def test_hindi_readers_read_the_figures_in_hindi(client, pact):
    services.take_snapshot()
    html = client.get("/statistics/", HTTP_ACCEPT_LANGUAGE="hi").content.decode()
    assert _row("वस्त्र उद्योग", "&lt; 10") in html
    assert _row("निर्माण", "*") in html
    assert "मॉस्को समय" in html


def test_the_page_reads_the_latest_snapshot_and_computes_nothing(
    client, pact, django_assert_max_num_queries
):
    services.take_snapshot()
    _employed(pact[0].job_order, 5)  # after the snapshot: not on the page until the next one
    with django_assert_max_num_queries(2):
        html = client.get("/statistics/").content.decode()
    assert "<strong>15</strong>" in html


def test_before_the_first_snapshot_the_page_says_the_figures_are_not_published(client, world):
    page = client.get("/statistics/")
    assert page.status_code == 200
    assert "The first figures have not been published yet." in page.content.decode()


def test_home_page_links_to_the_figures(client, db):
    assert 'href="/statistics/"' in client.get("/").content.decode()


def test_the_demo_publishes_its_figures_at_once(client):
    from mobility.seed import seed_demo

    seed_demo(password="demo-pass")
    html = client.get("/statistics/").content.decode()
    assert "The first figures have not been published yet." not in html
    assert "workers employed, against the pact's target of 70,000" in html
    assert "StroyMontazh Moskva LLC" not in html


def test_a_pact_with_no_worker_employed_yet_publishes_zeros(client, db):
    take_statistics_snapshot()
    page = client.get("/statistics/")
    assert page.status_code == 200
    assert "The first figures have not been published yet" not in page.content.decode()
