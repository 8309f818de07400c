"""`/api/v1/workers/`: agencies register and edit their own workers, validated at the edge."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests import factories
from tests.signals import announced
from tests.world import S
from workers.models import Worker
from workers.placements.signals import worker_changed

pytestmark = pytest.mark.django_db


def body(**overrides):
    data = {
        "full_name": "Anil  Kumar",
        "date_of_birth": "1994-03-02",
        "sex": "M",
        "passport_number": "k1234567",
        "passport_expiry": (timezone.localdate() + timedelta(days=3000)).isoformat(),
        "state_of_origin": "IN-KL",
        "phone": "098765 43210",
        "occupation": "7112",
        "preferred_language": "hi",
        "consent": True,
    }
    return {**data, **overrides}


def test_an_agency_registers_a_worker_stored_in_canonical_form(
    api, world, django_capture_on_commit_callbacks
):
    with (
        announced(worker_changed, "worker_id") as received,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = api.as_user(world.agency_a_user).post("/api/v1/workers/", body(), format="json")
    assert response.status_code == 201, response.json()
    worker = Worker.objects.get()
    assert worker.agency == world.agency_a
    assert (worker.passport_number, worker.phone, worker.full_name) == (
        "K1234567",
        "+919876543210",
        "Anil Kumar",
    )
    assert worker.consent_at is not None
    assert received == [worker.pk]


PASSPORT_FORMAT = "Enter an Indian passport number: one letter and seven digits, e.g. K1234567."


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("passport_number", "12345678", PASSPORT_FORMAT),
        ("passport_number", "K123456", PASSPORT_FORMAT),
        ("passport_expiry", "2020-01-01", "The passport has expired; renew it first."),
        ("phone", "12345", "Enter a valid phone number, e.g. +91 98765 43210."),
        ("state_of_origin", "RU-MOW", '"RU-MOW" is not a valid choice.'),
        (
            "occupation",
            "9999",
            "Enter a 4-digit ISCO-08 occupation code, e.g. 7112 for bricklayers.",
        ),
        ("preferred_language", "fr", '"fr" is not a valid choice.'),
        ("consent", False, "The worker's consent to data processing is required."),
        ("date_of_birth", "2020-01-01", "The worker must be at least 18 years old."),
        ("date_of_birth", "9999-12-31", "The date of birth must be in the past."),
        ("date_of_birth", "1899-12-31", "The date of birth must be in 1900 or later."),
        (
            "passport_expiry",
            "9999-12-31",
            "An Indian passport is valid for ten years at most; check the expiry date.",
        ),
    ],
)
def test_bad_worker_data_is_refused_field_by_field(api, world, field, value, message):
    response = api.as_user(world.agency_a_user).post(
        "/api/v1/workers/", body(**{field: value}), format="json"
    )
    assert response.status_code == 400
    assert response.json() == {field: [message]}
    assert not Worker.objects.exists()


def test_consent_is_required(api, world):
    data = body()
    del data["consent"]
    response = api.as_user(world.agency_a_user).post("/api/v1/workers/", data, format="json")
    assert response.status_code == 400
    assert response.json() == {"consent": ["The worker's consent to data processing is required."]}
    assert not Worker.objects.exists()


def test_a_duplicate_passport_is_refused_without_naming_the_other_agency(api):
    holder = factories.WorkerFactory(passport_number="K1234567")
    response = api.as_user(factories.agency_user()).post("/api/v1/workers/", body(), format="json")
    assert response.status_code == 400
    message = response.json()["passport_number"][0]
    assert "already registered" in message and holder.agency.name not in message


def test_the_agency_edits_and_deletes_its_worker_but_not_one_with_a_case(api, world):
    worker = factories.WorkerFactory(agency=world.agency_a)
    client = api.as_user(world.agency_a_user)
    response = client.patch(
        f"/api/v1/workers/{worker.pk}/", {"phone": "+7 912 345-67-89"}, format="json"
    )
    assert response.status_code == 200 and response.json()["phone"] == "+79123456789"
    assert client.delete(f"/api/v1/workers/{worker.pk}/").status_code == 204
    placed = world.case(S.DRAFT).worker
    assert client.delete(f"/api/v1/workers/{placed.pk}/").status_code == 409
    assert Worker.objects.filter(pk=placed.pk).exists()


def test_others_may_not_write_workers(api, world):
    placement = world.case(S.SUBMITTED)
    url = f"/api/v1/workers/{placement.worker_id}/"
    assert api.as_user(world.employer_a_user).patch(url, {"full_name": "X"}).status_code == 403
    assert api.as_user(world.official).patch(url, {"full_name": "X"}).status_code == 403
    assert api.as_user(world.agency_b_user).patch(url, {"full_name": "X"}).status_code == 404
    assert api.as_user(world.employer_a_user).post("/api/v1/workers/", body()).status_code == 403


def test_employers_see_only_the_last_three_passport_characters(api, world):
    placement = world.case(S.SUBMITTED)
    data = api.as_user(world.employer_a_user).get("/api/v1/workers/").json()["results"]
    assert [row["id"] for row in data] == [placement.worker_id]
    number = placement.worker.passport_number
    assert data[0]["passport_number"] == "*****" + number[-3:]
    assert "phone" not in data[0]


def test_employers_cannot_search_by_passport_number(api, world):
    placement = world.case(S.SUBMITTED)
    number = placement.worker.passport_number
    client = api.as_user(world.employer_a_user)
    assert client.get("/api/v1/workers/", {"search": number}).json()["count"] == 0
    agency = api.as_user(world.agency_a_user)
    assert agency.get("/api/v1/workers/", {"search": number.lower()}).json()["count"] == 1


def test_workers_filter_by_case_status_and_search_by_name(api, world):
    world.case(S.SUBMITTED)
    world.case(S.EMPLOYED)
    factories.WorkerFactory(agency=world.agency_a, full_name="Zoya Ansari")
    client = api.as_user(world.agency_a_user)
    assert client.get("/api/v1/workers/", {"case_status": S.EMPLOYED}).json()["count"] == 1
    assert client.get("/api/v1/workers/", {"search": "zoya"}).json()["count"] == 1
    assert client.get("/api/v1/workers/").json()["count"] == 3
