from datetime import timedelta

import pytest
from django.utils import timezone

from tests.compliance.rule_helpers import check, compliant_case
from workers.models import Grievance

pytestmark = pytest.mark.django_db


def _grievance(age, **fields):
    case = compliant_case()
    now = timezone.now()
    grievance = Grievance.objects.create(
        receipt=f"GRV-{case.pk}",
        placement=case,
        category="wages",
        description="Not paid",
        acknowledgement_due=now,
        resolution_due=now,
        **fields,
    )
    Grievance.objects.filter(pk=grievance.pk).update(created_at=now - age)
    return case


def test_a_grievance_within_three_days_is_not_late():
    case = _grievance(timedelta(days=3) - timedelta(minutes=5))
    assert "GRIEVANCE_SLA_BREACHED" not in check(case, on=timezone.localdate())


def test_a_grievance_unacknowledged_after_three_days_breaches_the_sla():
    case = _grievance(timedelta(days=3, minutes=5))
    finding = check(case, on=timezone.localdate())["GRIEVANCE_SLA_BREACHED"]
    assert finding.period == f"GRV-{case.pk}"
    assert finding.evidence["figures"]["acknowledgement_late"] is True


def test_an_acknowledged_grievance_breaches_only_after_thirty_days():
    acknowledged = {"acknowledged_at": timezone.now(), "status": "investigating"}
    fine = _grievance(timedelta(days=29), **acknowledged)
    late = _grievance(timedelta(days=30, minutes=5), **acknowledged)
    assert "GRIEVANCE_SLA_BREACHED" not in check(fine, on=timezone.localdate())
    finding = check(late, on=timezone.localdate())["GRIEVANCE_SLA_BREACHED"]
    assert finding.evidence["figures"]["resolution_late"] is True
