from datetime import date, timedelta

import pytest

from compliance.models import SafetyRecord
from tests import factories
from tests.compliance.rule_helpers import check, compliant_case

pytestmark = pytest.mark.django_db


# SAFETY_INDUCTION_MISSING: employment started on 1 September 2025.


def test_an_induction_on_the_first_day_of_work_is_in_time():
    assert "SAFETY_INDUCTION_MISSING" not in check(compliant_case())


def test_an_induction_a_day_after_work_started_is_missing():
    case = compliant_case()
    SafetyRecord.objects.filter(placement=case, kind="induction").update(date=date(2025, 9, 2))
    assert check(case)["SAFETY_INDUCTION_MISSING"].severity == "breach"


def test_an_induction_is_not_asked_of_a_case_not_yet_employed():
    case = compliant_case(status="arrived")
    SafetyRecord.objects.filter(placement=case).delete()
    assert "SAFETY_INDUCTION_MISSING" not in check(case)


# SAFETY_TRAINING_OVERDUE: every 12 months in construction, machinery and energy.


def _untrained(start, **kwargs):
    case = compliant_case(employment_start=start, contract_start=start, **kwargs)
    SafetyRecord.objects.filter(placement=case, kind="training").delete()
    SafetyRecord.objects.filter(placement=case, kind="induction").update(date=start)
    return case


def test_training_is_due_twelve_months_after_the_start_and_not_a_day_before():
    assert "SAFETY_TRAINING_OVERDUE" not in check(_untrained(date(2024, 11, 25)))


def test_training_is_overdue_a_day_later():
    finding = check(_untrained(date(2024, 11, 24)))["SAFETY_TRAINING_OVERDUE"]
    assert finding.severity == "warning"
    assert finding.evidence["figures"]["last_training_on"] is None


def test_training_is_not_required_in_sectors_outside_the_list():
    employer = factories.EmployerFactory(sector="services")
    assert "SAFETY_TRAINING_OVERDUE" not in check(_untrained(date(2024, 1, 10), employer=employer))


def test_a_recent_training_clears_an_old_start():
    case = _untrained(date(2024, 1, 10))
    factories.SafetyRecordFactory(placement=case, kind="training", date=date(2025, 3, 1))
    assert "SAFETY_TRAINING_OVERDUE" not in check(case)


# SAFETY_INCIDENT_SERIOUS


def test_a_minor_incident_makes_no_finding():
    case = compliant_case()
    factories.SafetyRecordFactory(
        placement=case, kind="incident", severity="minor", date=date(2025, 10, 3)
    )
    assert "SAFETY_INCIDENT_SERIOUS" not in check(case)


def test_a_serious_incident_is_critical_and_due_within_a_day():
    case = compliant_case()
    factories.SafetyRecordFactory(
        placement=case, kind="incident", severity="serious", date=date(2025, 10, 3)
    )
    finding = check(case)["SAFETY_INCIDENT_SERIOUS"]
    assert finding.severity == "critical"
    assert finding.period == "2025-10-03"
    assert finding.due_at - finding.first_detected_at == timedelta(days=1)
