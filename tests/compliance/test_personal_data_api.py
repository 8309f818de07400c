"""Personal-data requests through the API (SPEC §10): an official in the worker's scope exports
everything held on them, or erases a worker who was never placed; refused, with every reason,
where the law keeps the data; every request audited; anyone else finds nothing (404)."""

import io
import json
import zipfile

import pytest
from django.core.files.storage import default_storage

from compliance.models import PersonalDataRequest
from compliance.personal_data.services import run_export
from mobility.history import history_of
from tests import factories
from tests.world import S
from workers.models import CaseEvent, Document, DocumentEvent, Worker, WorkerEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(api, world, django_capture_on_commit_callbacks):
    """Export an employed worker of agency A with documents, a timeline, a wage report, a
    grievance and a finding, beside another worker of the same agency; returns a function
    reading the archive back."""

    def export(worker_id, user=None):
        with django_capture_on_commit_callbacks(execute=True):
            response = api.as_user(user or world.official).post(
                f"/api/v1/workers/{worker_id}/data-export/"
            )
        return response

    return export


def employed_worker(world):
    case = world.case(S.EMPLOYED)
    worker = case.worker
    worker.email = "asha@example.org"
    worker.save()
    factories.DocumentFactory(placement=case, kind="contract")
    CaseEvent.objects.create(
        placement=case, from_status=S.ARRIVED, to_status=S.EMPLOYED, note="Started on site 4."
    )
    factories.WageReportFactory(placement=case)
    factories.GrievanceFactory(placement=case, description="My October wage was not paid.")
    factories.FindingFactory(placement=case)
    return worker, case


