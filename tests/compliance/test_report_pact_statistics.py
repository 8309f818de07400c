"""The pact's statistics open in a spreadsheet with the rows of a small world counted by
hand, in XLSX and CSV, and a Moscow official's hold Moscow only."""

import csv
import io
from datetime import datetime

import openpyxl
import pytest
from django.utils import timezone

from compliance.reports.documents.pact_statistics import write_pact_statistics
from compliance.reports.documents.serializers import PactStatisticsFilters
from tests import factories
from tests.reports_helpers import filters_of, written
from workers.models import Placement

pytestmark = pytest.mark.django_db

OCTOBER = timezone.make_aware(datetime(2025, 10, 20, 12, 0))


@pytest.fixture
def small_world(world):
    """Two Kerala workers employed in Moscow construction, one in Saint Petersburg textiles,
    all entered before October 2025 ended; one wage finding and one wage grievance (still
    open, long past its 30 days) in October."""
    moscow = [factories.PlacementFactory(employed=True, job_order=world.job_a) for _ in range(2)]
    spb = factories.PlacementFactory(employed=True, job_order=world.job_b)
    Placement.objects.update(created_at=OCTOBER)
    factories.FindingFactory(placement=moscow[0], code="WAGE_UNDERPAID", first_detected_at=OCTOBER)
    factories.GrievanceFactory(placement=spb, created_at=OCTOBER)
    return world


def _sheets(content: bytes) -> dict[str, list[list]]:
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}


def test_xlsx_counts_workers_findings_grievances_and_the_target(small_world):
    filters = filters_of(PactStatisticsFilters, small_world.official, month="2025-10")
    content, progress = written(write_pact_statistics, filters, "xlsx")
    sheets = _sheets(content)

    assert list(sheets) == ["Workers", "Findings", "Grievances", "Employment against target"]
    assert sheets["Workers"] == [
        [
            "Month",
            "Stage code",
            "Stage",
            "Sector code",
            "Sector",
            "Region code",
            "Region",
            "State of origin code",
            "State of origin",
            "Workers",
        ],
        [
            "2025-10",
            "employed",
            "Employed",
            "construction",
            "Construction",
            "RU-MOW",
            "Moscow",
            "IN-KL",
            "Kerala",
            2,
        ],
        [
            "2025-10",
            "employed",
            "Employed",
            "textiles",
            "Textiles",
            "RU-SPE",
            "Saint Petersburg",
            "IN-KL",
            "Kerala",
            1,
        ],
    ]
    assert sheets["Findings"][1:] == [
        ["2025-10", "wages", "Wages and hours", "breach", "Breach", 1, 0]
    ]
    assert sheets["Grievances"][1:] == [
        ["2025-10", "wages", "Unpaid or underpaid wages", 1, 0, 0, 1]
    ]
    assert sheets["Employment against target"][1:] == [["2025-10", 3, 70000, 0]]
    assert progress[-1] == 100


def test_a_moscow_officials_statistics_hold_moscow_only(small_world):
    filters = filters_of(PactStatisticsFilters, small_world.official_mow, month="2025-10")
    sheets = _sheets(written(write_pact_statistics, filters, "xlsx")[0])
    assert [row[5] for row in sheets["Workers"][1:]] == ["RU-MOW"]
    assert sheets["Grievances"][1:] == []
    assert sheets["Employment against target"][1:] == [["2025-10", 2, 70000, 0]]


def test_csv_holds_the_same_tables_under_their_titles_in_russian(small_world):
    filters = filters_of(
        PactStatisticsFilters, small_world.official, month="2025-10", language="ru"
    )
    content = written(write_pact_statistics, filters, "csv")[0]
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[2][:2] == ["2025-10", "employed"]
    assert rows[2][6] == "Москва"
    assert rows[2][9] == "2"
    assert ["2025-10", "3", "70000", "0.0"] in rows


def test_only_officials_may_ask_for_the_pact_statistics(small_world):
    from rest_framework.exceptions import NotFound

    for user in (small_world.agency_a_user, small_world.employer_a_user):
        with pytest.raises(NotFound):
            filters_of(PactStatisticsFilters, user, month="2025-10")
