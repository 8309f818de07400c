"""The employer's and the agency's compliance reports read correctly as PDFs: who they are,
each finding with its legal source, grievances as counts, in Russian, English or Hindi."""

import subprocess
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from rest_framework.exceptions import NotFound, ValidationError

from compliance.models import Report
from compliance.reports.documents.compliance_reports import (
    write_agency_compliance,
    write_employer_compliance,
)
from compliance.reports.documents.serializers import (
    AgencyComplianceFilters,
    EmployerComplianceFilters,
)
from tests import factories
from tests.compliance.reports_helpers import file_of, request_export
from tests.reports_helpers import devanagari, filters_of, pdf_text, written
from workers.models import CaseEvent, Placement

pytestmark = pytest.mark.django_db

OCTOBER = timezone.make_aware(datetime(2025, 10, 20, 12, 0))
UNDERPAID = {
    "expected": "at least 60000 RUB",
    "actual": "50000 RUB",
    "legal_source": "Labour Code RF art. 135, 136, 152",
    "figures": {
        "month": "2025-10",
        "gross_rub": "50000",
        "owed_rub": "60000",
        "hours_worked": "184",
        "norm_hours": "184",
        "shortfall_rub": "10000",
        "overtime_hours": "0",
        "overtime_multiplier": "1.5",
    },
}


def _case_of_october(world, **fields):
    """A case entered in the system before October 2025 ended (the period reported)."""
    case = world.case("employed", **fields)
    Placement.objects.filter(pk=case.pk).update(created_at=OCTOBER)
    return case


def _moscow_world(world):
    world.employer_a.legal_name = "ООО Стройка Москва"
    world.employer_a.save()
    case = _case_of_october(world)
    factories.FindingFactory(
        placement=case,
        code="WAGE_UNDERPAID",
        period="2025-10",
        evidence=UNDERPAID,
        first_detected_at=OCTOBER,
    )
    factories.GrievanceFactory(placement=case, category="wages", created_at=OCTOBER)
    return case


def test_russian_employer_report_names_the_employer_the_finding_and_its_legal_source(world):
    case = _moscow_world(world)
    filters = filters_of(
        EmployerComplianceFilters,
        world.official,
        employer=world.employer_a.pk,
        month="2025-10",
        language="ru",
    )
    pdf, progress = written(write_employer_compliance, filters)
    text = pdf_text(pdf)
    flat = " ".join(text.split())

    assert pdf.startswith(b"%PDF")
    assert "ООО Стройка Москва" in flat
    assert world.employer_a.inn in flat
    assert "Москва" in flat  # the region in words
    assert "Трудовой кодекс РФ, ст. 135, 136, 152" in flat
    assert "Зарплата выплачена не полностью" in flat  # the rule's title
    assert "октябрь 2025" in flat.lower()
    assert "10 000 руб." in flat  # the shortfall, as a Russian reader writes money
    assert case.reference in flat
    # Grievances are counts: neither the worker's name nor what they wrote.
    assert case.worker.full_name not in flat
    assert "My October wage" not in flat
    assert progress[-1] == 100 and progress == sorted(progress)


def test_english_employer_report_counts_grievances_by_category_and_clock(world):
    case = _moscow_world(world)
    factories.GrievanceFactory(placement=case, category="unsafe_work", created_at=OCTOBER)
    factories.CheckRunFactory(started_at=OCTOBER, finished_at=OCTOBER)
    factories.CheckRunFactory(placement=case, started_at=OCTOBER, finished_at=OCTOBER)
    filters = filters_of(
        EmployerComplianceFilters,
        world.official,
        employer=world.employer_a.pk,
        period_from="2025-10-01",
        period_to="2025-10-31",
        language="en",
    )
    flat = " ".join(pdf_text(written(write_employer_compliance, filters)[0]).split())

    assert "1 October 2025 to 31 October 2025" in flat
    assert "Labour Code RF art. 135, 136, 152" in flat
    # Filed in October, still open long past the 30 days: one each, past the time limit.
    assert "Unpaid or underpaid wages 1 0 0 1" in flat
    assert "Unsafe work 1 0 0 1" in flat
    assert "Employed 1" in flat
    assert "Nightly sweeps of every case 1" in flat
    assert "Deadline runs over every case 0" in flat
    assert "Checks of single cases 1" in flat
    assert "Last sweep or deadline run 20 October 2025, 12:00 (Moscow time)" in flat


