"""Shared setup of the wage-answer tests: the owner's employed case with two reported months
(60,000 gross, 18,000 income tax, 2,000 for accommodation, 40,000 net), the peer's case, and
fresh rate-limit counts."""

from datetime import date
from decimal import Decimal

import pytest

from tests import factories
from tests.workers.status_fixtures import BIRTH, fresh_rate_limits  # noqa: F401

OTHER_BIRTH = date(1990, 7, 1)
WAGES = "/api/v1/status/wages/"
ANSWER = "/api/v1/status/wages/answer/"


def report(case, month: date, **fields):
    values = {
        "gross_rub": Decimal("60000.00"),
        "tax_withheld_rub": Decimal("18000.00"),
        "deductions_rub": Decimal("2000.00"),
        "paid_on": date(month.year + month.month // 12, month.month % 12 + 1, 5),
    }
    return factories.WageReportFactory(placement=case, month=month, **{**values, **fields})


@pytest.fixture
def paid_case(world):
    world.job_a.accommodation_provided = True
    world.job_a.monthly_deduction_rub = Decimal("2000.00")
    world.job_a.save()
    worker = factories.WorkerFactory(
        agency=world.agency_a, full_name="Ravi Kumar", date_of_birth=BIRTH, preferred_language="hi"
    )
    case = world.case("employed", worker=worker)
    report(case, date(2025, 10, 1))
    report(case, date(2025, 11, 1))
    return case


@pytest.fixture
def peer_case(world):
    worker = factories.WorkerFactory(agency=world.agency_b, date_of_birth=OTHER_BIRTH)
    case = world.case("employed", peer=True, worker=worker)
    report(case, date(2025, 10, 1))
    return case


def key(case, born=BIRTH) -> dict:
    return {"reference": case.reference, "date_of_birth": born.isoformat()}


def answer(api, case, month="2025-10", born=BIRTH, **body):
    return api.post(ANSWER, {**key(case, born), "month": month, **body}, format="json")


def dispute(api, case, received="25000", month="2025-10", **body):
    return answer(api, case, month, answer="disputed", received_rub=received, **body)
