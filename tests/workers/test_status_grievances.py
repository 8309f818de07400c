from datetime import timedelta

import pytest
from django.utils import timezone

from tests import factories
from tests.workers.status_fixtures import *  # noqa: F403
from tests.workers.status_fixtures import BIRTH
from workers.models import Grievance, GrievanceStatus
from workers.placements.references import normalise
from workers.status.throttles import StatusThrottle

pytestmark = pytest.mark.django_db
FILE = "/api/v1/status/grievances/"
FOLLOW = "/api/v1/status/grievances/lookup/"


def file(
    api, reference, date_of_birth=BIRTH, category="wages", description="No pay for May.", **kw
):
    body = {
        "reference": reference,
        "date_of_birth": str(date_of_birth),
        "category": category,
        "description": description,
    }
    return api.post(FILE, body, format="json", **kw)


def test_worker_files_a_grievance_and_gets_a_receipt_with_deadlines(api, case):
    before = timezone.now()
    response = file(api, case.reference)
    assert response.status_code == 201, response.data
    body = response.json()
    assert normalise(body["receipt"], "GRV") == body["receipt"]
    assert body["status"] == "received"
    assert body["status_label"] == "Received"
    assert body["category_label"] == "Unpaid or underpaid wages"
    grievance = Grievance.objects.get(receipt=body["receipt"])
    assert grievance.placement == case
    assert grievance.description == "No pay for May."
    assert grievance.acknowledgement_due - before >= timedelta(days=3)
    assert grievance.acknowledgement_due - before < timedelta(days=3, minutes=1)
    assert grievance.resolution_due - before >= timedelta(days=30)
    assert grievance.resolution_due - before < timedelta(days=30, minutes=1)


def test_worker_follows_the_grievance_by_receipt_and_in_the_case_lookup(api, case):
    receipt = file(api, case.reference).json()["receipt"]
    Grievance.objects.filter(receipt=receipt).update(
        status=GrievanceStatus.RESOLVED, outcome="The employer paid the May wage."
    )
    followed = api.post(
        FOLLOW, {"receipt": receipt.lower(), "date_of_birth": str(BIRTH)}, format="json"
    )
    assert followed.status_code == 200
    assert followed.json()["status"] == "resolved"
    assert followed.json()["outcome"] == "The employer paid the May wage."
    in_lookup = api.post(
        "/api/v1/status/lookup/",
        {"reference": case.reference, "date_of_birth": str(BIRTH)},
        format="json",
        HTTP_ACCEPT_LANGUAGE="ru",
    ).json()["grievances"]
    assert [g["receipt"] for g in in_lookup] == [receipt]
    assert in_lookup[0]["status_label"] == "Решена"


def test_following_with_a_wrong_receipt_or_date_gives_the_same_404(api, case):
    receipt = file(api, case.reference).json()["receipt"]
    wrong_date = api.post(FOLLOW, {"receipt": receipt, "date_of_birth": "1990-01-01"})
    wrong_receipt = api.post(FOLLOW, {"receipt": "GRV-0000-0000", "date_of_birth": str(BIRTH)})
    assert wrong_date.status_code == wrong_receipt.status_code == 404
    assert wrong_date.content == wrong_receipt.content


def test_unknown_category_is_refused_and_nothing_stored(api, case):
    response = file(api, case.reference, category="weather")
    assert response.status_code == 400
    assert "category" in response.json()
    assert not Grievance.objects.exists()


def test_empty_description_is_refused_and_nothing_stored(api, case):
    response = file(api, case.reference, description="   ")
    assert response.status_code == 400
    assert "description" in response.json()
    assert not Grievance.objects.exists()


def test_filing_with_a_wrong_pair_gives_the_lookups_404_and_stores_nothing(api, case):
    lookup_404 = api.post(
        "/api/v1/status/lookup/", {"reference": case.reference, "date_of_birth": "1990-01-01"}
    )
    wrong_date = file(api, case.reference, date_of_birth="1990-01-01")
    wrong_reference = file(api, factories.PlacementFactory().reference)
    assert wrong_date.status_code == wrong_reference.status_code == 404
    assert wrong_date.content == wrong_reference.content == lookup_404.content
    assert not Grievance.objects.exists()


def test_filing_is_rate_limited_per_reference(api, case, monkeypatch):
    monkeypatch.setattr(
        StatusThrottle,
        "THROTTLE_RATES",
        {**StatusThrottle.THROTTLE_RATES, "status_reference": "2/min"},
    )
    assert file(api, case.reference).status_code == 201
    assert file(api, case.reference, REMOTE_ADDR="10.2.0.1").status_code == 201
    assert file(api, case.reference, REMOTE_ADDR="10.2.0.2").status_code == 429
    assert Grievance.objects.count() == 2


def test_grievance_answer_does_not_say_who_handles_it(api, case):
    receipt = file(api, case.reference).json()["receipt"]
    Grievance.objects.filter(receipt=receipt).update(assignee=factories.official_user())
    body = api.post(FOLLOW, {"receipt": receipt, "date_of_birth": str(BIRTH)}).json()
    assert "assignee" not in body
    assert "description" not in body
