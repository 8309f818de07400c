import pytest
from pghistory.models import Context

from tests import factories
from tests.workers.import_files import upload, worker_line, workers_csv
from workers.imports.services import MAX_BYTES, run_import
from workers.models import CaseEvent, Import, Placement, Worker

pytestmark = pytest.mark.django_db
URL = "/api/v1/imports/"


@pytest.fixture
def agency_staff():
    return factories.agency_user()


def post(api, user, content, kind="workers", capture=None):
    client = api.as_user(user)
    with capture(execute=True):
        return client.post(URL, {"kind": kind, "file": upload(content)}, format="multipart")


def test_a_valid_file_imports_every_worker(api, agency_staff, django_capture_on_commit_callbacks):
    response = post(api, agency_staff, workers_csv(3), capture=django_capture_on_commit_callbacks)
    assert response.status_code == 202, response.data
    detail = api.get(f"{URL}{response.json()['id']}/").json()
    assert detail["status"] == "done", detail
    assert detail["total_rows"] == detail["processed_rows"] == detail["imported_rows"] == 3
    assert detail["errors"] == []
    workers = Worker.objects.filter(agency=agency_staff.agency_membership.agency)
    assert workers.count() == 3
    worker = workers.get(passport_number="M0000001")
    assert worker.phone == "+919876543210"
    assert worker.preferred_language == "hi"
    assert worker.consent_at is not None


def test_three_bad_rows_import_nothing_and_are_each_reported(
    api, agency_staff, django_capture_on_commit_callbacks
):
    factories.WorkerFactory(passport_number="M0000004")
    content = workers_csv(
        6,
        row3={"passport_expiry": "2001-01-01"},
        row5={"passport_number": "M0000004"},
        row7={"state_of_origin": "IN-XX"},
    )
    response = post(api, agency_staff, content, capture=django_capture_on_commit_callbacks)
    detail = api.get(f"{URL}{response.json()['id']}/").json()
    assert detail["status"] == "failed"
    assert detail["error_count"] == 3
    assert [(e["row"], e["column"]) for e in detail["errors"]] == [
        (3, "passport_expiry"),
        (5, "passport_number"),
        (7, "state_of_origin"),
    ]
    assert "expired" in detail["errors"][0]["message"]
    assert "already registered" in detail["errors"][1]["message"]
    assert "Indian state" in detail["errors"][2]["message"]
    assert Worker.objects.count() == 1


def test_a_passport_twice_in_one_file_is_reported(agency_staff):
    content = workers_csv(3, row4={"passport_number": "M0000001"})
    record = Import.objects.create(
        agency=agency_staff.agency_membership.agency, kind="workers", file=upload(content)
    )
    run_import(record.pk)
    record.refresh_from_db()
    assert record.status == "failed"
    assert record.errors == [
        {
            "row": 4,
            "column": "passport_number",
            "message": "This passport number is already in this file, in row 2.",
        }
    ]
    assert not Worker.objects.exists()


def test_a_file_with_a_byte_order_mark_imports(
    api, agency_staff, django_capture_on_commit_callbacks
):
    response = post(
        api, agency_staff, workers_csv(2, bom=True), capture=django_capture_on_commit_callbacks
    )
    assert Import.objects.get(pk=response.json()["id"]).status == "done"
    assert Worker.objects.count() == 2