def test_employer_report_leaves_out_findings_of_another_employer_and_other_periods(world):
    _moscow_world(world)
    peer = _case_of_october(world, peer=True)
    factories.FindingFactory(
        placement=peer, code="SAFETY_INDUCTION_MISSING", first_detected_at=OCTOBER
    )
    own_later = _case_of_october(world)
    factories.FindingFactory(
        placement=own_later,
        code="MIGRATION_REGISTRATION_OVERDUE",
        first_detected_at=timezone.make_aware(datetime(2025, 12, 2)),
    )
    filters = filters_of(
        EmployerComplianceFilters,
        world.official,
        employer=world.employer_a.pk,
        month="2025-10",
        language="en",
    )
    flat = " ".join(pdf_text(written(write_employer_compliance, filters)[0]).split())

    assert peer.reference not in flat
    assert own_later.reference not in flat
    assert "Wage underpaid — October 2025" in flat


def test_hindi_agency_report_writes_devanagari_fees_and_duplicates(world):
    case = _case_of_october(world, recruitment_fee_inr=Decimal("45000"))
    factories.FindingFactory(
        placement=case,
        code="RECRUITMENT_FEE_CHARGED",
        severity="breach",
        evidence={"legal_source": "ILO Employer Pays Principle", "figures": {}},
        first_detected_at=OCTOBER,
    )
    duplicate = factories.WorkerFactory(agency=world.agency_a)
    factories.FindingFactory(
        worker=duplicate,
        agency=world.agency_a,
        code="WORKER_DUPLICATE",
        evidence={"figures": {"matches": [{"worker": 1, "similarity": 96}]}},
        first_detected_at=OCTOBER,
    )
    filters = filters_of(
        AgencyComplianceFilters,
        world.official_in,
        agency=world.agency_a.pk,
        month="2025-10",
        language="hi",
    )
    flat = " ".join(pdf_text(written(write_agency_compliance, filters)[0]).split())

    assert world.agency_a.name in flat
    assert world.agency_a.licence_number in flat
    assert devanagari("केरल") in devanagari(flat)  # the agency's state, Kerala, in Hindi
    assert devanagari("काम पर") in devanagari(flat)  # "Employed", the stage, in Hindi
    assert "45,000" in flat


def test_pdf_embeds_fonts_for_cyrillic_and_devanagari(world, tmp_path):
    case = world.case("employed")
    filters = filters_of(
        AgencyComplianceFilters,
        world.official_in,
        agency=case.agency_id,
        month="2025-10",
        language="hi",
    )
    path = tmp_path / "agency.pdf"
    path.write_bytes(written(write_agency_compliance, filters)[0])
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True).stdout
    assert b"Noto-Sans-Devanagari" in fonts
    assert all(line.split()[-5] == b"yes" for line in fonts.splitlines()[2:])  # embedded


def test_employer_staff_may_ask_for_their_own_report_only(world):
    filters_of(
        EmployerComplianceFilters,
        world.employer_a_user,
        employer=world.employer_a.pk,
        month="2025-10",
        language="ru",
    )
    with pytest.raises(NotFound):
        filters_of(
            EmployerComplianceFilters,
            world.employer_a_user,
            employer=world.employer_b.pk,
            month="2025-10",
            language="ru",
        )


def test_moscow_official_cannot_ask_for_a_saint_petersburg_employer(world):
    with pytest.raises(NotFound):
        filters_of(
            EmployerComplianceFilters,
            world.official_mow,
            employer=world.employer_b.pk,
            month="2025-10",
            language="ru",
        )


def test_agency_staff_may_not_ask_for_another_agencys_report(world):
    with pytest.raises(NotFound):
        filters_of(
            AgencyComplianceFilters,
            world.agency_a_user,
            agency=world.agency_b.pk,
            month="2025-10",
            language="en",
        )


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"month": "2025-13"},
        {"month": "2025-10", "period_from": "2025-10-01", "period_to": "2025-10-31"},
        {"period_from": "2025-10-01"},
        {"period_from": "2025-10-31", "period_to": "2025-10-01"},
        {"period_from": "2024-01-01", "period_to": "2025-10-01"},
        {"month": "2025-10", "language": "hi"},
    ],
)
def test_bad_employer_filters_are_refused_with_a_reason(world, data):
    data = {"employer": world.employer_a.pk, "language": "ru", **data}
    with pytest.raises(ValidationError):
        filters_of(EmployerComplianceFilters, world.official, **data)


