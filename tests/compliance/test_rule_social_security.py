from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from compliance.models import InsuranceCover
from tests.compliance.rule_helpers import ON, check, check_and_sweep, compliant_case, set_report

pytestmark = pytest.mark.django_db
OCTOBER = date(2025, 10, 1)


# SOCIAL_CONTRIBUTIONS_MISSING: at least 7.6 % of 60,000 = 4,560.


def test_contributions_at_the_lowest_tariff_are_enough():
    case = compliant_case()
    set_report(case, OCTOBER, employer_contributions_rub=D("4560.00"))
    assert "SOCIAL_CONTRIBUTIONS_MISSING" not in check(case)


def test_contributions_a_kopeck_short_are_a_breach():
    case = compliant_case()
    set_report(case, OCTOBER, employer_contributions_rub=D("4559.99"))
    finding = check(case)["SOCIAL_CONTRIBUTIONS_MISSING"]
    assert finding.period == "2025-10"
    assert finding.evidence["figures"]["minimum_rub"] == "4560.00"


def test_contributions_not_stated_count_as_none():
    case = compliant_case()
    set_report(case, OCTOBER, employer_contributions_rub=None)
    assert check(case)["SOCIAL_CONTRIBUTIONS_MISSING"].evidence["figures"]["stated"] is False


# INSURANCE_DMS_MISSING


def test_a_policy_ending_today_still_covers_today():
    case = compliant_case()
    InsuranceCover.objects.filter(placement=case, kind="dms").update(valid_until=ON)
    assert "INSURANCE_DMS_MISSING" not in check(case)


def test_a_policy_that_ended_yesterday_leaves_the_worker_uninsured():
    case = compliant_case()
    InsuranceCover.objects.filter(placement=case, kind="dms").update(
        valid_until=ON - timedelta(days=1)
    )
    assert check(case)["INSURANCE_DMS_MISSING"].severity == "breach"


def test_no_dms_is_needed_before_arrival():
    case = compliant_case(status="departed", arrival_date=None, employment_start=None)
    InsuranceCover.objects.filter(placement=case, kind="dms").delete()
    assert "INSURANCE_DMS_MISSING" not in check(case)


# INSURANCE_ORIGIN_MISSING


def test_a_departed_worker_without_origin_cover_is_flagged():
    case = compliant_case()
    InsuranceCover.objects.filter(placement=case, kind="pbby").delete()
    assert check(case)["INSURANCE_ORIGIN_MISSING"].severity == "warning"


def test_origin_cover_is_not_asked_before_departure():
    case = compliant_case(status="visa_issued")
    InsuranceCover.objects.filter(placement=case, kind="pbby").delete()
    assert "INSURANCE_ORIGIN_MISSING" not in check(case)


# INSURANCE_EXPIRING: 30 days' notice while the contract runs on.


def test_a_policy_ending_in_thirty_days_is_expiring():
    """ "Within 30 days" includes day 30: 25 Nov 2025 + 30 days = 25 Dec 2025 fires."""
    case = compliant_case()
    InsuranceCover.objects.filter(placement=case, kind="dms").update(
        valid_until=ON + timedelta(days=30)
    )
    finding = check_and_sweep(case)["INSURANCE_EXPIRING"]
    assert finding.severity == "info"
    assert finding.period == "dms"
    assert finding.evidence["figures"]["valid_until"] == "2025-12-25"
    assert finding.evidence["legal_source"] == (
        "Federal Law 115-FZ art. 13 para 4; Labour Code RF art. 327.3"
    )


def test_a_policy_ending_in_thirty_one_days_is_not_yet_expiring():
    """25 Nov 2025 + 31 days = 26 Dec 2025: one day outside the 30-day notice."""
    case = compliant_case()
    InsuranceCover.objects.filter(placement=case, kind="dms").update(
        valid_until=ON + timedelta(days=31)
    )
    assert "INSURANCE_EXPIRING" not in check_and_sweep(case)


def test_a_renewed_policy_is_not_expiring():
    case = compliant_case()
    InsuranceCover.objects.filter(placement=case, kind="dms").update(
        valid_until=ON + timedelta(days=10)
    )
    InsuranceCover.objects.create(
        placement=case,
        kind="dms",
        policy_number="DMS-RENEWED",
        valid_from=ON + timedelta(days=11),
        valid_until=date(2027, 12, 31),
    )
    assert "INSURANCE_EXPIRING" not in check(case)
