"""Each requirement of a move, unmet on its own, is named in the 400 and changes nothing."""

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.db import IntegrityError, transaction

from employers.models import JobOrderStatus, SponsorshipStatus
from tests import factories
from tests.factories import today
from tests.world import GOOD_BODIES, S, contract_body
from workers.models import AgencyStatus, CaseEvent, Document, DocumentKind

pytestmark = pytest.mark.django_db


def move(api, user, placement, to, **body):
    response = api.as_user(user).post(
        f"/api/v1/placements/{placement.pk}/transition/", {"to": to, **body}, format="json"
    )
    placement.refresh_from_db()
    return response


def assert_refused_naming(response, placement, status, *words):
    assert response.status_code == 400, response.json()
    text = " | ".join(response.json()["requirements"])
    for word in words:
        assert word in text, text
    assert placement.status == status
    assert not CaseEvent.objects.filter(placement=placement).exists()


def test_submit_needs_a_passport_valid_six_months_past_the_contract(api, world):
    placement = world.case(S.DRAFT)
    placement.worker.passport_expiry = today() + timedelta(days=365)  # 12-month contract
    placement.worker.save()
    response = move(api, world.agency_a_user, placement, S.SUBMITTED)
    assert_refused_naming(response, placement, S.DRAFT, "passport expires")


def test_submit_needs_the_passport_uploaded(api, world):
    placement = world.case(S.DRAFT)
    Document.objects.filter(kind=DocumentKind.PASSPORT).delete()
    response = move(api, world.agency_a_user, placement, S.SUBMITTED)
    assert_refused_naming(response, placement, S.DRAFT, "copy of the passport")


def test_submit_needs_a_medical_certificate_from_the_last_90_days(api, world):
    placement = world.case(S.DRAFT)
    Document.objects.filter(kind=DocumentKind.MEDICAL_CERTIFICATE).update(
        issued_on=today() - timedelta(days=91)
    )
    response = move(api, world.agency_a_user, placement, S.SUBMITTED)
    assert_refused_naming(response, placement, S.DRAFT, "medical certificate")


def test_submit_needs_an_open_job_order(api, world):
    placement = world.case(S.DRAFT)
    world.job_a.status = JobOrderStatus.CLOSED
    world.job_a.save()
    response = move(api, world.agency_a_user, placement, S.SUBMITTED)
    assert_refused_naming(response, placement, S.DRAFT, "job order is closed")


def test_submit_needs_an_active_agency(api, world):
    placement = world.case(S.DRAFT)
    world.agency_a.status = AgencyStatus.SUSPENDED
    world.agency_a.save()
    response = move(api, world.agency_a_user, placement, S.SUBMITTED)
    assert_refused_naming(response, placement, S.DRAFT, "agency is suspended")


def test_no_case_can_be_submitted_without_the_workers_consent(world):
    # Submission requires consent; the database keeps a worker without it from existing at
    # all, so the requirement can never be the one unmet (the API refuses such a worker).
    placement = world.case(S.DRAFT)
    placement.worker.consent_at = None
    with pytest.raises(IntegrityError, match="consent_at"), transaction.atomic():
        placement.worker.save()


def test_submit_names_every_unmet_requirement_at_once(api, world):
    placement = world.case(S.DRAFT)
    Document.objects.all().delete()
    world.job_a.status = JobOrderStatus.CLOSED
    world.job_a.save()
    response = move(api, world.agency_a_user, placement, S.SUBMITTED)
    assert_refused_naming(
        response,
        placement,
        S.DRAFT,
        "A copy of the passport has not been uploaded.",
        "A medical certificate issued in the last 90 days",
        "The job order is closed, not open.",
    )
    assert len(response.json()["requirements"]) == 3


def test_signing_needs_the_contract_document(api, world):
    placement = world.case(S.ACCEPTED)
    placement.documents.filter(kind=DocumentKind.CONTRACT).delete()
    response = move(api, world.employer_a_user, placement, S.CONTRACT_SIGNED, **contract_body())
    assert_refused_naming(response, placement, S.ACCEPTED, "contract has not been uploaded")


def test_signing_refuses_a_wage_below_the_regional_minimum(api, world):
    world.job_a.monthly_wage_rub = 1000
    world.job_a.save()
    placement = world.case(S.ACCEPTED)
    body = contract_body(contract_wage_rub="1000.00")
    response = move(api, world.employer_a_user, placement, S.CONTRACT_SIGNED, **body)
    assert_refused_naming(response, placement, S.ACCEPTED, "below the minimum wage")


