"""The acceptance path through the pages: an agency registers a worker, uploads the passport and
medical certificate, opens a case on an employer's job order and submits it; the employer
accepts it; the worker finds the case on the public status page in Hindi."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from workers.documents.sample_files import pdf_bytes, png_bytes
from workers.models import Placement, PlacementStatus, Worker

pytestmark = pytest.mark.django_db


def test_a_worker_goes_from_registration_to_acceptance_through_the_pages(client, world):
    today = timezone.localdate()
    client.force_login(world.agency_a_user)
    client.post(
        "/agency/workers/new/",
        {
            "full_name": "Kavya Menon",
            "date_of_birth": "1996-07-14",
            "sex": "F",
            "passport_number": "P4455667",
            "passport_expiry": (today + timedelta(days=3650)).isoformat(),
            "state_of_origin": "IN-KL",
            "phone": "9876501234",
            "occupation": "7112",
            "preferred_language": "hi",
            "consent": "on",
        },
    )
    worker = Worker.objects.get(passport_number="P4455667")
    page = f"/agency/workers/{worker.pk}/"
    client.post(
        f"{page}documents/",
        {"kind": "passport", "file": SimpleUploadedFile("passport.png", png_bytes())},
    )
    client.post(
        f"{page}documents/",
        {
            "kind": "medical_certificate",
            "file": SimpleUploadedFile("medical.pdf", pdf_bytes("fit")),
            "issued_on": (today - timedelta(days=5)).isoformat(),
        },
    )
    assert worker.documents.count() == 2
    html = client.get(page).content.decode()
    assert re.search(rf'<option value="{world.job_a.pk}"', html)
    response = client.post(f"{page}cases/", {"job_order": world.job_a.pk})
    placement = Placement.objects.get(worker=worker)
    assert response.url == f"/cases/{placement.pk}/"
    response = client.post(f"/cases/{placement.pk}/move/submitted/", follow=True)
    assert "Submitted to the employer" in response.content.decode()

    client.force_login(world.employer_a_user)
    client.post(f"/cases/{placement.pk}/move/accepted/", {"note": "Good candidate."})
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ACCEPTED
    assert [e.to_status for e in placement.timeline.all()] == ["draft", "submitted", "accepted"]

    worker_phone = Client()
    worker_phone.cookies["django_language"] = "hi"
    found = worker_phone.post(
        "/status/", {"reference": placement.reference, "date_of_birth": "1996-07-14"}
    )
    page = found.content.decode()
    assert found.status_code == 200
    assert 'lang="hi"' in page
    assert "नियोक्ता ने स्वीकार किया" in page  # "Accepted by the employer"
    assert "P4455667" not in page and "Kavya Menon" not in page
