"""Every list exported as a job: the rows of the list endpoint for the same person and filters,
in CSV and XLSX, passport numbers masked as the API masks them, codes beside their words, times
in the reader's zone, and no cell a spreadsheet would run as a formula."""

import pytest

from compliance.models import WageReport
from tests import factories
from tests.compliance.reports_helpers import (
    csv_rows,
    file_of,
    listed,
    request_export,
    xlsx_rows,
)
from workers.models import PlacementStatus

S = PlacementStatus


def _export(api, user, kind, file_format="csv", filters=None) -> list[dict]:
    response = request_export(api, user, kind, file_format, filters)
    assert response.status_code == 202, response.json()
    report = api.get(f"/api/v1/reports/{response.json()['id']}/").json()
    assert report["status"] == "finished", report
    content = file_of(api.get(report["download_url"]))
    return csv_rows(content) if file_format == "csv" else xlsx_rows(content)


@pytest.fixture
def cases(world):
    """Cases in Moscow (employer A) and in St Petersburg (employer B), of both agencies."""
    return [
        world.case(S.SUBMITTED),
        world.case(S.EMPLOYED),
        world.case(S.SUBMITTED, peer=True),
        world.case(S.EMPLOYED, job_order=world.job_b),
    ]


@pytest.mark.parametrize("persona", ["official_mow", "employer_a_user", "agency_a_user"])
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_export_of_cases_holds_what_the_list_shows_that_person(
    world, api, cases, persona, file_format
):
    user = getattr(world, persona)
    shown = [row["reference"] for row in listed(api, user, "/api/v1/placements/")]
    exported = [row["reference"] for row in _export(api, user, "export_cases", file_format)]
    assert exported == shown
    expected = {
        "official_mow": {cases[0].reference, cases[1].reference},
        "employer_a_user": {cases[0].reference, cases[1].reference},
        "agency_a_user": {cases[0].reference, cases[1].reference, cases[3].reference},
    }[persona]
    assert set(exported) == expected


def test_a_region_limited_officials_findings_export_holds_only_their_region(world, api, cases):
    moscow = factories.FindingFactory(placement=cases[1])
    factories.FindingFactory(placement=cases[3])
    rows = _export(api, world.official_mow, "export_findings", "xlsx")
    assert [row["id"] for row in rows] == [moscow.pk]
    assert [r["id"] for r in listed(api, world.official_mow, "/api/v1/findings/")] == [moscow.pk]
    assert len(_export(api, world.official, "export_findings", "xlsx")) == 2


def test_the_lists_filters_narrow_the_export_as_they_narrow_the_list(world, api, cases):
    filters = {"status": "employed", "job_order__work_region": "RU-MOW"}
    rows = _export(api, world.official, "export_cases", "xlsx", filters)
    shown = listed(api, world.official, "/api/v1/placements/", filters)
    assert [row["reference"] for row in rows] == [row["reference"] for row in shown]
    assert [row["reference"] for row in rows] == [cases[1].reference]


def test_the_xlsx_has_the_same_rows_as_the_list_and_keeps_numbers_and_dates(world, api, cases):
    WageReport.objects.all().delete()
    report = factories.WageReportFactory(placement=cases[1])
    rows = _export(api, world.official, "export_wage_reports", "xlsx")
    shown = listed(api, world.official, "/api/v1/wage-reports/")
    assert [row["id"] for row in rows] == [row["id"] for row in shown] == [report.pk]
    assert rows[0]["case"] == cases[1].reference
    assert rows[0]["gross_rub"] == float(report.gross_rub)
    assert rows[0]["month"] == report.month.strftime("%Y-%m")


def test_passport_numbers_are_masked_for_employers_and_whole_for_officials(world, api, cases):
    worker = cases[0].worker
    by_employer = {r["full_name"]: r for r in _export(api, world.employer_a_user, "export_workers")}
    assert by_employer[worker.full_name]["passport_number"] == "*****" + worker.passport_number[-3:]
    # Nor the contact data and date of birth the employer's API view leaves out.
    assert "phone" not in by_employer[worker.full_name]
    assert "date_of_birth" not in by_employer[worker.full_name]
    by_official = {r["full_name"]: r for r in _export(api, world.official, "export_workers")}
    assert by_official[worker.full_name]["passport_number"] == worker.passport_number
    by_agency = {r["worker"]: r for r in _export(api, world.agency_a_user, "export_cases")}
    assert by_agency[worker.full_name]["passport_number"] == worker.passport_number
    by_employer = {r["worker"]: r for r in _export(api, world.employer_a_user, "export_cases")}
    assert by_employer[worker.full_name]["passport_number"] == "*****" + worker.passport_number[-3:]


DANGEROUS = ['=HYPERLINK("http://x")', "+1+2", "-3+4", "@SUM(A1)", "\tTab", "\rReturn"]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_cells_a_spreadsheet_would_run_are_written_as_text(world, api, file_format):
    for name in DANGEROUS:
        factories.WorkerFactory(agency=world.agency_a, full_name=name)
    rows = _export(api, world.agency_a_user, "export_workers", file_format)
    assert sorted(row["full_name"] for row in rows) == sorted("'" + name for name in DANGEROUS)


def test_no_xlsx_cell_is_a_formula(world, api):
    import io

    import openpyxl

    factories.WorkerFactory(agency=world.agency_a, full_name="=1+1")
    response = request_export(api, world.agency_a_user, "export_workers", "xlsx")
    content = file_of(api.get(f"/api/v1/reports/{response.json()['id']}/download/"))
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_codes_and_words_sit_in_columns_of_their_own_in_the_reports_language(world, api, cases):
    english = {r["reference"]: r for r in _export(api, world.official, "export_cases")}
    assert english[cases[1].reference]["status"] == "employed"
    assert english[cases[1].reference]["status_label"] == "Employed"
    assert english[cases[1].reference]["work_region_label"] == "Moscow"
    response = request_export(api, world.official, "export_cases", "csv", language="ru")
    content = file_of(api.get(f"/api/v1/reports/{response.json()['id']}/download/"))
    russian = {r["reference"]: r for r in csv_rows(content)}
    assert russian[cases[1].reference]["status"] == "employed"
    assert russian[cases[1].reference]["work_region_label"] == "Москва"


def test_times_are_in_the_readers_zone_named_in_the_header(world, api, cases):
    moscow = _export(api, world.official, "export_cases")[0]
    assert moscow["updated_at (Europe/Moscow)"].endswith("+03:00")
    india = _export(api, world.agency_a_user, "export_cases")[0]
    assert india["updated_at (Asia/Kolkata)"].endswith("+05:30")


@pytest.mark.parametrize(
    "kind",
    [
        "export_cases",
        "export_workers",
        "export_employers",
        "export_agencies",
        "export_findings",
        "export_grievances",
        "export_wage_reports",
        "export_check_runs",
    ],
)
def test_every_list_exports_in_both_formats_in_queries_that_do_not_grow_with_rows(
    world, api, cases, kind, django_assert_max_num_queries
):
    factories.FindingFactory(placement=cases[1])
    factories.GrievanceFactory(placement=cases[1])
    factories.CheckRunFactory()
    factories.WageReportFactory(placement=cases[1])
    for file_format in ("csv", "xlsx"):
        with django_assert_max_num_queries(40):
            rows = _export(api, world.official, kind, file_format)
        assert rows, kind
