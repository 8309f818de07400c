"""The pact's statistics per month (XLSX or CSV) for officials: workers by stage, sector,
region and state of origin; findings opened and closed by category and severity; grievances
by category and clock; employment against the pact's target. Codes and words stand in
separate columns, so a spreadsheet can both read and sort them."""

import csv
import io
from collections.abc import Callable, Iterator
from typing import BinaryIO

from django.conf import settings
from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from compliance.findings.selectors import findings_visible_to
from compliance.grievances.selectors import grievances_visible_to
from compliance.reports.documents.period import Period
from compliance.reports.documents.selectors import with_stage_at
from compliance.reports.scope import actor_in_filters
from compliance.rulebook.models import Category, Severity
from employers.models import Sector
from mobility.placement_status import PlacementStatus
from mobility.regions import indian_state_name, russian_region_name
from mobility.web import safe_cell
from workers.models import GrievanceCategory
from workers.placements.selectors import placements_visible_to


def _month(day) -> str:
    return day.strftime("%Y-%m")


def _workers(actor, period: Period) -> Iterator[list]:
    placements = placements_visible_to(actor)
    stages, sectors = dict(PlacementStatus.choices), dict(Sector.choices)
    for month in period.months():
        rows = (
            with_stage_at(placements, Period.of_month(month).ends_before)
            .values(
                "stage",
                sector=F("job_order__employer__sector"),
                region=F("job_order__work_region"),
                state=F("worker__state_of_origin"),
            )
            .annotate(n=Count("pk"))
            .order_by("stage", "sector", "region", "state")
        )
        for row in rows:
            yield [
                _month(month),
                row["stage"],
                str(stages.get(row["stage"], row["stage"])),
                row["sector"],
                str(sectors.get(row["sector"], row["sector"])),
                row["region"],
                russian_region_name(row["region"]),
                row["state"],
                indian_state_name(row["state"]),
                row["n"],
            ]


def _findings(actor, period: Period) -> Iterator[list]:
    findings = findings_visible_to(actor).order_by()
    categories, severities = dict(Category.choices), dict(Severity.choices)
    counts: dict[tuple, list[int]] = {}
    for column, field in ((0, "first_detected_at"), (1, "closed_at")):
        rows = (
            findings.filter(
                **{f"{field}__gte": period.starts_at, f"{field}__lt": period.ends_before}
            )
            .annotate(month=TruncMonth(field))
            .values("month", "severity", category=F("rule__category"))
            .annotate(n=Count("pk"))
        )
        for row in rows:
            key = (_month(row["month"]), row["category"], row["severity"])
            counts.setdefault(key, [0, 0])[column] = row["n"]
    for (month, category, severity), (opened, closed) in sorted(counts.items()):
        yield [
            month,
            category,
            str(categories.get(category, category)),
            severity,
            str(severities.get(severity, severity)),
            opened,
            closed,
        ]


def _grievances(actor, period: Period) -> Iterator[list]:
    now = timezone.now()
    late_open = Q(closed_at__isnull=True) & (
        Q(resolution_due__lt=now) | Q(acknowledged_at__isnull=True, acknowledgement_due__lt=now)
    )
    rows = (
        grievances_visible_to(actor)
        .filter(created_at__gte=period.starts_at, created_at__lt=period.ends_before)
        .order_by()
        .annotate(month=TruncMonth("created_at"))
        .values("month", "category")
        .annotate(
            filed=Count("pk"),
            within=Count("pk", filter=Q(closed_at__lte=F("resolution_due"))),
            over=Count("pk", filter=Q(closed_at__gt=F("resolution_due")) | late_open),
            open_within=Count("pk", filter=Q(closed_at__isnull=True) & ~late_open),
        )
        .order_by("month", "category")
    )
    categories = dict(GrievanceCategory.choices)
    for row in rows:
        yield [
            _month(row["month"]),
            row["category"],
            str(categories.get(row["category"], row["category"])),
            row["filed"],
            row["within"],
            row["open_within"],
            row["over"],
        ]


def _employment(actor, period: Period) -> Iterator[list]:
    target = settings.PACT_TARGET_WORKERS
    placements = placements_visible_to(actor)
    for month in period.months():
        employed = (
            with_stage_at(placements, Period.of_month(month).ends_before)
            .filter(stage=PlacementStatus.EMPLOYED)
            .count()
        )
        yield [_month(month), employed, target, round(100 * employed / target, 2)]


def sheets(filters: dict) -> list[tuple[str, list[str], Callable[[], Iterator[list]]]]:
    """(title, header, rows) of each table, in the language active when called."""
    actor, period = actor_in_filters(filters), Period.from_filters(filters)
    return [
        (
            _("Workers"),
            [
                _("Month"),
                _("Stage code"),
                _("Stage"),
                _("Sector code"),
                _("Sector"),
                _("Region code"),
                _("Region"),
                _("State of origin code"),
                _("State of origin"),
                _("Workers"),
            ],
            lambda: _workers(actor, period),
        ),
        (
            _("Findings"),
            [
                _("Month"),
                _("Category code"),
                _("Category"),
                _("Severity code"),
                _("Severity"),
                _("Opened"),
                _("Closed"),
            ],
            lambda: _findings(actor, period),
        ),
        (
            _("Grievances"),
            [
                _("Month filed"),
                _("Category code"),
                _("Category"),
                _("Filed"),
                _("Closed within the time limit"),
                _("Open, within the time limit"),
                _("Past the time limit"),
            ],
            lambda: _grievances(actor, period),
        ),
        (
            _("Employment against target"),
            [_("Month"), _("Workers employed"), _("Pact target"), _("Share of the target, %")],
            lambda: _employment(actor, period),
        ),
    ]


def write_pact_statistics(
    filters: dict, language: str, out: BinaryIO, progress: Callable[[int], None], format: str
) -> None:
    """`format` "xlsx": one sheet per table, written in constant memory; "csv": the tables one
    after another, each under its title, a blank line between them (UTF-8 with a BOM, which
    spreadsheet programs need to read Cyrillic and Devanagari)."""
    with translation.override(language):
        tables = sheets(filters)
        if format == "xlsx":
            _write_xlsx(tables, out, progress)
        elif format == "csv":
            _write_csv(tables, out, progress)
        else:
            raise ValueError(f"pact statistics are written as xlsx or csv, not {format!r}")
    progress(100)


def _write_xlsx(tables, out: BinaryIO, progress) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_formulas": False})
    bold = workbook.add_format({"bold": True})
    for index, (title, header, rows) in enumerate(tables):
        sheet = workbook.add_worksheet(title[:31])
        sheet.write_row(0, 0, header, bold)
        sheet.freeze_panes(1, 0)
        for number, row in enumerate(rows(), start=1):
            sheet.write_row(number, 0, [safe_cell(value) for value in row])
        progress(int(90 * (index + 1) / len(tables)))
    workbook.close()


def _write_csv(tables, out: BinaryIO, progress) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text)
    for index, (title, header, rows) in enumerate(tables):
        if index:
            writer.writerow([])
        writer.writerow([title])
        writer.writerow(header)
        for row in rows():
            writer.writerow([safe_cell(value) for value in row])
        progress(int(90 * (index + 1) / len(tables)))
    text.flush()
    text.detach()
