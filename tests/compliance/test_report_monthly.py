"""On the 1st each official side gets the previous month's reports: the Russian side every
sponsor's employer report in Russian, the Indian side every agency's and every sponsor's
report in English."""

from datetime import date

import pytest
from django.test import TestCase

from compliance.models import Report
from compliance.reports.documents.monthly import (
    monthly_reports,
    previous_month,
    request_monthly_reports,
)
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_previous_month_of_the_first_of_january_is_december():
    assert previous_month(date(2026, 1, 1)) == "2025-12"


def test_each_side_gets_the_reports_of_every_sponsor_and_agency(world):
    factories.EmployerFactory(sponsorship_status="applied")
    factories.EmployerFactory(sponsorship_status="rejected")
    reports = monthly_reports("2026-11")
    ru = {"role": "official", "side": "RU", "regions": [], "organisation": None}
    india = {**ru, "side": "IN"}
    assert reports == [
        ("employer_compliance", {"employer": e, "month": "2026-11", "language": "ru", "scope": ru})
        for e in (world.employer_a.pk, world.employer_b.pk)
    ] + [
        (
            "employer_compliance",
            {"employer": e, "month": "2026-11", "language": "en", "scope": india},
        )
        for e in (world.employer_a.pk, world.employer_b.pk)
    ] + [
        ("agency_compliance", {"agency": a, "month": "2026-11", "language": "en", "scope": india})
        for a in (world.agency_a.pk, world.agency_b.pk)
    ]


def test_the_beat_job_asks_for_each_monthly_report_once_and_each_side_reads_its_own(world, api):
    with TestCase.captureOnCommitCallbacks(execute=False):
        assert request_monthly_reports(date(2026, 12, 1)) == 6
        assert request_monthly_reports(date(2026, 12, 1)) == 6  # the job runs twice: no more
    assert Report.objects.count() == 6
    assert set(Report.objects.values_list("month", flat=True)) == {date(2026, 11, 1)}
    russian = Report.objects.filter(scope_side="RU")
    assert sorted(russian.values_list("filters__employer", flat=True)) == sorted(
        [world.employer_a.pk, world.employer_b.pk]
    )
    listed = api.as_user(world.official).get("/api/v1/reports/").json()["results"]
    assert {row["id"] for row in listed} == set(russian.values_list("pk", flat=True))
