"""The "Personal data" section of the worker page, for officials: export, download when ready,
erasure behind the confirmation page, refusals in words, times in the reader's zone."""

import pytest
from django.core.files.storage import default_storage

from compliance.models import PersonalDataRequest
from tests import factories
from tests.world import S
from workers.models import CaseEvent, Document

pytestmark = pytest.mark.django_db


def never_placed(world, *, peer: bool = False):
    """A worker whose only case, on the job order of employer A (of B with `peer`: St
    Petersburg), was withdrawn while a draft."""
    agency, job = (world.agency_b, world.job_b) if peer else (world.agency_a, world.job_a)
    worker = factories.WorkerFactory(agency=agency)
    case = factories.PlacementFactory(worker=worker, job_order=job, status=S.WITHDRAWN)
    CaseEvent.objects.create(placement=case, from_status=S.DRAFT, to_status=S.WITHDRAWN)
    factories.DocumentFactory(worker=worker)
    return worker


def section(client, worker) -> str:
    response = client.get(f"/officials/workers/{worker.pk}/personal-data/section/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_worker_page_loads_the_section_for_officials_only(client, world):
    worker = never_placed(world)
    client.force_login(world.official)
    text = client.get(f"/agency/workers/{worker.pk}/").content.decode()
    assert f'hx-get="/officials/workers/{worker.pk}/personal-data/section/"' in text
    client.force_login(world.agency_a_user)
    text = client.get(f"/agency/workers/{worker.pk}/").content.decode()
    assert "personal-data" not in text
    for url in ("section/", "", "export/", "erase/"):
        full = f"/officials/workers/{worker.pk}/personal-data/{url}"
        assert client.post(full).status_code == 404
        assert client.get(full).status_code in (404, 405)


def test_an_official_exports_and_downloads_the_archive(
    client, world, django_capture_on_commit_callbacks
):
    worker = never_placed(world, peer=True)
    client.force_login(world.official)
    assert "Export everything held" in section(client, worker)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/officials/workers/{worker.pk}/personal-data/export/")
    assert response.status_code == 302 and response["Location"] == f"/agency/workers/{worker.pk}/"

    text = section(client, worker)
    export = PersonalDataRequest.objects.get(worker=worker)
    assert f'href="/officials/personal-data/{export.pk}/download/"' in text
    assert "(Moscow time)" in text, "times are given in the reader's zone, named"
    download = client.get(f"/officials/personal-data/{export.pk}/download/")
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["Content-Type"] == "application/zip"

    client.force_login(world.official_mow)
    assert client.get(f"/officials/personal-data/{export.pk}/download/").status_code == 404
    client.force_login(world.agency_b_user)
    assert client.get(f"/officials/personal-data/{export.pk}/download/").status_code == 404


def test_an_erasure_asks_first_and_then_erases(client, world, django_capture_on_commit_callbacks):
    worker = never_placed(world)
    stored = Document.objects.get(worker=worker).file.name
    client.force_login(world.official)
    url = f"/officials/workers/{worker.pk}/personal-data/erase/"

    asked = client.post(url)
    assert asked.status_code == 200
    assert "Erase this worker&#x27;s personal data?" in asked.content.decode()
    assert worker.passport_number in asked.content.decode()
    worker.refresh_from_db()
    assert worker.erased_at is None and default_storage.exists(stored)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"confirm": "yes"}, follow=True)
    text = response.content.decode()
    assert "The worker&#x27;s personal data is erased." in text
    assert "personal data was erased" in text
    worker.refresh_from_db()
    assert worker.erased_at is not None and not default_storage.exists(stored)


def test_a_refused_erasure_says_why_without_asking(client, world):
    case = world.case(S.SUBMITTED)
    client.force_login(world.official)
    response = client.post(f"/officials/workers/{case.worker_id}/personal-data/erase/", follow=True)
    text = response.content.decode()
    assert "cannot be erased" in text and case.reference in text
    case.worker.refresh_from_db()
    assert case.worker.erased_at is None
    assert PersonalDataRequest.objects.get(worker=case.worker).status == "refused"
