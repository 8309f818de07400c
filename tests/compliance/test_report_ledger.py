"""The compliance PDFs' ledger: what the party owed its workers, paid (accepted) in the period
and still owes, by kind and currency, and the workers' word on the period's wage months.

By hand, for October 2025: employer A's case owes 10,000 RUB of wages (found in October),
4,000 of it paid on 25 October and confirmed, 500 paid on 3 November and confirmed, 1,000
waiting for the worker: 4,000 paid in the period, 10,000 - 4,500 = 5,500 still owed. A debt
found in December is not the October report's. The agency owes the worker a 20,000 INR fee.
October's wage months: one confirmed, one disputed (not shared with the employer)."""

from datetime import date, datetime
from decimal import Decimal as D

import pytest
from django.utils import timezone

from compliance.entitlements.models import Entitlement, Payment
from compliance.models import WageAnswer
from compliance.reports.documents.compliance_reports import (
    write_agency_compliance,
    write_employer_compliance,
)
from compliance.reports.documents.serializers import (
    AgencyComplianceFilters,
    EmployerComplianceFilters,
)
from tests import factories
from tests.reports_helpers import filters_of, pdf_text, written

pytestmark = pytest.mark.django_db
OCTOBER = timezone.make_aware(datetime(2025, 10, 20, 12, 0))
DECEMBER = timezone.make_aware(datetime(2025, 12, 2, 12, 0))


def owed(case, amount, found_at, period, **fields):
    entitlement = factories.EntitlementFactory(
        finding=factories.FindingFactory(placement=case, period=period),
        amount_owed=D(amount),
        **fields,
    )
    Entitlement.objects.filter(pk=entitlement.pk).update(created_at=found_at)
    return entitlement


def pay(entitlement, amount, paid_on, answer):
    Payment.objects.create(
        entitlement=entitlement,
        amount=D(amount),
        paid_on=paid_on,
        method="bank_transfer",
        answer=answer,
    )


def october(case, said):
    report = factories.WageReportFactory(placement=case, month=date(2025, 10, 1))
    WageAnswer.objects.create(
        wage_report=report,
        answer=said,
        reported_net_rub=report.net_paid_rub,
        received_rub=D("0") if said == "disputed" else None,
    )


@pytest.fixture
def ledger(world):
    case = world.case("employed")
    other = world.case("employed")
    wages = owed(
        case, "10000.00", OCTOBER, "2025-10", paid_accepted=D("4500.00"), status="partly_paid"
    )
    pay(wages, "4000.00", date(2025, 10, 25), "confirmed")
    pay(wages, "500.00", date(2025, 11, 3), "confirmed")
    pay(wages, "1000.00", date(2025, 10, 28), "pending")
    owed(case, "3000.00", DECEMBER, "2025-12")
    owed(
        case,
        "20000.00",
        OCTOBER,
        "fee",
        kind="recruitment_fee",
        currency="INR",
        owed_by="agency",
        due_on=None,
    )
    october(case, "confirmed")
    october(other, "disputed")
    return world


def employer_report(world, user) -> str:
    filters = filters_of(
        EmployerComplianceFilters,
        user,
        employer=world.employer_a.pk,
        month="2025-10",
        language="en",
    )
    return " ".join(pdf_text(written(write_employer_compliance, filters)[0]).split())


def test_the_employer_report_shows_what_was_owed_paid_and_is_still_owed(ledger):
    flat = employer_report(ledger, ledger.official)
    assert "Wages below what the contract owes 10,000 RUB 4,000 RUB 5,500 RUB" in flat
    assert "3,000 RUB" not in flat
    assert "20,000 INR" not in flat
    assert "not kept in Mobility yet" not in flat
    assert (
        "Of 2 wage months reported for the period, the workers answered 2: 50.0 % confirmed "
        "as received, 50.0 % disputed." in flat
    )


def test_the_employers_own_report_does_not_reveal_an_unshared_dispute(ledger):
    flat = employer_report(ledger, ledger.employer_a_user)
    assert "Wages below what the contract owes 10,000 RUB 4,000 RUB 5,500 RUB" in flat
    assert (
        "Of 2 wage months reported for the period, the workers answered 1: 100.0 % confirmed "
        "as received, 0.0 % disputed." in flat
    )


def test_the_agency_report_shows_the_fee_it_owes(ledger):
    filters = filters_of(
        AgencyComplianceFilters,
        ledger.official,
        agency=ledger.agency_a.pk,
        month="2025-10",
        language="en",
    )
    flat = " ".join(pdf_text(written(write_agency_compliance, filters)[0]).split())
    # The kind's name wraps in its cell: the amounts follow its first words.
    assert "Recruitment fee charged to the 20,000 INR 0 INR 20,000 INR" in flat
    assert "10,000 RUB" not in flat


def test_a_report_without_debts_says_so(world):
    flat = employer_report(world, world.official)
    assert "Nothing was found owed to these workers." in flat
    assert "0 wage months were reported for the period; no worker has answered for them." in flat