def test_filters_keep_the_requesters_scope(world):
    filters = filters_of(
        EmployerComplianceFilters,
        world.official_mow,
        employer=world.employer_a.pk,
        month="2025-10",
        language="ru",
    )
    assert filters == {
        "employer": world.employer_a.pk,
        "month": "2025-10",
        "language": "ru",
        "scope": {
            "role": "official",
            "side": "RU",
            "regions": ["RU-MOW"],
            "organisation": None,
        },
    }
    assert date.fromisoformat(f"{filters['month']}-01")


def test_an_employers_own_report_counts_its_grievances_and_an_agencys_own_does_not(world):
    case = _moscow_world(world)
    own = filters_of(
        EmployerComplianceFilters,
        world.employer_a_user,
        employer=world.employer_a.pk,
        month="2025-10",
        language="en",
    )
    flat = " ".join(pdf_text(written(write_employer_compliance, own)[0]).split())
    assert "ООО Стройка Москва" in flat
    assert "Unpaid or underpaid wages 1 0 0 1" in flat
    assert case.worker.full_name not in flat

    agency = filters_of(
        AgencyComplianceFilters,
        world.agency_a_user,
        agency=world.agency_a.pk,
        month="2025-10",
        language="en",
    )
    flat = " ".join(pdf_text(written(write_agency_compliance, agency)[0]).split())
    assert "Grievances are handled by officials and are not shown to agencies." in flat
    assert "Unpaid or underpaid wages" not in flat


def test_cases_are_counted_in_the_stage_they_were_in_when_the_period_ended(world):
    """A case that arrived on 10 October and started work on 5 November is "arrived" in the
    October report, though employed now."""
    case = _case_of_october(world)
    for to_status, day in (("arrived", 10), ("employed", 35)):
        event = CaseEvent.objects.create(placement=case, from_status="", to_status=to_status)
        CaseEvent.objects.filter(pk=event.pk).update(
            at=timezone.make_aware(datetime(2025, 10, 1)) + timedelta(days=day - 1)
        )
    filters = filters_of(
        EmployerComplianceFilters,
        world.official,
        employer=world.employer_a.pk,
        month="2025-10",
        language="en",
    )
    flat = " ".join(pdf_text(written(write_employer_compliance, filters)[0]).split())
    assert "Arrived in Russia 1 All cases 1" in flat


def test_the_number_of_queries_does_not_grow_with_the_findings(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    filters = filters_of(
        EmployerComplianceFilters,
        world.official,
        employer=world.employer_a.pk,
        month="2025-10",
        language="en",
    )

    def queries_with(findings: int) -> int:
        for _ in range(findings):
            factories.FindingFactory(
                placement=_case_of_october(world),
                code="WAGE_UNDERPAID",
                period="2025-10",
                evidence=UNDERPAID,
                first_detected_at=OCTOBER,
            )
        with CaptureQueriesContext(connection) as captured:
            written(write_employer_compliance, filters)
        return len(captured)

    assert queries_with(1) == queries_with(5)


def test_an_official_asks_for_the_employers_report_as_a_job_and_downloads_the_pdf(world, api):
    _moscow_world(world)
    body = {"employer": world.employer_a.pk, "month": "2025-10", "language": "ru"}
    response = request_export(api, world.official, "employer_compliance", "pdf", body)
    assert response.status_code == 202, response.json()
    report = api.get(f"/api/v1/reports/{response.json()['id']}/").json()
    assert (report["status"], report["progress"]) == ("finished", 100)
    flat = " ".join(pdf_text(file_of(api.get(report["download_url"]))).split())
    assert "ООО Стройка Москва" in flat
    # Asked again on the same data, the finished file is reused.
    again = request_export(api, world.official, "employer_compliance", "pdf", body)
    assert again.json()["id"] == response.json()["id"]


def test_an_employer_cannot_ask_for_another_employers_report(world, api):
    body = {"employer": world.employer_b.pk, "month": "2025-10", "language": "en"}
    response = request_export(api, world.employer_a_user, "employer_compliance", "pdf", body)
    assert response.status_code in (400, 404)
    assert not Report.objects.exists()
