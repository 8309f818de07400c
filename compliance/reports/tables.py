"""A table written as CSV or XLSX, row by row, in constant memory whatever its length.

Both formats pass every cell through `mobility.web.safe_cell`, the one guard against formula
injection (a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is written
as text a spreadsheet shows, never runs). XLSX is written by XlsxWriter in `constant_memory`
mode: each row is flushed to disk as it is written, so a million rows cost what ten do; a sheet
holds 1,048,576 rows, so a longer table goes on to a second sheet with the header again.
"""

import codecs
import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import BinaryIO

import xlsxwriter

from compliance.reports.kinds import Progress
from mobility.web import safe_cell

XLSX_ROWS_PER_SHEET = 1_048_576
# How often a writer reports its progress: often enough for a bar, rarely enough to cost
# nothing next to the rows.
PROGRESS_EVERY = 5_000


def _text(value) -> object:
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal, date, datetime)):
        return value
    return str(value)


def write_csv(
    out_file: BinaryIO,
    header: Sequence[str],
    rows: Iterable[Sequence],
    *,
    total: int,
    progress: Progress,
) -> int:
    """UTF-8 with a byte-order mark, which spreadsheets need to read Cyrillic and Devanagari."""
    out_file.write(codecs.BOM_UTF8)
    text = io.TextIOWrapper(out_file, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow([safe_cell(cell) for cell in header])
    done = 0
    for row in rows:
        writer.writerow([safe_cell(_text(cell)) for cell in row])
        done += 1
        if done % PROGRESS_EVERY == 0:
            progress(done, total)
    text.flush()
    text.detach()
    progress(done, total)
    return done


def write_xlsx(
    out_file: BinaryIO,
    header: Sequence[str],
    rows: Iterable[Sequence],
    *,
    total: int,
    progress: Progress,
    sheet_name: str = "Export",
) -> int:
    workbook = xlsxwriter.Workbook(
        out_file,
        {
            "constant_memory": True,
            # Text stays text: no formulas, links or numbers guessed from it.
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "remove_timezone": True,
        },
    )
    bold = workbook.add_format({"bold": True})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet, row_number, sheets = None, 0, 0
    done = 0

    def new_sheet():
        nonlocal sheet, row_number, sheets
        sheets += 1
        sheet = workbook.add_worksheet(sheet_name if sheets == 1 else f"{sheet_name} {sheets}")
        sheet.freeze_panes(1, 0)
        for column, title in enumerate(header):
            sheet.write_string(0, column, str(safe_cell(title)), bold)
        row_number = 1

    new_sheet()
    for row in rows:
        if row_number == XLSX_ROWS_PER_SHEET:
            new_sheet()
        for column, value in enumerate(row):
            _write_cell(sheet, row_number, column, _text(value), day)
        row_number += 1
        done += 1
        if done % PROGRESS_EVERY == 0:
            progress(done, total)
    workbook.close()
    progress(done, total)
    return done


def _write_cell(sheet, row: int, column: int, value, day) -> None:
    if isinstance(value, bool):
        sheet.write_boolean(row, column, value)
    elif isinstance(value, (int, float, Decimal)):
        sheet.write_number(row, column, value)
    elif isinstance(value, datetime):
        # Times arrive already written out in the reader's zone (`exports.moment`).
        sheet.write_string(row, column, value.isoformat(timespec="seconds"))
    elif isinstance(value, date):
        sheet.write_datetime(row, column, datetime.combine(value, datetime.min.time()), day)
    elif value != "":
        sheet.write_string(row, column, safe_cell(value))


WRITERS = {"csv": write_csv, "xlsx": write_xlsx}
