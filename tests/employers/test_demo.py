"""The employers in `seed_demo`: approved and pending sponsors across regions and the four pact
sectors, open job orders, and nothing new on a second run."""

import pghistory.models
import pytest

from employers.job_orders.services import job_order_problems
from employers.models import Employer, JobOrder, SponsorshipDecision
from mobility.seed import seed_demo

pytestmark = pytest.mark.django_db


def test_demo_employers_cover_the_pact_sectors_regions_and_statuses():
    seed_demo(password="demo-pass")
    approved = Employer.objects.filter(sponsorship_status="approved")
    assert {"construction", "textiles", "machinery", "electronics"} <= set(
        approved.values_list("sector", flat=True)
    )
    assert Employer.objects.values("region").distinct().count() >= 5
    assert Employer.objects.filter(sponsorship_status="applied").count() >= 2
    employer_a = Employer.objects.get(members__user__username="employer-a")
    assert employer_a.job_orders.filter(status="open").exists()
    assert employer_a.job_orders.filter(status="draft").exists()
    assert JobOrder.objects.filter(status="open", employer__members__user__username="employer-b")
    assert SponsorshipDecision.objects.filter(employer=employer_a, decision="approve").exists()


def test_open_demo_job_orders_meet_the_rules_of_their_region():
    seed_demo(password="demo-pass")
    for job_order in JobOrder.objects.filter(
        status="open", employer__sponsorship_status="approved"
    ).select_related("employer"):
        assert job_order_problems(job_order) == [], job_order


def test_second_run_changes_nothing():
    seed_demo(password="demo-pass")
    counts = (
        JobOrder.objects.count(),
        SponsorshipDecision.objects.count(),
        pghistory.models.Events.objects.count(),
    )
    seed_demo(password="demo-pass")
    assert counts == (
        JobOrder.objects.count(),
        SponsorshipDecision.objects.count(),
        pghistory.models.Events.objects.count(),
    )
