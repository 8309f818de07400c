"""ISCO-08 unit groups (ILO, 2008), the occupation codes of job orders and workers."""

import csv
import functools
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mobility.regions import reader_language

CSV_PATH = Path(__file__).with_name("data") / "isco08.csv"


@functools.cache
def _titles() -> dict[str, dict[str, str]]:
    """Each unit group's title in English (ILO) and in Russian and Hindi (after the
    classifications aligned with ISCO-08: Russia's OKZ OK 010-2014, India's NCO-2015)."""
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        return {row["code"]: row for row in csv.DictReader(f)}


@functools.cache
def _choices(language: str) -> tuple[tuple[str, str], ...]:
    return tuple((code, f"{code} – {row[language]}") for code, row in _titles().items())


def occupations() -> tuple[tuple[str, str], ...]:
    """(code, "code – title") pairs of every unit group in the reader's language, in code
    order, e.g. for choices."""
    return _choices(reader_language())


def is_occupation(code: str) -> bool:
    return code in _titles()


def occupation_title(code: str) -> str:
    row = _titles().get(code)
    return row[reader_language()] if row else code


def validate_occupation(value) -> None:
    if not is_occupation(value):
        raise ValidationError(
            _("Enter a 4-digit ISCO-08 occupation code, e.g. 7112 for bricklayers.")
        )


def permit_occupation(value: str) -> str:
    """The occupation a work permit names, as the case keeps it: an ISCO-08 code, the code of
    a unit group whose title it gives in any of the three languages, or else its own words
    (a permit need not carry a code)."""
    text = " ".join(str(value).split())
    if text.isdigit():
        validate_occupation(text)
        return text
    wanted = text.casefold()
    for code, row in _titles().items():
        if wanted in (row["en"].casefold(), row["ru"].casefold(), row["hi"].casefold()):
            return code
    return text
