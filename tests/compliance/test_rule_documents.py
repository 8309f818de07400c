from datetime import date

import pytest

from tests.compliance.rule_helpers import check, compliant_case

pytestmark = pytest.mark.django_db


# PASSPORT_EXPIRING: valid at least 6 months after the contract ends on 31 August 2026.


def _case_with_passport(expiry):
    case = compliant_case()
    case.worker.passport_expiry = expiry
    case.worker.save()
    return case


def test_a_passport_valid_exactly_six_months_past_the_contract_is_fine():
    assert "PASSPORT_EXPIRING" not in check(_case_with_passport(date(2027, 2, 28)))


def test_a_passport_expiring_a_day_earlier_is_flagged():
    finding = check(_case_with_passport(date(2027, 2, 27)))["PASSPORT_EXPIRING"]
    assert finding.severity == "warning"
    assert finding.evidence["figures"]["needed_until"] == "2027-02-28"
