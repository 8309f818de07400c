"""The agency workspace, worker and case pages, the officials' case list and agency page."""

import csv
import io
import re
from datetime import UTC, date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mobility.models import Side
from tests import factories
from tests.compliance.reports_helpers import export_from_page
from tests.world import S, contract_body
from workers.documents.sample_files import pdf_bytes
from workers.models import AgencyStatus, CaseEvent, Document, Placement, Worker

pytestmark = pytest.mark.django_db


def move_buttons(html: str) -> set[str]:
    return set(re.findall(r'data-move="([a-z_]+)"', html))


def test_the_pipeline_counts_cases_per_status_for_the_agency_only(client, world):
    for status in (S.DRAFT, S.DRAFT, S.SUBMITTED, S.EMPLOYED):
        world.case(status)
    world.case(S.EMPLOYED, peer=True)
    client.force_login(world.agency_a_user)
    html = client.get("/agency/").content.decode()
    counts = dict(re.findall(r'data-status="([a-z_]+)">\s*<span class="count">(\d+)</span>', html))
    assert counts[S.DRAFT] == "2" and counts[S.SUBMITTED] == "1" and counts[S.EMPLOYED] == "1"
    assert counts[S.REJECTED] == "0"


def test_the_worker_list_searches_by_name_or_passport_and_shows_an_empty_state(client, world):
    factories.WorkerFactory(
        agency=world.agency_a, full_name="Meera Nair", passport_number="M7654321"
    )
    factories.WorkerFactory(agency=world.agency_a, full_name="Ravi Singh")
    client.force_login(world.agency_a_user)
    assert "Meera Nair" in client.get("/agency/", {"q": "m7654321"}).content.decode()
    page = client.get("/agency/", {"q": "meera"}).content.decode()
    assert "Meera Nair" in page and "Ravi Singh" not in page
    assert (
        "No worker matches this search." in client.get("/agency/", {"q": "nobody"}).content.decode()
    )


def test_the_workspace_is_for_agency_staff(client, world):
    client.force_login(world.employer_a_user)
    assert client.get("/agency/").status_code == 404
    client.logout()
    assert client.get("/agency/").status_code == 302


def test_an_agency_registers_a_worker_through_the_page(client, world):
    client.force_login(world.agency_a_user)
    form = {
        "full_name": "Sita Devi",
        "date_of_birth": "1990-01-01",
        "sex": "F",
        "passport_number": "s1234567",
        "passport_expiry": "2035-01-01",
        "state_of_origin": "IN-KL",
        "phone": "+91 98765 43210",
        "occupation": "7112",
        "preferred_language": "hi",
    }
    response = client.post("/agency/workers/new/", form)
    assert response.status_code == 200
    assert "The worker&#x27;s consent to data processing is required." in response.content.decode()
    assert not Worker.objects.exists()
    response = client.post("/agency/workers/new/", {**form, "consent": "on"})
    worker = Worker.objects.get()
    assert response.status_code == 302 and response.url == f"/agency/workers/{worker.pk}/"
    assert worker.passport_number == "S1234567"


def test_buttons_appear_only_for_the_moves_the_table_allows_that_user(client, world):
    placement = world.case(S.SUBMITTED)
    expected = {
        world.agency_a_user: {S.WITHDRAWN},
        world.employer_a_user: {S.ACCEPTED, S.REJECTED},
        world.official: {S.WITHDRAWN},
    }
    for user, moves in expected.items():
        client.force_login(user)
        assert move_buttons(client.get(f"/cases/{placement.pk}/").content.decode()) == moves
    client.force_login(world.employer_b_user)
    assert client.get(f"/cases/{placement.pk}/").status_code == 404


def test_the_employer_signs_the_contract_from_the_case_page(client, world):
    placement = world.case(S.ACCEPTED)
    client.force_login(world.employer_a_user)
    html = client.get(f"/cases/{placement.pk}/").content.decode()
    assert 'name="contract_wage_rub"' in html
    response = client.post(
        f"/cases/{placement.pk}/move/contract_signed/", contract_body(), follow=True
    )
    placement.refresh_from_db()
    assert placement.status == S.CONTRACT_SIGNED
    assert "Contract signed" in response.content.decode()