def test_signing_refuses_hours_over_the_weekly_maximum(api, world):
    world.job_a.hours_per_week = 60
    world.job_a.save()
    placement = world.case(S.ACCEPTED)
    body = contract_body(contract_hours_per_week="50.0")
    response = move(api, world.employer_a_user, placement, S.CONTRACT_SIGNED, **body)
    assert_refused_naming(response, placement, S.ACCEPTED, "50 hours", "legal maximum")


def test_signing_refuses_terms_worse_than_the_job_order(api, world):
    placement = world.case(S.ACCEPTED)
    body = contract_body(contract_wage_rub="59000.00", contract_hours_per_week="39.0")
    response = move(api, world.employer_a_user, placement, S.CONTRACT_SIGNED, **body)
    assert_refused_naming(response, placement, S.ACCEPTED, "below the job order")
    body = contract_body(contract_hours_per_week="41.0")
    response = move(api, world.employer_a_user, placement, S.CONTRACT_SIGNED, **body)
    assert_refused_naming(response, placement, S.ACCEPTED, "exceed the job order")


def test_signing_refuses_when_the_employer_is_suspended(api, world):
    placement = world.case(S.ACCEPTED)
    world.employer_a.sponsorship_status = SponsorshipStatus.SUSPENDED
    world.employer_a.save()
    response = move(api, world.employer_a_user, placement, S.CONTRACT_SIGNED, **contract_body())
    assert_refused_naming(response, placement, S.ACCEPTED, "sponsorship is suspended")


def test_signing_refuses_when_the_quota_is_used_up(api, world):
    world.employer_a.quota = 1
    world.employer_a.save()
    factories.PlacementFactory(job_order=world.job_a, status=S.EMPLOYED)
    placement = world.case(S.ACCEPTED)
    response = move(api, world.employer_a_user, placement, S.CONTRACT_SIGNED, **contract_body())
    assert_refused_naming(response, placement, S.ACCEPTED, "quota of 1")


def test_signing_refuses_a_contract_ending_before_it_starts(api, world):
    placement = world.case(S.ACCEPTED)
    body = contract_body(contract_end=today().isoformat())
    response = move(api, world.employer_a_user, placement, S.CONTRACT_SIGNED, **body)
    assert_refused_naming(response, placement, S.ACCEPTED, "end after it starts")


def test_signing_freezes_the_contract_terms_on_the_case(api, world):
    placement = world.case(S.ACCEPTED)
    response = move(api, world.employer_a_user, placement, S.CONTRACT_SIGNED, **contract_body())
    assert response.status_code == 200
    assert str(placement.contract_wage_rub) == "60000.00"
    assert placement.contract_start == today() + timedelta(days=30)


def test_the_visa_move_needs_a_permit_valid_on_the_contract_start(api, world):
    placement = world.case(S.CONTRACT_SIGNED)
    body = GOOD_BODIES[S.VISA_ISSUED]()
    body["work_permit_valid_until"] = (today() + timedelta(days=10)).isoformat()
    response = move(api, world.agency_a_user, placement, S.VISA_ISSUED, **body)
    assert_refused_naming(response, placement, S.CONTRACT_SIGNED, "not valid on the contract start")


def test_employment_needs_a_safety_induction_on_or_before_its_start(api, world):
    placement = world.case(S.ARRIVED)
    placement.safety_records.all().delete()
    factories.SafetyRecordFactory(placement=placement, date=today() + timedelta(days=1))
    response = move(api, world.employer_a_user, placement, S.EMPLOYED, **GOOD_BODIES[S.EMPLOYED]())
    assert_refused_naming(response, placement, S.ARRIVED, "No safety induction")


def test_arrival_cannot_precede_departure(api, world):
    placement = world.case(S.DEPARTED)
    body = {"arrival_date": (today() - timedelta(days=5)).isoformat()}
    response = move(api, world.employer_a_user, placement, S.ARRIVED, **body)
    assert_refused_naming(response, placement, S.DEPARTED, "before the departure")


def test_the_visa_move_refuses_a_permit_valid_for_more_than_three_years(api, world):
    placement = world.case(S.CONTRACT_SIGNED)
    body = GOOD_BODIES[S.VISA_ISSUED]()
    valid_from = date.fromisoformat(body["work_permit_valid_from"])
    body["work_permit_valid_until"] = (valid_from + relativedelta(years=3, days=1)).isoformat()
    response = move(api, world.agency_a_user, placement, S.VISA_ISSUED, **body)
    assert_refused_naming(response, placement, S.CONTRACT_SIGNED, "at most three years")
    body["work_permit_valid_until"] = (valid_from + relativedelta(years=3)).isoformat()
    response = move(api, world.agency_a_user, placement, S.VISA_ISSUED, **body)
    assert response.status_code == 200
