"""Rule titles, conditions and legal sources read in the reader's language, never as codes.

The catalogue is data; these tests hold its texts and their translations together, so a rule
added to rules.json without its Russian and Hindi words fails here, not in front of an inspector.
"""

import csv
import json
import re

import pytest
from django.test import Client
from django.utils import translation

from compliance.rulebook import words
from compliance.rulebook.catalogue import DATA
from tests.factories import official_user

CATALOGUE = json.loads((DATA / "rules.json").read_text(encoding="utf-8"))["rules"]
with (DATA / "minimum_wages.csv").open(encoding="utf-8", newline="") as handle:
    WAGE_SOURCES = [row["source"] for row in csv.DictReader(handle)]
SOURCE_PARTS = {
    part
    for source in [rule["source"] for rule in CATALOGUE] + WAGE_SOURCES
    for part in source.split(words.SOURCE_SEPARATOR)
}


def test_no_condition_names_a_parameter_or_a_code_instead_of_saying_it():
    # `enabled_from`, `severity_above_cap`, `contract_signed`, `TAX_RESIDENT_RATE_NOT_APPLIED`
    named = {
        rule["code"]: rule["fires_when"]
        for rule in CATALOGUE
        if re.search(r"\b[a-z]+_[a-z_]+\b|\b[A-Z]+_[A-Z_]+\b", rule["fires_when"])
    }
    assert named == {}


def test_every_seeded_text_is_a_message_of_the_catalogue():
    assert {rule["title"] for rule in CATALOGUE} - set(words.TITLES) == set()
    assert {rule["fires_when"] for rule in CATALOGUE} - set(words.CONDITIONS) == set()
    assert SOURCE_PARTS - set(words.SOURCES) == set()


@pytest.mark.parametrize("language", ["ru", "hi"])
def test_every_seeded_text_is_translated(language):
    texts = [*words.TITLES, *words.CONDITIONS, *words.SOURCES]
    with translation.override(language):
        untranslated = [text for text in texts if words.in_words(text) == text]
    assert untranslated == []


def test_a_finding_joining_two_sources_translates_each():
    with translation.override("ru"):
        joined = words.source_in_words(
            "Labour Code RF art. 133, 133.1; Moscow minimum wage agreement for 2026"
        )
    assert joined == (
        "Трудовой кодекс РФ, ст. 133, 133.1; "
        "Соглашение о минимальной заработной плате в городе Москве на 2026 год"
    )


def test_text_outside_the_catalogue_stays_as_written():
    with translation.override("ru"):
        assert words.source_in_words("Agreement signed by the governor") == (
            "Agreement signed by the governor"
        )


@pytest.mark.django_db
def test_russian_official_reads_rule_titles_and_sources_in_russian():
    client = Client()
    client.force_login(official_user())
    page = client.get("/officials/rules/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Зарплата ниже минимальной" in page
    assert "Wage below the minimum wage" not in page
    rule_page = client.get(
        "/officials/rules/WAGE_PAID_LATE/", HTTP_ACCEPT_LANGUAGE="ru"
    ).content.decode()
    assert "Трудовой кодекс РФ, ст. 136" in rule_page and "Labour Code" not in rule_page