def test_a_refused_move_from_the_page_names_the_problem_and_changes_nothing(client, world):
    placement = world.case(S.DRAFT)
    placement.worker.documents.all().delete()
    client.force_login(world.agency_a_user)
    response = client.post(f"/cases/{placement.pk}/move/submitted/", follow=True)
    assert "A copy of the passport has not been uploaded." in response.content.decode()
    assert not CaseEvent.objects.filter(placement=placement).exists()


def test_documents_are_uploaded_from_the_case_page(client, world):
    placement = world.case(S.SUBMITTED)
    client.force_login(world.employer_a_user)
    upload = SimpleUploadedFile("contract.pdf", pdf_bytes("contract"))
    response = client.post(
        f"/cases/{placement.pk}/documents/", {"kind": "contract", "file": upload}, follow=True
    )
    assert "The document is uploaded." in response.content.decode()
    assert Document.objects.filter(placement=placement, kind="contract").exists()


def test_the_official_case_list_filters_and_respects_regions(client, world):
    mine = world.case(S.SUBMITTED)
    other = world.case(S.EMPLOYED, peer=True)
    client.force_login(world.official_mow)
    html = client.get("/officials/cases/").content.decode()
    assert mine.reference in html and other.reference not in html
    client.force_login(world.official)
    html = client.get("/officials/cases/", {"status": S.EMPLOYED}).content.decode()
    assert other.reference in html and mine.reference not in html
    client.force_login(world.agency_a_user)
    assert client.get("/officials/cases/").status_code == 404


def test_an_indian_official_suspends_an_agency_from_its_page(client, world):
    official = factories.official_user(Side.INDIA)
    client.force_login(official)
    assert 'name="decision"' in client.get(f"/agencies/{world.agency_a.pk}/").content.decode()
    decision = {"decision": "suspend", "reason": "Complaints."}
    asked = client.post(f"/agencies/{world.agency_a.pk}/decide/", decision)
    assert "The decision is recorded for good." in asked.content.decode()
    world.agency_a.refresh_from_db()
    assert world.agency_a.status == AgencyStatus.ACTIVE
    response = client.post(
        f"/agencies/{world.agency_a.pk}/decide/", {**decision, "confirm": "yes"}, follow=True
    )
    world.agency_a.refresh_from_db()
    assert world.agency_a.status == AgencyStatus.SUSPENDED
    assert "Complaints." in response.content.decode()
    client.force_login(world.official)
    assert 'name="decision"' not in client.get(f"/agencies/{world.agency_a.pk}/").content.decode()


def test_a_russian_official_finds_no_decision_to_make_on_an_agency(client, world):
    client.force_login(world.official)
    decision = {"decision": "suspend", "reason": "Complaints.", "confirm": "yes"}
    assert client.post(f"/agencies/{world.agency_a.pk}/decide/", decision).status_code == 404
    world.agency_a.refresh_from_db()
    assert world.agency_a.status == AgencyStatus.ACTIVE and not world.agency_a.decisions.exists()


def test_an_employer_sees_a_candidate_with_the_passport_number_masked(client, world):
    placement = world.case(S.SUBMITTED)
    client.force_login(world.employer_a_user)
    html = client.get(f"/agency/workers/{placement.worker_id}/").content.decode()
    number = placement.worker.passport_number
    assert number not in html and "*****" + number[-3:] in html
    assert placement.worker.phone not in html


def test_the_official_case_list_exports_within_the_officials_scope(client, world):
    mine = world.case(S.SUBMITTED)
    other = world.case(S.EMPLOYED, peer=True)
    client.force_login(world.official_mow)
    assert "export_cases" in client.get("/officials/cases/").text
    body = export_from_page(client, "export_cases").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert (rows[0]["status"], rows[0]["status_label"]) == (
        "submitted",
        "Submitted to the employer",
    )
    assert (rows[0]["work_region"], rows[0]["work_region_label"]) == ("RU-MOW", "Moscow")
    assert mine.reference in body and other.reference not in body


def test_the_worker_list_filters_by_state_of_origin(client, world):
    factories.WorkerFactory(
        agency=world.agency_a, full_name="Gurpreet Kaur", state_of_origin="IN-PB"
    )
    factories.WorkerFactory(agency=world.agency_a, full_name="Anu Thomas", state_of_origin="IN-KL")
    client.force_login(world.agency_a_user)
    html = client.get("/agency/", {"state_of_origin": "IN-PB"}).content.decode()
    assert "Gurpreet Kaur" in html and "Anu Thomas" not in html


