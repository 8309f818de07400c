"""The Russian regions and Indian states the apps use, by ISO 3166-2 code, named in the
reader's language.

The codes are ISO 3166-2's (checked against pycountry's copy of the standard in
tests/mobility/test_regions.py). The names are kept in mobility/data: pycountry's translations
name only 18 of the 83 Russian regions in Russian or Hindi and misname some Indian states
(Telangana as "Саманган"), and its English names are romanisations ("Moskva",
"Adygeya, Respublika") that English readers do not use.
"""

import csv
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("en", "ru", "hi")


@cache
def _names(table: str) -> dict[str, dict[str, str]]:
    with (DATA / f"{table}.csv").open(encoding="utf-8") as source:
        return {row["code"]: row for row in csv.DictReader(source)}


def reader_language() -> str:
    """The active language among those the name tables hold (English otherwise)."""
    language = (get_language() or "en").split("-")[0]
    return language if language in LANGUAGES else "en"


@cache
def _choices(table: str, language: str) -> tuple[tuple[str, str], ...]:
    rows = _names(table).values()
    return tuple(sorted(((row["code"], row[language]) for row in rows), key=lambda r: r[1]))


def russian_regions() -> tuple[tuple[str, str], ...]:
    """(code, name) pairs in the reader's language, in that language's alphabetical order;
    model fields take the function itself as their choices, so labels follow the request."""
    return _choices("russian_regions", reader_language())


def indian_states() -> tuple[tuple[str, str], ...]:
    return _choices("indian_states", reader_language())


def russian_region_name(code: str) -> str:
    row = _names("russian_regions").get(code)
    return row[reader_language()] if row else code


def indian_state_name(code: str) -> str:
    row = _names("indian_states").get(code)
    return row[reader_language()] if row else code
