"""Opening cases: an agency, for its own worker, on an open job order of an approved employer."""

import threading

import pytest
from django.db import connection

from employers.models import JobOrderStatus, SponsorshipStatus
from mobility.access import actor_for
from mobility.errors import RequirementsUnmet
from tests import factories
from tests.signals import announced
from workers.models import CaseEvent, Placement
from workers.placements.references import normalise
from workers.placements.services import open_placement as open_placement_service
from workers.placements.signals import placement_changed

pytestmark = pytest.mark.django_db


def open_placement(api, user, worker, job):
    return api.as_user(user).post(
        "/api/v1/placements/", {"worker": worker.pk, "job_order": job.pk}, format="json"
    )


def test_an_agency_opens_a_draft_case_with_a_checkable_reference(
    api, django_capture_on_commit_callbacks, world
):
    worker = factories.WorkerFactory(agency=world.agency_a)
    with (
        announced(placement_changed, "placement_id") as received,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = open_placement(api, world.agency_a_user, worker, world.job_a)
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["status"] == "draft" and normalise(data["reference"]) == data["reference"]
    assert data["allowed_moves"] == ["submitted", "withdrawn"]
    assert CaseEvent.objects.get(placement_id=data["id"]).to_status == "draft"
    assert received == [data["id"]]


def test_an_agency_cannot_open_a_case_for_another_agencys_worker(api, world):
    stranger = factories.WorkerFactory(agency=world.agency_b)
    response = open_placement(api, world.agency_a_user, stranger, world.job_a)
    assert response.status_code == 400 and "worker" in response.json()
    assert not Placement.objects.exists()


@pytest.mark.parametrize("problem", ["draft job", "unapproved employer"])
def test_a_case_needs_an_open_job_of_an_approved_employer(api, problem, world):
    worker = factories.WorkerFactory(agency=world.agency_a)
    if problem == "draft job":
        world.job_a.status = JobOrderStatus.DRAFT
        world.job_a.save()
    else:
        world.employer_a.sponsorship_status = SponsorshipStatus.SUSPENDED
        world.employer_a.save()
    response = open_placement(api, world.agency_a_user, worker, world.job_a)
    assert response.status_code == 400
    assert response.json()["job_order"] == ["Choose an open job order of an approved employer."]


def test_employers_and_officials_do_not_open_cases(api, world):
    worker = factories.WorkerFactory(agency=world.agency_a)
    for user in (world.employer_a_user, world.official):
        response = open_placement(api, user, worker, world.job_a)
        assert response.status_code == 403
    assert not Placement.objects.exists()


def test_a_reference_collision_is_retried(api, monkeypatch, world):
    taken = factories.PlacementFactory(job_order=world.job_a).reference
    fresh = iter([taken, taken, "IRM-0000-0000"])
    monkeypatch.setattr("workers.placements.services.new_reference", lambda: next(fresh))
    worker = factories.WorkerFactory(agency=world.agency_a)
    response = open_placement(api, world.agency_a_user, worker, world.job_a)
    assert response.status_code == 201 and response.json()["reference"] == "IRM-0000-0000"


def test_a_worker_with_an_open_case_gets_no_second_one_until_it_is_closed(api, world):
    worker = factories.WorkerFactory(agency=world.agency_a)
    first = open_placement(api, world.agency_a_user, worker, world.job_a).json()
    refused = open_placement(api, world.agency_a_user, worker, world.job_a)
    assert refused.status_code == 400
    assert any(first["reference"] in problem for problem in refused.json()["requirements"])
    assert Placement.objects.filter(worker=worker).count() == 1
    Placement.objects.filter(pk=first["id"]).update(status="withdrawn")
    assert open_placement(api, world.agency_a_user, worker, world.job_a).status_code == 201


@pytest.mark.django_db(transaction=True)
def test_of_many_concurrent_openings_for_one_worker_exactly_one_wins(world):
    worker = factories.WorkerFactory(agency=world.agency_a)
    actor = actor_for(world.agency_a_user)
    contenders = 6
    barrier = threading.Barrier(contenders)
    outcomes = []

    def attempt():
        try:
            barrier.wait()
            open_placement_service(actor=actor, worker=worker, job_order=world.job_a)
            outcomes.append("opened")
        except RequirementsUnmet as error:
            outcomes.append("refused" if "already has an open case" in error.problems[0] else "?")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(contenders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["opened"] + ["refused"] * (contenders - 1)
    assert Placement.objects.filter(worker=worker).count() == 1
