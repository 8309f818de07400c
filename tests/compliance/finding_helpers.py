"""Findings made directly for the tests of handling them (the rules that raise them are tested
on their own)."""

from datetime import timedelta

from django.utils import timezone

from compliance.models import Finding
from compliance.rulebook.models import Rule


def make_finding(*, code="WAGE_UNDERPAID", placement=None, employer=None, agency=None, **kwargs):
    rule = Rule.objects.get(code=code)
    if placement is not None:
        subject = f"placement:{placement.pk}"
    elif employer is not None:
        subject = f"employer:{employer.pk}"
    else:
        subject = f"agency:{agency.pk}"
    now = timezone.now()
    values = {
        "rule": rule,
        "subject_key": subject,
        "placement": placement,
        "employer": employer,
        "agency": agency,
        "severity": rule.severity,
        "period": "",
        "evidence": {"expected": "60000.00", "actual": "50000.00"},
        "first_detected_at": now,
        "last_detected_at": now,
        "due_at": now + timedelta(days=14),
    }
    values.update(kwargs)
    return Finding.objects.create(**values)
