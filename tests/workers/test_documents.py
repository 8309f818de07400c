"""Document uploads: recognised by content, at most 10 MB, once per case, served only through
a view that checks access."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.world import S
from workers.documents.sample_files import pdf_bytes, png_bytes
from workers.models import Document, DocumentKind

pytestmark = pytest.mark.django_db


def stored_files(media):
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def upload(api, user, content, name="scan.pdf", **fields):
    data = {"kind": DocumentKind.PASSPORT, "file": SimpleUploadedFile(name, content), **fields}
    return api.as_user(user).post("/api/v1/documents/", data, format="multipart")


def test_an_agency_uploads_a_pdf_kept_under_a_random_name_with_its_hash(api, media, world):
    placement = world.case(S.DRAFT)
    before = len(stored_files(media))
    content = pdf_bytes("passport")
    response = upload(api, world.agency_a_user, content, worker=placement.worker_id)
    assert response.status_code == 201, response.json()
    document = Document.objects.get(pk=response.json()["id"])
    assert document.content_type == "application/pdf" and document.size == len(content)
    assert "scan" not in document.file.name and document.file.name.endswith(".pdf")
    assert len(stored_files(media)) == before + 1
    assert document.sha256 == hashlib.sha256(content).hexdigest()


def test_a_png_is_recognised_by_content_whatever_its_name(api, world):
    placement = world.case(S.DRAFT)
    response = upload(
        api, world.agency_a_user, png_bytes(), name="photo.pdf", placement=placement.pk
    )
    assert response.status_code == 201
    assert response.json()["content_type"] == "image/png"


def test_a_renamed_executable_is_refused_and_nothing_stored(api, media, world):
    placement = world.case(S.DRAFT)
    count, files = Document.objects.count(), len(stored_files(media))
    executable = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
    response = upload(
        api, world.agency_a_user, executable, name="passport.pdf", worker=placement.worker_id
    )
    assert response.status_code == 400
    assert "PDF, PNG or JPEG" in response.json()["file"][0]
    assert (Document.objects.count(), len(stored_files(media))) == (count, files)


def test_an_oversize_file_is_refused_and_nothing_stored(api, media, world):
    placement = world.case(S.DRAFT)
    count, files = Document.objects.count(), len(stored_files(media))
    big = pdf_bytes("big") + b"0" * (10 * 1024 * 1024)
    response = upload(api, world.agency_a_user, big, worker=placement.worker_id)
    assert response.status_code == 400
    assert response.json() == {"file": ["The file is larger than 10 MB."]}
    assert (Document.objects.count(), len(stored_files(media))) == (count, files)


def test_the_same_file_twice_on_one_case_is_refused(api, media, world):
    placement = world.case(S.DRAFT)
    content = pdf_bytes("contract")
    assert upload(api, world.agency_a_user, content, placement=placement.pk).status_code == 201
    count, files = Document.objects.count(), len(stored_files(media))
    response = upload(api, world.agency_a_user, content, placement=placement.pk)
    assert response.status_code == 400
    assert "already been uploaded" in response.json()["file"][0]
    assert (Document.objects.count(), len(stored_files(media))) == (count, files)


def test_employers_upload_contracts_and_payslips_of_their_own_cases_only(api, world):
    placement = world.case(S.SUBMITTED)
    employer = world.employer_a_user
    ok = upload(api, employer, pdf_bytes("c"), kind=DocumentKind.CONTRACT, placement=placement.pk)
    assert ok.status_code == 201
    wrong_kind = upload(
        api, employer, pdf_bytes("v"), kind=DocumentKind.PASSPORT, placement=placement.pk
    )
    assert wrong_kind.status_code == 400 and "kind" in wrong_kind.json()
    peer = upload(
        api,
        world.employer_b_user,
        pdf_bytes("p"),
        kind=DocumentKind.CONTRACT,
        placement=placement.pk,
    )
    assert peer.status_code == 400 and "placement" in peer.json()


def test_officials_read_but_do_not_upload(api, world):
    placement = world.case(S.SUBMITTED)
    response = upload(api, world.official, pdf_bytes("x"), placement=placement.pk)
    assert response.status_code == 403


def test_download_goes_through_the_access_check(api, world):
    placement = world.case(S.SUBMITTED)
    contract = upload(
        api,
        world.agency_a_user,
        pdf_bytes("contract"),
        kind=DocumentKind.CONTRACT,
        placement=placement.pk,
    ).json()
    passport = Document.objects.get(worker=placement.worker, kind=DocumentKind.PASSPORT)
    url = "/api/v1/documents/{}/download/"
    for user in (world.agency_a_user, world.employer_a_user, world.official, world.official_mow):
        response = api.as_user(user).get(url.format(contract["id"]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert api.as_user(world.employer_a_user).get(url.format(passport.pk)).status_code == 404
    for user in (world.agency_b_user, world.employer_b_user):
        assert api.as_user(user).get(url.format(contract["id"])).status_code == 404
    assert api.as_user(None).get(url.format(contract["id"])).status_code == 401


def test_media_files_are_not_served_from_a_public_url(client):
    assert client.get("/media/documents/anything.pdf").status_code == 404


def test_an_official_verifies_or_rejects_a_pending_document_once(api, world):
    placement = world.case(S.SUBMITTED)
    passport = placement.worker.documents.get(kind=DocumentKind.PASSPORT)
    medical = placement.worker.documents.get(kind=DocumentKind.MEDICAL_CERTIFICATE)
    url = "/api/v1/documents/{}/verify/"
    official = api.as_user(world.official)
    ok = official.post(url.format(passport.pk), {"outcome": "verified"}, format="json")
    assert ok.status_code == 200 and ok.json()["verification_status"] == "verified"
    again = official.post(
        url.format(passport.pk), {"outcome": "rejected", "note": "x"}, format="json"
    )
    assert again.status_code == 409
    no_reason = official.post(url.format(medical.pk), {"outcome": "rejected"}, format="json")
    assert no_reason.status_code == 400 and "note" in no_reason.json()
    rejected = official.post(
        url.format(medical.pk), {"outcome": "rejected", "note": "Illegible scan."}, format="json"
    )
    assert rejected.json()["verification_note"] == "Illegible scan."
    agency = api.as_user(world.agency_a_user)
    assert (
        agency.post(url.format(medical.pk), {"outcome": "verified"}, format="json").status_code
        == 403
    )
    assert api.as_user(world.agency_b_user).post(url.format(medical.pk), {}).status_code == 404


def test_a_rejected_medical_certificate_no_longer_counts_for_submission(api, world):
    placement = world.case(S.DRAFT)
    medical = placement.worker.documents.get(kind=DocumentKind.MEDICAL_CERTIFICATE)
    api.as_user(world.official).post(
        f"/api/v1/documents/{medical.pk}/verify/",
        {"outcome": "rejected", "note": "Not signed."},
        format="json",
    )
    response = api.as_user(world.agency_a_user).post(
        f"/api/v1/placements/{placement.pk}/transition/", {"to": S.SUBMITTED}, format="json"
    )
    assert response.status_code == 400
    assert "medical certificate" in " ".join(response.json()["requirements"])


@pytest.mark.parametrize(
    ("dates", "field", "message"),
    [
        ({"issued_on": "2999-01-01"}, "issued_on", "The issue date is in the future."),
        ({"issued_on": "0001-01-01"}, "issued_on", "The issue date must be in 1950 or later."),
        (
            {"expires_on": "9999-12-31"},
            "expires_on",
            "No document is valid for more than 20 years; check the date.",
        ),
    ],
)
def test_implausible_document_dates_are_refused_and_nothing_stored(
    api, media, world, dates, field, message
):
    placement = world.case(S.DRAFT)
    count, files = Document.objects.count(), len(stored_files(media))
    response = upload(
        api, world.agency_a_user, pdf_bytes("dates"), worker=placement.worker_id, **dates
    )
    assert response.status_code == 400
    assert response.json() == {field: [message]}
    assert (Document.objects.count(), len(stored_files(media))) == (count, files)
