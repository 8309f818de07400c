"""The officials' page of one rule: the parameters in words, the rule in words and a worked
example computed from the parameters in force, so the engine's arithmetic can be checked."""

from datetime import date

import pytest
from django.utils import timezone
from django.utils.translation import override

from compliance.rulebook.examples import EXAMPLES, worked_example
from compliance.rulebook.models import Rule
from tests import factories
from tests.compliance.rule_helpers import set_parameters
from tests.world import S

pytestmark = pytest.mark.django_db
URL = "/officials/rules/{}/"


@pytest.fixture
def official(client, world):
    client.force_login(world.official)
    return world.official


def test_the_deductions_example_computes_the_cap_from_the_parameters(client, official):
    """60,000 gross - 18,000 tax = 42,000 after tax; 20 % of it is 8,400."""
    page = client.get(URL.format("WAGE_DEDUCTIONS_EXCESSIVE")).content.decode()
    assert "Highest share of the pay after income tax" in page and "20 %" in page
    assert "60,000 RUB gross, 18,000 RUB tax" in page
    assert "deductions may reach 20 % × 42,000 RUB = 8,400 RUB" in page
    assert "max_pct" not in page


def test_a_new_parameter_version_changes_the_example(client, official):
    """25 % of 42,000 is 10,500."""
    set_parameters("WAGE_DEDUCTIONS_EXCESSIVE", timezone.localdate(), max_pct=25)
    page = client.get(URL.format("WAGE_DEDUCTIONS_EXCESSIVE")).content.decode()
    assert "25 % × 42,000 RUB = 10,500 RUB" in page and "8,400 RUB" not in page


def test_a_version_from_tomorrow_leaves_today_s_example_alone(client, official):
    tomorrow = date.fromordinal(timezone.localdate().toordinal() + 1)
    set_parameters("WAGE_DEDUCTIONS_EXCESSIVE", tomorrow, max_pct=25)
    assert "8,400 RUB" in client.get(URL.format("WAGE_DEDUCTIONS_EXCESSIVE")).content.decode()


def test_the_underpaid_example_uses_the_month_s_norm_with_shortened_days():
    """Judged on 2 December 2025: November's norm is 151 h (1 November shortened); 10 h of
    overtime x 60,000 / 151 x 1.5 = 5,960.26, owed 65,960.26, 99 % of it 65,300.66."""
    with override("en"):
        shown = worked_example(
            "WAGE_UNDERPAID", {"tolerance_pct": 1, "overtime_multiplier": 1.5}, date(2025, 12, 2)
        )
    assert ("Norm of the month", "151 hours") in shown.inputs
    assert "= 65,960.26 RUB" in shown.outcome and "below 65,300.66 RUB" in shown.outcome


def test_the_minimum_wage_example_pro_rates_the_minimum_in_force():
    """Moscow from 1 January 2026: 39,730 x 20 / 40 = 19,865."""
    with override("en"):
        shown = worked_example("WAGE_BELOW_MINIMUM", {}, date(2026, 3, 1))
    assert "= 19,865 RUB a month; 19,864.99 RUB is a breach" in shown.outcome


def test_the_page_in_russian_shows_russian_words_and_figures(client, official):
    page = client.get(
        URL.format("WAGE_DEDUCTIONS_EXCESSIVE"), HTTP_ACCEPT_LANGUAGE="ru"
    ).content.decode()
    assert "Правила" in page and "Правовой источник" in page
    assert "42\xa0000 руб." in page and "8\xa0400 руб." in page


def test_a_rule_without_an_example_reads_its_description(client, official):
    rule = Rule.objects.get(code="INSURANCE_DMS_MISSING")
    assert "INSURANCE_DMS_MISSING" not in EXAMPLES
    page = client.get(URL.format(rule.code)).content.decode()
    assert rule.fires_when in page and "Worked example" not in page


def test_every_rule_with_figures_has_an_example_that_renders(client, official):
    for rule in Rule.objects.all():
        response = client.get(URL.format(rule.code))
        assert response.status_code == 200, rule.code
        if rule.parameter_versions.exclude(values={}).exists() and rule.code != "WORKER_DUPLICATE":
            assert rule.code in EXAMPLES, rule.code


def test_unknown_codes_and_other_roles_get_404(client, world, official):
    assert client.get(URL.format("NO_SUCH_RULE")).status_code == 404
    for user in (world.employer_a_user, world.agency_a_user):
        client.force_login(user)
        assert client.get(URL.format("WAGE_DEDUCTIONS_EXCESSIVE")).status_code == 404


def test_the_rule_list_and_the_finding_page_link_to_the_rule_page(client, world, official):
    assert URL.format("WAGE_UNDERPAID") in client.get("/officials/rules/").content.decode()
    finding = factories.FindingFactory(placement=world.case(S.EMPLOYED))
    assert URL.format(finding.rule.code) in client.get(f"/findings/{finding.pk}/").content.decode()
    client.force_login(world.employer_a_user)
    page = client.get(f"/findings/{finding.pk}/").content.decode()
    assert URL.format(finding.rule.code) not in page


def test_the_work_permit_mismatch_page_explains_the_rule_with_regions_by_name(client, official):
    page = client.get(URL.format("WORK_PERMIT_MISMATCH")).content.decode()
    assert "valid only in the region that issued it" in page
    assert "the job is in Saint Petersburg and the permit is of Leningrad Oblast" in page
    assert "RU-SPE" not in page


def test_the_mvd_example_gives_each_notice_its_own_deadline():
    """Judged on Thursday 30 Oct 2025: 31 Oct, Saturday 1 Nov (worked), 5 Nov."""
    example = worked_example("MVD_NOTIFICATION_OVERDUE", {"working_days": 3}, date(2025, 10, 30))
    assert "Employment starting on 30 October 2025: the deadline is 5 November 2025" in (
        example.outcome
    )
    assert "A contract ending on 30 October 2025: the deadline is 5 November 2025" in (
        example.outcome
    )
