"""Forms that keep work: a refused form comes back with what was typed and each error beside
its field in plain words; the contract form starts from the job order's terms and takes the
signed contract; final moves ask first; staff read the timeline in the third person."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests import factories
from tests.world import S, contract_body
from workers.documents.sample_files import pdf_bytes
from workers.models import CaseEvent, Document, DocumentKind
from workers.placements import lifecycle

pytestmark = pytest.mark.django_db


def field_value(html: str, name: str) -> str | None:
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    value = tag and re.search(r'value="([^"]*)"', tag.group(0))
    return value.group(1) if value else None


def errors_after(html: str, field_id: str) -> list[str]:
    """The error list rendered right after the field's own widget and hint."""
    block = re.search(rf'<ul class="errors" id="{field_id}_errors">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(.*?)</li>", block.group(1)) if block else []


def test_a_refused_contract_form_keeps_its_four_values(client, world):
    placement = world.case(S.ACCEPTED)
    Document.objects.filter(placement=placement, kind=DocumentKind.CONTRACT).delete()
    client.force_login(world.employer_a_user)
    body = contract_body(contract_wage_rub="61000", contract_hours_per_week="38")
    response = client.post(f"/cases/{placement.pk}/move/{S.CONTRACT_SIGNED}/", body)
    assert response.status_code == 400
    html = response.content.decode()
    for name, value in body.items():
        assert field_value(html, name) == value, name
    assert "The signed employment contract has not been uploaded to the case." in html
    # The form is shown open, where the refusal is read.
    assert re.search(r"<details open>\s*<summary>Record the signed contract</summary>", html)
    placement.refresh_from_db()
    assert placement.status == S.ACCEPTED


def test_the_contract_form_starts_from_the_job_orders_terms_and_asks_for_the_contract(
    client, world
):
    placement = world.case(S.ACCEPTED)
    Document.objects.filter(placement=placement, kind=DocumentKind.CONTRACT).delete()
    client.force_login(world.employer_a_user)
    html = client.get(f"/cases/{placement.pk}/").content.decode()
    job_order = placement.job_order
    assert field_value(html, "contract_wage_rub") == str(job_order.monthly_wage_rub)
    assert field_value(html, "contract_hours_per_week") == str(job_order.hours_per_week)
    assert "The signed contract must be on file before the contract can be recorded" in html
    assert 'enctype="multipart/form-data"' in html and 'name="contract_file"' in html
    signed = SimpleUploadedFile("contract.pdf", pdf_bytes("Signed contract"), "application/pdf")
    body = contract_body(contract_file=signed)
    response = client.post(f"/cases/{placement.pk}/move/{S.CONTRACT_SIGNED}/", body)
    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.status == S.CONTRACT_SIGNED
    assert placement.documents.filter(kind=DocumentKind.CONTRACT).count() == 1


def test_a_field_error_reads_as_a_sentence_beside_its_field(client, world):
    placement = world.case(S.ACCEPTED)
    client.force_login(world.employer_a_user)
    body = contract_body(contract_start="2026-13-45", contract_wage_rub="lots")
    html = client.post(f"/cases/{placement.pk}/move/{S.CONTRACT_SIGNED}/", body).content.decode()
    assert errors_after(html, "move-contract_signed-contract_start") == [
        "Enter a date: pick it in the calendar."
    ]
    assert errors_after(html, "move-contract_signed-contract_wage_rub") == [
        "Enter a number in figures, such as 85000 or 40.5."
    ]
    assert field_value(html, "contract_wage_rub") == "lots"


def test_registration_errors_are_sentences_not_drf_formats(client, world):
    client.force_login(world.agency_a_user)
    form = {
        "full_name": "Sita Devi",
        "date_of_birth": "01/01/1990",
        "sex": "",
        "passport_number": "S1234567",
        "passport_expiry": "2035-01-01",
        "occupation": "7112",
        "preferred_language": "hi",
        "consent": "on",
    }
    response = client.post("/agency/workers/new/", form)
    html = response.content.decode()
    assert errors_after(html, "id_date_of_birth") == ["Enter a date: pick it in the calendar."]
    assert errors_after(html, "id_sex") == ["Choose one from the list."]
    assert "wrong format" not in html and "is not a valid choice" not in html
    assert field_value(html, "full_name") == "Sita Devi"


def test_the_worker_form_hints_the_passport_format_and_lists_occupations_by_title(client, world):
    client.force_login(world.agency_a_user)
    html = client.get("/agency/workers/new/").content.decode()
    assert "one capital letter and seven digits" in html
    assert 'type="date"' in html
    assert re.search(r'<select name="occupation"[^>]*>', html)
    assert '<option value="7112">7112 – Bricklayers and related workers</option>' in html


def test_a_refused_upload_stays_open_with_its_error_beside_the_file(client, world):
    placement = world.case(S.ACCEPTED)
    client.force_login(world.employer_a_user)
    upload = SimpleUploadedFile("notes.txt", b"not a pdf", "text/plain")
    response = client.post(
        f"/cases/{placement.pk}/documents/", {"kind": DocumentKind.PAYSLIP, "file": upload}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert '<details id="upload" open>' in html
    assert errors_after(html, "id_file")
    assert "File (PDF, PNG or JPEG, at most 10 MB):" not in html


def test_a_final_move_asks_first_and_a_post_without_the_confirmation_decides_nothing(client, world):
    placement = world.case(S.SUBMITTED)
    client.force_login(world.employer_a_user)
    url = f"/cases/{placement.pk}/move/{S.REJECTED}/"
    asked = client.post(url, {"reason": "Not enough experience"})
    assert asked.status_code == 200
    html = asked.content.decode()
    assert "Reject this candidate? The case ends and cannot be reopened." in html
    assert field_value(html, "reason") == "Not enough experience"
    placement.refresh_from_db()
    assert placement.status == S.SUBMITTED
    done = client.post(url, {"reason": "Not enough experience", "confirm": "yes"})
    assert done.status_code == 302
    placement.refresh_from_db()
    assert (placement.status, placement.termination_reason) == (
        S.REJECTED,
        "Not enough experience",
    )


def test_closing_a_job_order_needs_the_confirmation(client, world):
    job_order = factories.JobOrderFactory(employer=world.employer_a, status="open")
    client.force_login(world.employer_a_user)
    url = f"/employer/job-orders/{job_order.pk}/close/"
    asked = client.post(url, {"move": "close"})
    assert "Close this job order?" in asked.content.decode()
    job_order.refresh_from_db()
    assert job_order.status == "open"
    client.post(url, {"move": "close", "confirm": "yes"})
    job_order.refresh_from_db()
    assert job_order.status == "closed"


def test_withdrawing_a_case_needs_the_confirmation(client, world):
    placement = world.case(S.DRAFT)
    client.force_login(world.agency_a_user)
    url = f"/cases/{placement.pk}/move/{S.WITHDRAWN}/"
    client.post(url, {"reason": "The worker changed their mind"})
    placement.refresh_from_db()
    assert placement.status == S.DRAFT
    client.post(url, {"reason": "The worker changed their mind", "confirm": "yes"})
    placement.refresh_from_db()
    assert placement.status == S.WITHDRAWN


def test_move_buttons_are_verbs(client, world):
    placement = world.case(S.DRAFT)
    client.force_login(world.agency_a_user)
    html = client.get(f"/cases/{placement.pk}/").content.decode()
    assert ">Submit to the employer</button>" in html
    assert ">Submitted to the employer</button>" not in html


def test_staff_read_the_timeline_in_the_third_person_and_the_worker_in_the_second(client, world):
    placement = world.case(S.SUBMITTED)
    for source, to in (("", S.DRAFT), (S.DRAFT, S.SUBMITTED)):
        move = lifecycle.move_for(source, to)
        message = move.message if move else lifecycle.CASE_OPENED_MESSAGE
        CaseEvent.objects.create(
            placement=placement, from_status=source, to_status=to, public_message=message
        )
    client.force_login(world.official)
    staff = client.get(f"/cases/{placement.pk}/").content.decode()
    assert "The recruitment agency opened the case." in staff
    assert "The agency sent the application to the employer." in staff
    assert "Your case" not in staff and "Your application" not in staff
    client.logout()
    worker = placement.worker
    lookup = {"reference": placement.reference, "date_of_birth": worker.date_of_birth.isoformat()}
    own = client.post("/status/", lookup, follow=True).content.decode()
    assert "Your case was opened by your recruitment agency." in own
    assert "The recruitment agency opened the case." not in own


def test_every_move_has_staff_words_a_verb_and_final_moves_a_question():
    # The third-person wording is looked up by the move, so imported and old events read too.
    assert lifecycle.staff_message("", S.DRAFT) == lifecycle.CASE_OPENED_STAFF_MESSAGE
    assert lifecycle.staff_message(S.SUBMITTED, S.ACCEPTED) == (
        "The employer accepted the application."
    )
    assert all(move.staff_message and move.verb for move in lifecycle.MOVES)
    assert all(move.confirm for move in lifecycle.MOVES if lifecycle.is_terminal(move.to))


def test_a_refused_formality_date_comes_back_beside_its_field(client, world):
    placement = world.case(S.ARRIVED)
    client.force_login(world.employer_a_user)
    future = (placement.arrival_date.replace(year=placement.arrival_date.year + 5)).isoformat()
    response = client.post(f"/cases/{placement.pk}/facts/", {"mvd_start_notified_on": future})
    assert response.status_code == 400
    html = response.content.decode()
    assert field_value(html, "mvd_start_notified_on") == future
    assert errors_after(html, "id_mvd_start_notified_on")
    placement.refresh_from_db()
    assert placement.mvd_start_notified_on is None
