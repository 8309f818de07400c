"""A month's wage reports for all of an employer's workers from one CSV file.

Every row is checked before anything is written; one bad row and nothing is imported, and the
answer names every bad row, column and problem. A clean file is written in one transaction.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import IO

import pghistory
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework import serializers

from compliance.evidence.serializers import hours, money

# The body of record_wage_report, not the action: the whole file is written in one transaction.
from compliance.evidence.services import (
    _record_wage_report,
    _require_employer,
    wage_report_problems,
)
from mobility import figures
from mobility.access import Actor
from workers.placements.references import normalise
from workers.placements.selectors import placements_visible_to

COLUMNS = (
    "reference",
    "gross_rub",
    "tax_withheld_rub",
    "deductions_rub",
    "net_paid_rub",
    "paid_on",
    "advance_paid_on",
    "hours_worked",
    "overtime_hours",
    "overtime_pay_rub",
    "employer_contributions_rub",
)
# An unpaid month has no payment date, so `paid_on` may be an empty cell or a missing column.
REQUIRED_COLUMNS = (
    "reference",
    "gross_rub",
    "deductions_rub",
    "net_paid_rub",
    "hours_worked",
)
OPTIONAL_DEFAULTS = {"tax_withheld_rub": "0", "overtime_hours": "0"}
# Columns whose empty cell means "none": not paid, no advance, no figure stated.
NULL_WHEN_EMPTY = ("paid_on", "advance_paid_on", "overtime_pay_rub", "employer_contributions_rub")
MAX_ROWS = 20_000


class WageRowSerializer(serializers.Serializer):
    gross_rub = money()
    tax_withheld_rub = money()
    deductions_rub = money()
    net_paid_rub = money()
    paid_on = serializers.DateField(allow_null=True)
    advance_paid_on = serializers.DateField(allow_null=True)
    hours_worked = hours()
    overtime_hours = hours()
    overtime_pay_rub = money(allow_null=True)
    employer_contributions_rub = money(allow_null=True)


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str
    message: str


def _flatten(row: int, problems: dict) -> list[RowError]:
    errors = []
    for field, messages in problems.items():
        column = "reference" if field in ("placement", "non_field_errors") else field
        for message in messages if isinstance(messages, list) else [messages]:
            errors.append(RowError(row, column, str(message)))
    return errors


def _read(file: IO[bytes]) -> tuple[list[dict], list[RowError]]:
    try:
        text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
        reader = csv.DictReader(text)
        header = [name.strip() for name in reader.fieldnames or []]
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        unknown = [c for c in header if c not in COLUMNS]
        if missing or unknown:
            problems = [RowError(1, c, _("This column is missing.")) for c in missing]
            problems += [RowError(1, c, _("This column is unknown.")) for c in unknown]
            return [], problems
        reader.fieldnames = header
        rows = []
        for row in reader:
            if len(rows) >= MAX_ROWS:
                too_many = _("A file has at most %(count)s rows.") % {
                    "count": figures.number(MAX_ROWS)
                }
                return [], [RowError(MAX_ROWS + 2, "", too_many)]
            rows.append({k: (v or "").strip() for k, v in row.items() if k is not None})
        return rows, []
    except (UnicodeDecodeError, csv.Error) as error:
        message = _("The file is not a UTF-8 CSV file (%(error)s).") % {"error": error}
        return [], [RowError(0, "", message)]


def import_wage_reports(
    *, actor: Actor, month: date, file: IO[bytes]
) -> tuple[int, list[RowError]]:
    """The employer imports the month's reports of its cases; returns (rows imported, every
    problem found). One bad row and nothing is imported."""
    _require_employer(actor)
    rows, errors = _read(file)
    if errors:
        return 0, errors
    if not rows:
        return 0, [RowError(2, "", _("The file has no rows."))]
    references = {normalise(row.get("reference", "")) for row in rows} - {None}
    placements = {
        p.reference: p for p in placements_visible_to(actor).filter(reference__in=references)
    }
    seen: dict[str, int] = {}
    valid = []
    for number, row in enumerate(rows, start=2):
        reference = normalise(row.get("reference", ""))
        placement = placements.get(reference)
        if placement is None:
            errors.append(RowError(number, "reference", _("No case of yours has this reference.")))
            continue
        if reference in seen:
            message = _("The same case is already on row %(row)s.") % {"row": seen[reference]}
            errors.append(RowError(number, "reference", message))
            continue
        seen[reference] = number
        data = {**OPTIONAL_DEFAULTS, **{k: v for k, v in row.items() if k != "reference"}}
        for name in NULL_WHEN_EMPTY:
            data[name] = data.get(name) or None
        for name, default in OPTIONAL_DEFAULTS.items():
            data[name] = data[name] or default
        serializer = WageRowSerializer(data=data)
        if not serializer.is_valid():
            errors += _flatten(number, serializer.errors)
            continue
        values = {"month": month, **serializer.validated_data}
        problems = wage_report_problems(placement=placement, values=values)
        if problems:
            errors += _flatten(number, problems)
            continue
        valid.append((number, placement, values))
    if errors:
        return 0, errors
    row = 0
    try:
        with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
            for row, placement, values in valid:  # noqa: B007 (the row names a late refusal)
                _record_wage_report(placement_id=placement.pk, values=values)
    except ValidationError as error:
        # Another report for the same case and month arrived while this file was checked.
        return 0, _flatten(row, error.message_dict)
    return len(valid), []
