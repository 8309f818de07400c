"""Shared setup of the public status tests: a case with a timeline, and fresh rate-limit counts."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache

from tests import factories
from workers.models import CaseEvent, PlacementStatus

BIRTH = date(1994, 3, 9)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def case(db):
    worker = factories.WorkerFactory(full_name="Ravi Kumar", date_of_birth=BIRTH)
    placement = factories.PlacementFactory(
        worker=worker,
        status=PlacementStatus.CONTRACT_SIGNED,
        contract_wage_rub=Decimal("65000.00"),
        contract_hours_per_week=Decimal("40.0"),
        contract_start=date(2026, 3, 1),
        contract_end=date(2027, 2, 28),
    )
    staff = factories.employer_user(placement.job_order.employer, username="hr-manager")
    CaseEvent.objects.create(
        placement=placement,
        actor=staff,
        from_status=PlacementStatus.ACCEPTED,
        to_status=PlacementStatus.CONTRACT_SIGNED,
        public_message="Your employment contract was signed.",
        note="Negotiated the start date down by a week; secret internal remark.",
    )
    CaseEvent.objects.create(
        placement=placement, actor=staff, note="Internal only: called the agency."
    )
    return placement