def test_the_agency_edits_its_worker_and_a_peer_cannot(client, world):
    worker = factories.WorkerFactory(agency=world.agency_a)
    client.force_login(world.agency_b_user)
    assert client.get(f"/agency/workers/{worker.pk}/edit/").status_code == 404
    client.force_login(world.agency_a_user)
    form = client.get(f"/agency/workers/{worker.pk}/edit/").context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["phone"] = "+91 91234 56789"
    response = client.post(f"/agency/workers/{worker.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    worker.refresh_from_db()
    assert worker.phone == "+919123456789"
    data["passport_expiry"] = "2001-01-01"
    response = client.post(f"/agency/workers/{worker.pk}/edit/", data)
    assert "passport has expired" in response.content.decode()


def test_an_indian_official_registers_an_agency_from_the_page_and_others_cannot(client):
    from workers.models import Agency

    data = {
        "name": "Kochi Careers",
        "licence_number": "B-77/KER/1",
        "licence_valid_until": "2031-03-31",
        "state": "IN-KL",
    }
    client.force_login(factories.official_user(Side.RUSSIA))
    assert client.post("/agencies/new/", data).status_code == 404
    client.force_login(factories.official_user(Side.INDIA))
    response = client.post("/agencies/new/", data)
    agency = Agency.objects.get(licence_number="B-77/KER/1")
    assert response.url == f"/agencies/{agency.pk}/"
    duplicate = client.post("/agencies/new/", data)
    assert duplicate.status_code == 200 and Agency.objects.count() == 1


def test_the_case_page_lists_what_is_still_needed_before_submitting(client, world):
    placement = world.case(S.DRAFT)
    placement.worker.documents.filter(kind="passport").delete()
    client.force_login(world.agency_a_user)
    html = client.get(f"/cases/{placement.pk}/").content.decode()
    assert "Still needed before this step:" in html
    assert "A copy of the passport has not been uploaded." in html


def test_an_official_verifies_a_document_from_the_case_page(client, world):
    placement = world.case(S.SUBMITTED)
    passport = placement.worker.documents.get(kind="passport")
    client.force_login(world.agency_a_user)
    assert 'name="outcome"' not in client.get(f"/cases/{placement.pk}/").content.decode()
    client.force_login(world.official)
    page = f"/cases/{placement.pk}/"
    assert 'name="outcome"' in client.get(page).content.decode()
    response = client.post(
        f"/documents/{passport.pk}/verify/", {"outcome": "verified", "next": page}
    )
    assert response.url == page
    passport.refresh_from_db()
    assert passport.verification_status == "verified" and passport.verified_by == world.official
    outside = client.post(
        f"/documents/{passport.pk}/verify/",
        {"outcome": "verified", "next": "https://evil.example/"},
    )
    assert outside.url == f"/agency/workers/{placement.worker_id}/"


def test_the_case_page_writes_money_hours_dates_and_zoned_times_in_words(client, world):
    case = world.case(S.CONTRACT_SIGNED)
    Placement.objects.filter(pk=case.pk).update(
        contract_wage_rub="85000.00",
        contract_hours_per_week="40.0",
        contract_start=date(2027, 1, 11),
        contract_end=date(2028, 1, 10),
    )
    event = CaseEvent.objects.create(placement=case, from_status="", to_status=S.DRAFT)
    CaseEvent.objects.filter(pk=event.pk).update(at=datetime(2026, 12, 2, 6, 29, tzinfo=UTC))
    client.force_login(world.employer_a_user)
    html = client.get(f"/cases/{case.pk}/").content.decode()
    # Not "85000.00 RUB, 40.0 h · 2027-01-11": grouped money, hours in words, day-first dates.
    assert "85,000 RUB, 40 hours · 11 January 2027 – 10 January 2028" in html
    # The employer reads Moscow time; the agency, in India, reads the same event in India time.
    assert "2 December 2026, 09:29 (Moscow time)" in html
    client.force_login(world.agency_a_user)
    html = client.get(f"/cases/{case.pk}/").content.decode()
    assert "2 December 2026, 11:59 (India time)" in html
