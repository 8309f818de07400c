"""Open job orders are judged on every sweep against the rules in force that day, not only on
the day they opened (RULES.md amendments): WAGE_BELOW_MINIMUM and HOURS_WEEKLY_EXCEEDED, the
employer as subject, the job order named in the evidence."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from compliance.checks import engine
from compliance.checks.verification import verify_subject
from compliance.findings.wording import finding_message
from compliance.models import Finding
from employers.job_orders.services import move_job_order
from employers.models import JobOrderStatus
from mobility.access import actor_for
from tests import factories
from tests.compliance.rule_helpers import open_findings, set_parameters

pytestmark = pytest.mark.django_db

NEW_YEARS_EVE, NEW_YEAR = date(2025, 12, 31), date(2026, 1, 1)


def _judged(job_order, on):
    """The employer's findings about the job order, by its own check and by the sweep (the two
    must agree), as {code: finding}."""

    def seen():
        found = open_findings(employer=job_order.employer, period=f"job-order:{job_order.pk}")
        return found, {code: (f.severity, f.evidence) for code, f in found.items()}

    verify_subject("employer", job_order.employer_id, on=on)
    _, alone = seen()
    Finding.objects.filter(employer=job_order.employer).delete()
    engine.run_sweep_now(on=on)
    found, swept = seen()
    assert swept == alone
    return found


def _moscow_offer(wage: str, **fields):
    return factories.JobOrderFactory(monthly_wage_rub=D(wage), work_region="RU-MOW", **fields)


def test_an_offer_lawful_in_2025_becomes_a_breach_when_the_2026_minimum_takes_effect():
    """35,000 a month in Moscow: above 32,916 (2025) on 31 Dec 2025, below 39,730 (2026) on
    1 Jan 2026, short by 4,730."""
    offer = _moscow_offer("35000.00", title="Concrete worker")
    assert "WAGE_BELOW_MINIMUM" not in _judged(offer, NEW_YEARS_EVE)
    finding = _judged(offer, NEW_YEAR)["WAGE_BELOW_MINIMUM"]
    assert finding.placement is None and finding.employer == offer.employer
    figures = finding.evidence["figures"]
    assert (figures["job_order_id"], figures["job_order_title"]) == (offer.pk, "Concrete worker")
    assert (figures["minimum_rub"], figures["shortfall_rub"]) == ("39730.00", "4730.00")
    assert finding_message(finding).startswith(
        "On 1 January 2026 the open job order “Concrete worker” offers 35,000 RUB a month"
    )


def test_an_offer_at_the_minimum_passes_and_a_kopeck_below_fails():
    """Moscow from 1 Jan 2026: 39,730.00 is the minimum itself; 39,729.99 is a kopeck short."""
    assert "WAGE_BELOW_MINIMUM" not in _judged(_moscow_offer("39730.00"), NEW_YEAR)
    assert "WAGE_BELOW_MINIMUM" in _judged(_moscow_offer("39729.99"), NEW_YEAR)


@pytest.mark.parametrize("status", [JobOrderStatus.FILLED, JobOrderStatus.CLOSED])
def test_a_filled_or_closed_offer_is_no_longer_judged_and_its_finding_clears(status):
    offer = _moscow_offer("35000.00")
    assert "WAGE_BELOW_MINIMUM" in _judged(offer, NEW_YEAR)
    offer.status = status
    offer.save()
    verify_subject("employer", offer.employer_id, on=NEW_YEAR)
    finding = Finding.objects.get(employer=offer.employer, rule__code="WAGE_BELOW_MINIMUM")
    assert (finding.status, finding.close_reason) == ("resolved", "condition cleared")


def test_a_draft_offer_is_not_judged():
    assert "WAGE_BELOW_MINIMUM" not in _judged(
        _moscow_offer("1000.00", status=JobOrderStatus.DRAFT), NEW_YEAR
    )


def test_an_open_offer_is_judged_against_a_new_weekly_maximum():
    """40 hours a week is lawful; the official lowers the maximum to 36 from 1 Jan 2026, so the
    open offer of 40 hours breaks it from that day (and one of 36 does not)."""
    set_parameters("HOURS_WEEKLY_EXCEEDED", NEW_YEAR, max_hours_per_week=36)
    forty = _moscow_offer("60000.00", hours_per_week=D("40.0"))
    thirty_six = _moscow_offer("60000.00", hours_per_week=D("36.0"))
    assert "HOURS_WEEKLY_EXCEEDED" not in _judged(forty, NEW_YEARS_EVE)
    finding = _judged(forty, NEW_YEAR)["HOURS_WEEKLY_EXCEEDED"]
    assert finding.evidence["figures"]["hours_per_week"] == "40"
    assert finding.evidence["figures"]["job_order_id"] == forty.pk
    assert "HOURS_WEEKLY_EXCEEDED" not in _judged(thirty_six, NEW_YEAR)


def _queries_of_judging_every_employer() -> int:
    with CaptureQueriesContext(connection) as captured:
        engine.evaluate_subjects("employer", on=NEW_YEAR)
    return len(captured)


def test_judging_the_open_offers_costs_the_same_queries_for_one_or_thirty():
    employer = factories.EmployerFactory()
    factories.JobOrderFactory(employer=employer, monthly_wage_rub=D("35000.00"))
    one = _queries_of_judging_every_employer()
    factories.JobOrderFactory.create_batch(29, employer=employer, monthly_wage_rub=D("35000.00"))
    Finding.objects.all().delete()
    assert _queries_of_judging_every_employer() == one
    assert Finding.objects.filter(rule__code="WAGE_BELOW_MINIMUM", employer=employer).count() == 30


def test_filling_the_offer_clears_its_finding_at_once(django_capture_on_commit_callbacks):
    """Today Moscow's minimum is at least 39,730 (2026), so an open offer of 35,000 breaks it;
    the employer marks it filled and the employer's checks, run on that change, clear it."""
    offer = _moscow_offer("35000.00")
    verify_subject("employer", offer.employer_id)
    assert "WAGE_BELOW_MINIMUM" in open_findings(employer=offer.employer)
    staff = actor_for(factories.employer_user(employer=offer.employer))
    with django_capture_on_commit_callbacks(execute=True):
        move_job_order(actor=staff, job_order_id=offer.pk, move="fill")
    assert "WAGE_BELOW_MINIMUM" not in open_findings(employer=offer.employer)
