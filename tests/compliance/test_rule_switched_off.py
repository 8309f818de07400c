"""An official switches a rule off: its open findings close, in words and in their history;
switched on again, the next evaluation opens what still holds (RULES.md amendments)."""

from decimal import Decimal as D

import pytest
from django.test import Client

from compliance.models import Finding, FindingStatus
from compliance.rulebook.models import Rule
from tests import factories
from tests.compliance.rule_helpers import check, compliant_case, open_findings

pytestmark = pytest.mark.django_db


def _fee_case():
    case = compliant_case(recruitment_fee_inr=D("100"))
    return case, check(case)["RECRUITMENT_FEE_CHARGED"]


def test_switching_a_rule_off_closes_its_open_and_acknowledged_findings(api):
    rule = Rule.objects.get(code="RECRUITMENT_FEE_CHARGED")
    (_, open_one), (_, acknowledged) = _fee_case(), _fee_case()
    Finding.objects.filter(pk=acknowledged.pk).update(status=FindingStatus.ACKNOWLEDGED)
    official = factories.official_user(username="rule-keeper")
    response = api.as_user(official).patch(f"/api/v1/rules/{rule.pk}/", {"enabled": False})
    assert response.status_code == 200
    for finding in (open_one, acknowledged):
        finding.refresh_from_db()
        assert finding.status == FindingStatus.RESOLVED
        assert finding.close_reason == "rule disabled"
        assert finding.closed_by == official
        assert finding.closed_at is not None
    history = api.get(f"/api/v1/findings/{open_one.pk}/history/").json()["results"]
    assert history[0]["user"] == "rule-keeper"
    assert history[0]["changes"]["status"] == {"from": "open", "to": "resolved"}


def test_the_finding_page_says_the_rule_was_switched_off():
    rule = Rule.objects.get(code="RECRUITMENT_FEE_CHARGED")
    _, finding = _fee_case()
    client = Client()
    client.force_login(factories.official_user())
    client.post(f"/officials/rules/{rule.pk}/", {"form": "settings", "severity": "warning"})
    page = client.get(f"/findings/{finding.pk}/").content.decode()
    assert "The rule was switched off." in page


def test_a_waived_finding_stays_waived_and_other_rules_findings_stay_open(api):
    rule = Rule.objects.get(code="RECRUITMENT_FEE_CHARGED")
    case, fee = _fee_case()
    Finding.objects.filter(pk=fee.pk).update(status=FindingStatus.WAIVED, close_reason="agreed")
    case.insurance_covers.filter(kind="pbby").delete()
    assert "INSURANCE_ORIGIN_MISSING" in check(case)
    api.as_user(factories.official_user()).patch(f"/api/v1/rules/{rule.pk}/", {"enabled": False})
    fee.refresh_from_db()
    assert (fee.status, fee.close_reason) == (FindingStatus.WAIVED, "agreed")
    assert "INSURANCE_ORIGIN_MISSING" in open_findings(case)


def test_switched_on_again_the_next_check_opens_what_still_holds(api):
    rule = Rule.objects.get(code="RECRUITMENT_FEE_CHARGED")
    case, closed = _fee_case()
    client = api.as_user(factories.official_user())
    client.patch(f"/api/v1/rules/{rule.pk}/", {"enabled": False})
    assert "RECRUITMENT_FEE_CHARGED" not in check(case)
    client.patch(f"/api/v1/rules/{rule.pk}/", {"enabled": True})
    reopened = check(case)["RECRUITMENT_FEE_CHARGED"]
    assert reopened.pk != closed.pk
    assert reopened.status == FindingStatus.OPEN