def archive(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_an_export_holds_everything_on_the_worker_and_nothing_of_another(api, world, exported):
    worker, case = employed_worker(world)
    other = world.case(S.EMPLOYED).worker

    response = exported(worker.pk)
    assert response.status_code == 202
    status = api.get(f"/api/v1/workers/{worker.pk}/data-export/").json()
    assert status["status"] == "ready"
    assert status["documents_total"] == status["documents_done"] == 3
    download = api.get(status["download"])
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")

    files = archive(download)
    data = json.loads(files.read("personal-data.json"))
    held = data["worker"]
    for name in ("full_name", "passport_number", "phone", "email", "state_of_origin", "sex"):
        assert held[name] == getattr(worker, name)
    assert held["date_of_birth"] == worker.date_of_birth.isoformat()
    assert held["passport_expiry"] == worker.passport_expiry.isoformat()
    assert held["consent_at"] and held["agency"] == world.agency_a.name
    assert data["worker_history"][0]["action"] in ("created", "updated")
    [held_case] = data["cases"]
    assert held_case["reference"] == case.reference
    assert [e["note"] for e in held_case["timeline"]] == ["Started on site 4."]
    assert held_case["history"] and len(held_case["wage_reports"]) == 1
    assert data["grievances"][0]["description"] == "My October wage was not paid."
    assert data["findings"][0]["rule"] == "WAGE_UNDERPAID"
    for document in Document.objects.filter(worker=worker):
        entry = next(d for d in data["documents"] if d["id"] == document.pk)
        with document.file.open("rb") as stored:
            assert files.read(entry["file"]) == stored.read()
    text = files.read("personal-data.json").decode()
    assert other.full_name not in text and other.passport_number not in text
    assert len(files.namelist()) == 1 + 3


def test_asking_again_while_it_is_prepared_answers_the_same_export(api, world):
    worker = factories.WorkerFactory(agency=world.agency_a)
    first = api.as_user(world.official).post(f"/api/v1/workers/{worker.pk}/data-export/")
    second = api.post(f"/api/v1/workers/{worker.pk}/data-export/")
    assert first.json()["status"] == "queued"
    assert second.json()["id"] == first.json()["id"]
    assert PersonalDataRequest.objects.filter(worker=worker).count() == 1


def test_an_export_delivered_twice_is_written_once(api, world):
    worker = factories.WorkerFactory(agency=world.agency_a)
    factories.DocumentFactory(worker=worker)
    api.as_user(world.official).post(f"/api/v1/workers/{worker.pk}/data-export/")
    export = PersonalDataRequest.objects.get(worker=worker)
    run_export(export.pk)
    export.refresh_from_db()
    written = export.file.name
    run_export(export.pk)
    export.refresh_from_db()
    assert export.status == "ready" and export.file.name == written
    assert default_storage.listdir(written.rsplit("/", 1)[0])[1] == [written.rsplit("/", 1)[1]]


def test_the_audit_says_who_asked_when_and_for_which_worker(
    api, world, exported, django_assert_max_num_queries
):
    workers = [factories.WorkerFactory(agency=world.agency_a) for _ in range(3)]
    for worker in workers:
        exported(worker.pk)
    with django_assert_max_num_queries(6):
        rows = api.as_user(world.official).get("/api/v1/personal-data-requests/").json()
    assert rows["count"] == 3
    assert {row["worker"] for row in rows["results"]} == {w.pk for w in workers}
    assert {row["requested_by"] for row in rows["results"]} == {world.official.username}
    assert all(row["kind"] == "export" and row["requested_at"] for row in rows["results"])


def never_placed(world):
    """A worker of agency A whose only case was withdrawn while still a draft, with their own
    documents and an earlier export."""
    worker = factories.WorkerFactory(agency=world.agency_a, email="ravi@example.org")
    case = factories.PlacementFactory(worker=worker, job_order=world.job_a, status=S.WITHDRAWN)
    CaseEvent.objects.create(placement=case, from_status=S.DRAFT, to_status=S.WITHDRAWN)
    factories.DocumentFactory(worker=worker)
    factories.DocumentFactory(worker=worker, kind="medical_certificate")
    worker.phone = "+919812345678"
    worker.save()
    return worker


def test_erasing_a_worker_never_placed_removes_the_personal_data_everywhere(
    api, world, exported, django_capture_on_commit_callbacks
):
    worker = never_placed(world)
    name, passport = worker.full_name, worker.passport_number
    exported(worker.pk)
    files = [d.file.name for d in Document.objects.filter(worker=worker)]
    files.append(PersonalDataRequest.objects.get(worker=worker).file.name)
    document_ids = list(Document.objects.filter(worker=worker).values_list("pk", flat=True))
    assert all(default_storage.exists(f) for f in files)

    with django_capture_on_commit_callbacks(execute=True):
        response = api.as_user(world.official).post(
            f"/api/v1/workers/{worker.pk}/erase/", {"confirm": True}, format="json"
        )

    assert response.status_code == 200 and response.json()["status"] == "done"
    worker.refresh_from_db()
    assert worker.erased_at is not None
    assert (worker.full_name, worker.passport_number, worker.date_of_birth) == ("", None, None)
    assert (worker.phone, worker.email, worker.passport_expiry) == ("", "", None)
    assert worker.placements.count() == 1, "the case history is kept"
    history = json.dumps(history_of(worker), default=str)
    assert name not in history and passport not in history and "ravi@" not in history
    assert WorkerEvent.objects.filter(pgh_obj_id=worker.pk).count() >= 3
    assert not WorkerEvent.objects.filter(pgh_obj_id=worker.pk, full_name=name).exists()
    assert not Document.objects.filter(pk__in=document_ids).exists()
    assert not DocumentEvent.objects.filter(pgh_obj_id__in=document_ids).exclude(original_name="")
    assert not any(default_storage.exists(f) for f in files)
    assert api.get(f"/api/v1/workers/{worker.pk}/").json()["passport_number"] is None
    again = api.post(f"/api/v1/workers/{worker.pk}/data-export/")
    assert again.status_code == 409 and "erased" in again.json()["reasons"][0]


def test_an_erasure_needs_its_confirmation(api, world):
    worker = never_placed(world)
    response = api.as_user(world.official).post(
        f"/api/v1/workers/{worker.pk}/erase/", {"confirm": False}, format="json"
    )
    assert response.status_code == 400 and "confirm" in response.json()
    assert Worker.objects.get(pk=worker.pk).full_name == worker.full_name


def test_a_refused_erasure_changes_nothing_and_says_every_reason(api, world):
    case = world.case(S.SUBMITTED)
    worker = case.worker
    factories.GrievanceFactory(placement=case)
    factories.FindingFactory(worker=worker, code="WORKER_DUPLICATE")
    files = [d.file.name for d in Document.objects.filter(worker=worker)]
    before = Worker.objects.filter(pk=worker.pk).values().get()

    response = api.as_user(world.official).post(
        f"/api/v1/workers/{worker.pk}/erase/", {"confirm": True}, format="json"
    )

    assert response.status_code == 409
    body = response.json()
    assert body["detail"] == "The worker's data cannot be erased."
    assert len(body["reasons"]) == 3
    assert (
        case.reference in body["reasons"][0] and "put forward to an employer" in body["reasons"][0]
    )
    assert "grievance" in body["reasons"][1] and "still open" in body["reasons"][2]
    assert Worker.objects.filter(pk=worker.pk).values().get() == before
    assert all(default_storage.exists(f) for f in files)
    audit = PersonalDataRequest.objects.get(worker=worker)
    assert (audit.kind, audit.status, audit.requested_by) == ("erasure", "refused", world.official)
    assert [r["code"] for r in audit.refusals] == ["placed", "grievance", "open_finding"]


def test_a_draft_case_is_withdrawn_before_an_erasure(api, world):
    case = world.case(S.DRAFT)
    response = api.as_user(world.official).post(
        f"/api/v1/workers/{case.worker_id}/erase/", {"confirm": True}, format="json"
    )
    assert response.status_code == 409
    assert "still a draft" in response.json()["reasons"][0]


def test_a_case_withdrawn_after_submission_counts_as_placed(api, world):
    worker = never_placed(world)
    case = worker.placements.get()
    CaseEvent.objects.create(placement=case, from_status=S.DRAFT, to_status=S.SUBMITTED)
    response = api.as_user(world.official).post(
        f"/api/v1/workers/{worker.pk}/erase/", {"confirm": True}, format="json"
    )
    assert response.status_code == 409


@pytest.mark.parametrize("who", ["official_mow", "agency_a_user", "employer_a_user"])
def test_nobody_else_finds_the_requests(api, world, exported, who):
    """The Moscow official does not see a worker whose only case is in St Petersburg; the
    worker's own agency and the employer of their case do not learn the actions exist."""
    worker = world.case(S.SUBMITTED, peer=(who == "official_mow")).worker
    exported(worker.pk)
    export = PersonalDataRequest.objects.get(worker=worker)
    client = api.as_user(getattr(world, who))
    for url in (
        f"/api/v1/workers/{worker.pk}/data-export/",
        f"/api/v1/personal-data-requests/{export.pk}/",
        f"/api/v1/personal-data-requests/{export.pk}/download/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/api/v1/workers/{worker.pk}/data-export/").status_code == 404
    erase = client.post(f"/api/v1/workers/{worker.pk}/erase/", {"confirm": True}, format="json")
    assert erase.status_code == 404
    assert client.get("/api/v1/personal-data-requests/").json()["count"] == 0
    assert PersonalDataRequest.objects.filter(worker=worker).count() == 1


def test_an_export_goes_from_storage_with_a_worker_their_agency_deletes(
    api, world, exported, django_capture_on_commit_callbacks
):
    worker = factories.WorkerFactory(agency=world.agency_a)
    exported(worker.pk)
    export = PersonalDataRequest.objects.get(worker=worker)
    assert default_storage.exists(export.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        response = api.as_user(world.agency_a_user).delete(f"/api/v1/workers/{worker.pk}/")
    assert response.status_code == 204
    assert not default_storage.exists(export.file.name)
    audit = PersonalDataRequest.objects.get(pk=export.pk)
    assert (audit.worker, audit.worker_number, audit.file.name) == (None, worker.pk, "")


def test_the_agency_cannot_fill_an_erased_worker_in_again(
    api, world, django_capture_on_commit_callbacks
):
    worker = never_placed(world)
    with django_capture_on_commit_callbacks(execute=True):
        api.as_user(world.official).post(
            f"/api/v1/workers/{worker.pk}/erase/", {"confirm": True}, format="json"
        )
    response = api.as_user(world.agency_a_user).patch(
        f"/api/v1/workers/{worker.pk}/", {"full_name": "Ravi Kumar"}, format="json"
    )
    assert response.status_code == 409 and "erased" in response.json()["detail"]
    assert Worker.objects.get(pk=worker.pk).full_name == ""
