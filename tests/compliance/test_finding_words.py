"""A finding reads in the reader's language: the sentence, what was expected and found, and
the figure table, with money, hours and dates as that language writes them."""

import ast
import json
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from compliance.findings.explanations import EXPLANATIONS, FIGURES, HIDDEN_FIGURES, figures_in_words
from compliance.findings.wording import describe_evidence
from compliance.rulebook.catalogue import DATA
from tests import factories
from tests.compliance.rule_helpers import check, compliant_case
from workers.models import PlacementStatus

RULES_DIR = Path(settings.BASE_DIR) / "compliance" / "checks" / "rules"

BELOW_MINIMUM = {
    "expected": "at least 39730 RUB a month",
    "actual": "35000 RUB",
    "legal_source": "Labour Code RF art. 133, 133.1; Moscow minimum wage agreement for 2026",
    "figures": {
        "kind": "month",
        "month": "2026-01",
        "wage_rub": "35000",
        "minimum_rub": "39730",
        "hours_per_week": "40",
        "minimum_scope": "RU-MOW",
        "shortfall_rub": "4730",
    },
}
REGISTRATION_OVERDUE = {
    "expected": "migration registration within 7 working days after arrival on 2026-10-30",
    "actual": "not recorded; the deadline was 2026-11-11",
    "legal_source": "Federal Law 109-FZ art. 20",
    "figures": {
        "event": "arrival",
        "event_on": "2026-10-30",
        "deadline": "2026-11-11",
        "recorded_on": None,
    },
}


def evidence_figures() -> set[str]:
    """Every figure name a rule passes to `evidence(...)`."""
    names = set()
    for module in RULES_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "evidence":
                names |= {k.arg for k in node.keywords if k.arg not in (None, "expected", "actual")}
    return names


def test_every_rule_of_the_catalogue_is_explained():
    codes = {rule["code"] for rule in json.loads((DATA / "rules.json").read_text())["rules"]}
    assert codes - set(EXPLANATIONS) == set()


def test_every_figure_a_rule_keeps_has_a_label():
    assert evidence_figures() - set(FIGURES) - HIDDEN_FIGURES == set()


def test_a_russian_reader_gets_the_minimum_wage_finding_in_russian():
    """35,000 paid for a full January 2026 in Moscow against 39,730: short by 4,730."""
    with translation.override("ru"):
        sentence = describe_evidence("WAGE_BELOW_MINIMUM", BELOW_MINIMUM, "2026-01")
    assert sentence == (
        "Январь 2026 г.: за полностью отработанный месяц начислено 35\xa0000 руб. — меньше "
        "минимальной зарплаты 39\xa0730 руб. (Москва, за 40 часов в неделю); не хватает "
        "4\xa0730 руб. Трудовой кодекс РФ, ст. 133, 133.1; Соглашение о минимальной "
        "заработной плате в городе Москве на 2026 год."
    )


def test_a_hindi_reader_gets_grouped_money_and_hindi_months():
    with translation.override("hi"):
        rows = dict(figures_in_words(BELOW_MINIMUM))
    assert rows["न्यूनतम"] == "39,730 रूबल" and rows["महीना"] == "जनवरी 2026"
    assert rows["किसका न्यूनतम"] == "मॉस्को"


def test_dates_in_a_russian_sentence_take_the_genitive():
    with translation.override("ru"):
        sentence = describe_evidence("MIGRATION_REGISTRATION_OVERDUE", REGISTRATION_OVERDUE)
    assert "после прибытия 30 октября 2026 г., не позднее 11 ноября 2026 г." in sentence
    assert "2026-11-11" not in sentence


def test_figures_of_an_older_shape_fall_back_to_the_stored_words():
    evidence = {**REGISTRATION_OVERDUE, "figures": {"event": "arrival"}}
    with translation.override("en"):
        sentence = describe_evidence("MIGRATION_REGISTRATION_OVERDUE", evidence)
    assert sentence == (
        "Expected migration registration within 7 working days after arrival on 2026-10-30; "
        "found not recorded; the deadline was 2026-11-11. Federal Law 109-FZ art. 20."
    )


@pytest.mark.django_db
def test_the_russian_finding_page_has_no_english_and_no_codes(client, world):
    finding = factories.FindingFactory(
        code="WAGE_BELOW_MINIMUM",
        placement=world.case(PlacementStatus.EMPLOYED),
        period="2026-01",
        evidence=BELOW_MINIMUM,
    )
    client.force_login(world.official)
    page = client.get(f"/findings/{finding.pk}/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Зарплата ниже минимальной" in page and "Чей минимум" in page
    for english in ("RU-MOW", "minimum scope", "wage rub", "RUB", "Labour Code"):
        assert english not in page


@pytest.mark.django_db
def test_the_finding_page_shows_november_2025_at_151_hours(client, world):
    """November 2025 has 19 working days and 1 November, a worked Saturday before the holiday,
    is an hour short: 19 x 8 - 1 = 151 h. 151 h worked is the full month, so 50,000 gross
    against a 60,000 contract is 10,000 short (at 152 h it would be judged a part month)."""
    case = compliant_case(contract_wage_rub=D("60000"))
    factories.WageReportFactory(
        placement=case,
        month=date(2025, 11, 1),
        hours_worked=D("151"),
        gross_rub=D("50000"),
        paid_on=date(2025, 12, 5),
    )
    finding = check(case, on=date(2025, 12, 20))["WAGE_UNDERPAID"]
    assert finding.evidence["figures"]["norm_hours"] == "151"
    client.force_login(world.official)
    page = client.get(f"/findings/{finding.pk}/").content.decode()
    assert "The month&#x27;s norm</th><td>151 hours" in page
    assert "short by 10,000 RUB" in page
