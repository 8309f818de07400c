"""Services own their transaction and speak no HTTP: each business action is a durable
transaction of its own, and what does not exist for the actor is the domain's NotFound, which
the API answers and the page helper shows as the same 404 as a lookup out of scope."""

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.db import connection, transaction
from django.http import Http404
from django.test import RequestFactory

from employers.job_orders.services import move_job_order
from employers.models import SponsorshipDecision
from employers.sponsorship.services import decide_sponsorship
from mobility.access import actor_for
from mobility.api import exception_handler
from mobility.errors import NotFound
from mobility.web import run_service
from tests.factories import EmployerFactory, JobOrderFactory, official_user


def suspend(employer, official):
    return decide_sponsorship(
        actor=actor_for(official), employer_id=employer.pk, decision="suspend", reason="Unpaid"
    )


@pytest.mark.django_db(transaction=True)
def test_a_service_commits_on_its_own_outside_any_transaction():
    employer = EmployerFactory(sponsorship_status="approved")
    assert not connection.in_atomic_block
    suspend(employer, official_user())
    assert SponsorshipDecision.objects.filter(employer=employer).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_service_refuses_to_run_inside_a_callers_transaction():
    employer = EmployerFactory(sponsorship_status="approved")
    official = official_user()
    with pytest.raises(RuntimeError, match="durable"), transaction.atomic():
        suspend(employer, official)
    assert not SponsorshipDecision.objects.exists()


@pytest.mark.django_db
def test_another_employers_job_order_does_not_exist_for_the_service(world):
    job_order = JobOrderFactory(status="draft", employer=world.employer_a)
    stranger = actor_for(world.employer_b_user)
    with pytest.raises(NotFound):
        move_job_order(actor=stranger, job_order_id=job_order.pk, move="open")
    job_order.refresh_from_db()
    assert job_order.status == "draft"


def test_the_api_answers_not_found_exactly_like_a_lookup_out_of_scope():
    from_service = exception_handler(NotFound(), {})
    from_lookup = exception_handler(Http404(), {})
    assert from_service.status_code == from_lookup.status_code == 404
    assert from_service.data == from_lookup.data


def test_a_page_turns_not_found_into_a_404_page():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)

    def action():
        raise NotFound

    with pytest.raises(Http404):
        run_service(request, action)
    assert not list(request._messages)
