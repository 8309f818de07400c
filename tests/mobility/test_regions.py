"""Regions, states and occupations by their names in the reader's language, never as codes or
romanisations."""

import re

import pycountry
import pytest
from django.utils import translation

from mobility.regions import (
    indian_state_name,
    indian_states,
    russian_region_name,
    russian_regions,
)
from tests.world import S

CYRILLIC = re.compile(r"^[А-Яа-яЁё ()—–\-]+$")
DEVANAGARI = re.compile(r"^[\u0900-\u097F ()–\-]+$")


@pytest.mark.parametrize(("country", "choices"), [("RU", russian_regions), ("IN", indian_states)])
def test_the_codes_are_exactly_iso_3166_2(country, choices):
    iso = {s.code for s in pycountry.subdivisions.get(country_code=country)}
    assert {code for code, _name in choices()} == iso


@pytest.mark.parametrize(("language", "script"), [("ru", CYRILLIC), ("hi", DEVANAGARI)])
def test_every_name_is_written_in_the_readers_script(language, script):
    with translation.override(language):
        names = [name for _code, name in (*russian_regions(), *indian_states())]
    assert [name for name in names if not script.match(name)] == []


def test_names_follow_the_active_language_and_sort_in_its_alphabet():
    with translation.override("en"):
        assert russian_region_name("RU-MOW") == "Moscow"
        assert indian_state_name("IN-TS") == "Telangana"
    with translation.override("ru"):
        assert russian_region_name("RU-AD") == "Республика Адыгея"
        assert indian_state_name("IN-TS") == "Телангана"
        names = [name for _code, name in russian_regions()]
        assert names == sorted(names) and names[0] == "Алтайский край"
    with translation.override("hi"):
        assert russian_region_name("RU-MOW") == "मॉस्को"


@pytest.mark.django_db
def test_the_official_case_list_names_the_region_in_russian(client, world):
    world.case(S.SUBMITTED)
    client.force_login(world.official)
    page = client.get("/officials/cases/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    text = re.sub(r"<[^>]+>", " ", page)
    assert "Москва" in text
    assert "RU-MOW" not in text and "Moskva" not in text


def test_occupations_are_titled_in_the_readers_language():
    from mobility.occupations import occupation_title, occupations

    with translation.override("ru"):
        assert occupation_title("7112") == "Каменщики и работники родственных занятий"
        assert dict(occupations())["9313"] == "9313 – Подсобные рабочие на строительстве зданий"
    with translation.override("hi"):
        assert occupation_title("7112") == "राजमिस्त्री और संबंधित कर्मी"
    with translation.override("en"):
        assert occupation_title("7112") == "Bricklayers and related workers"