def test_a_file_over_50_mb_is_refused_with_413_and_nothing_stored(api, agency_staff, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None
    line = worker_line(1).encode() + b"\r\n"
    content = workers_csv(0) + line * (MAX_BYTES // len(line) + 10)
    response = api.as_user(agency_staff).post(
        URL, {"kind": "workers", "file": upload(content)}, format="multipart"
    )
    assert response.status_code == 413
    assert "50 MB" in response.json()["detail"]
    assert not Import.objects.exists()
    assert not list(settings.MEDIA_ROOT.rglob("*.csv"))


def test_missing_and_unknown_columns_are_named(agency_staff):
    content = b"full_name,date_of_birth,nickname\r\nA B,1990-01-01,Bo\r\n"
    record = Import.objects.create(
        agency=agency_staff.agency_membership.agency, kind="workers", file=upload(content)
    )
    run_import(record.pk)
    record.refresh_from_db()
    columns = {(e["row"], e["column"]) for e in record.errors}
    assert (1, "nickname") in columns
    assert (1, "passport_number") in columns
    assert (1, "consent") in columns


def test_text_that_is_not_utf8_is_reported_not_crashed_on(agency_staff):
    content = workers_csv(1) + "Вася,1990-01-01\r\n".encode("cp1251")
    record = Import.objects.create(
        agency=agency_staff.agency_membership.agency, kind="workers", file=upload(content)
    )
    run_import(record.pk)
    record.refresh_from_db()
    assert record.status == "failed"
    assert "UTF-8" in record.errors[0]["message"]
    assert not Worker.objects.exists()


def test_running_an_import_twice_imports_once(agency_staff):
    record = Import.objects.create(
        agency=agency_staff.agency_membership.agency, kind="workers", file=upload(workers_csv(2))
    )
    run_import(record.pk)
    run_import(record.pk)
    assert Worker.objects.count() == 2


def test_cases_import_opens_draft_cases_for_the_agencys_workers(agency_staff):
    agency = agency_staff.agency_membership.agency
    mine = factories.WorkerFactory(agency=agency, passport_number="C1234567")
    theirs = factories.WorkerFactory(passport_number="C7654321")
    job_order = factories.JobOrderFactory()
    closed = factories.JobOrderFactory(status="closed")
    good = f"passport_number,job_order,recruitment_fee_inr\r\nc1234567,{job_order.pk},0\r\n"
    record = Import.objects.create(agency=agency, kind="placements", file=upload(good.encode()))
    run_import(record.pk)
    record.refresh_from_db()
    assert record.status == "done", record.errors
    case = Placement.objects.get(worker=mine)
    assert case.status == "draft" and case.job_order == job_order and case.agency == agency
    assert CaseEvent.objects.filter(placement=case, to_status="draft").count() == 1

    bad = (
        "passport_number,job_order,recruitment_fee_inr\r\n"
        f"{theirs.passport_number},{job_order.pk},0\r\n"
        f"C1234567,{job_order.pk},-5\r\n"
        f"C1234567,{closed.pk},\r\n"
    )
    record = Import.objects.create(agency=agency, kind="placements", file=upload(bad.encode()))
    run_import(record.pk)
    record.refresh_from_db()
    assert [(e["row"], e["column"]) for e in record.errors] == [
        (2, "passport_number"),
        (3, "recruitment_fee_inr"),
        (4, "job_order"),
        (4, "passport_number"),
    ]
    assert Placement.objects.count() == 1


def test_only_agency_staff_upload_and_each_sees_only_their_own(
    api, agency_staff, django_capture_on_commit_callbacks
):
    response = post(api, agency_staff, workers_csv(1), capture=django_capture_on_commit_callbacks)
    url = f"{URL}{response.json()['id']}/"
    peer = factories.agency_user()
    assert api.as_user(peer).get(url).status_code == 404
    assert api.as_user(peer).get(URL).json()["count"] == 0
    official = factories.official_user(side="IN")
    assert api.as_user(official).get(url).status_code == 200
    refused = api.as_user(official).post(
        URL, {"kind": "workers", "file": upload(workers_csv(1))}, format="multipart"
    )
    assert refused.status_code == 403
    employer = factories.employer_user()
    assert api.as_user(employer).get(url).status_code == 404


def test_an_unknown_kind_of_import_is_refused_and_nothing_stored(api, agency_staff):
    response = api.as_user(agency_staff).post(
        URL, {"kind": "employers", "file": upload(workers_csv(1))}, format="multipart"
    )
    assert response.status_code == 400
    assert response.json() == {"kind": ['"employers" is not a valid choice.']}
    assert not Import.objects.exists()


def test_a_worker_with_an_open_case_gets_no_second_one(agency_staff):
    agency = agency_staff.agency_membership.agency
    case = factories.PlacementFactory(worker=factories.WorkerFactory(agency=agency))
    content = f"passport_number,job_order\r\n{case.worker.passport_number},{case.job_order_id}\r\n"
    record = Import.objects.create(agency=agency, kind="placements", file=upload(content.encode()))
    run_import(record.pk)
    record.refresh_from_db()
    assert record.errors == [
        {
            "row": 2,
            "column": "passport_number",
            "message": f"This worker already has an open case, {case.reference}.",
        }
    ]


def test_history_of_imported_workers_names_the_import_and_the_uploader(agency_staff):
    record = Import.objects.create(
        agency=agency_staff.agency_membership.agency,
        kind="workers",
        file=upload(workers_csv(2)),
        created_by=agency_staff,
    )
    run_import(record.pk)
    context = Context.objects.get(metadata__import_id=record.pk)
    assert context.metadata["user"] == agency_staff.pk
    worker = Worker.objects.get(passport_number="M0000001")
    assert worker.events.filter(pgh_label="insert", pgh_context=context).count() == 1


def test_a_nul_character_in_a_cell_is_reported_and_nothing_is_imported(
    api, agency_staff, django_capture_on_commit_callbacks
):
    content = workers_csv(2, row3={"full_name": "Meera\x00Nair"})
    response = post(api, agency_staff, content, capture=django_capture_on_commit_callbacks)
    detail = api.get(f"{URL}{response.json()['id']}/").json()
    assert detail["status"] == "failed"
    assert [(e["row"], e["column"]) for e in detail["errors"]] == [(3, "full_name")]
    assert "NUL character" in detail["errors"][0]["message"]
    assert not Worker.objects.exists()


def test_an_import_that_breaks_unexpectedly_ends_as_failed_with_a_message(
    api, agency_staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        response = api.as_user(agency_staff).post(
            URL, {"kind": "workers", "file": upload(workers_csv(2))}, format="multipart"
        )
    record = Import.objects.get(pk=response.json()["id"])
    record.file.storage.delete(record.file.name)
    run_import(record.pk)
    detail = api.get(f"{URL}{record.pk}/").json()
    assert detail["status"] == "failed"
    assert "nothing was imported" in detail["errors"][0]["message"]
    assert not Worker.objects.exists()
