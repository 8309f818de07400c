"""ISCO-08 unit groups (ILO, 2008), the occupation codes of job orders and workers."""

import csv
import functools
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CSV_PATH = Path(__file__).with_name("data") / "isco08.csv"


@functools.cache
def _titles() -> dict[str, str]:
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        return {row["code"]: row["title"] for row in csv.DictReader(f)}


@functools.cache
def occupations() -> tuple[tuple[str, str], ...]:
    """(code, "code – title") pairs of every unit group, in code order, e.g. for choices."""
    return tuple((code, f"{code} – {title}") for code, title in _titles().items())


def is_occupation(code: str) -> bool:
    return code in _titles()


def occupation_title(code: str) -> str:
    return _titles().get(code, code)


def validate_occupation(value) -> None:
    if not is_occupation(value):
        raise ValidationError(
            _("Enter a 4-digit ISCO-08 occupation code, e.g. 7112 for bricklayers.")
        )
