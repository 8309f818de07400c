"""What every rule shares: the hit it returns, the evaluation context and the SQL helpers.

A rule is one set-based query over a range of case ids (or a set of subject ids) and an
evaluation date. The sweep runs it over 20,000 cases at a time; the per-case path runs the same
function over one id, so the two can never disagree.
"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property, lru_cache

from django.conf import settings
from django.db import connection

from compliance.rulebook.models import Rule, RuleParameter
from compliance.rulebook.selectors import parameter_versions, values_in_force
from compliance.rulebook.working_time import add_working_days, full_time_norm_hours, is_working_day
from mobility.placement_status import TERMINAL

KOPECK = Decimal("0.01")
# Wage reports, deadlines and parameter versions older than this are outside the calendars.
CALENDAR_START = date(2015, 1, 1)


@dataclass(frozen=True)
class Hit:
    """One subject and period for which a rule's condition holds, with its evidence."""

    subject_key: str
    period: str
    evidence: dict
    severity: str | None = None  # None: the rule's own severity
    placement_id: int | None = None
    worker_id: int | None = None
    agency_id: int | None = None
    employer_id: int | None = None


def money(value) -> str:
    return str(Decimal(value).quantize(KOPECK, ROUND_HALF_UP))


def figure(value) -> str:
    """A number as the finding shows it: no trailing zeros beyond what it needs."""
    return format(Decimal(value).normalize(), "f")


def month_label(day: date) -> str:
    return f"{day:%Y-%m}"


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def fetch(sql: str, params: dict) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        columns = [c.name for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


@dataclass
class Context:
    """One evaluation: the date it judges, the rule rows and their parameter versions."""

    on: date
    rules: dict[str, Rule] = field(default_factory=dict)
    versions: dict[str, list[RuleParameter]] = field(default_factory=dict)

    @classmethod
    def load(cls, on: date) -> Context:
        rules = {r.code: r for r in Rule.objects.all()}
        return cls(on=on, rules=rules, versions=parameter_versions())

    def parameters(self, code: str, on: date | None = None) -> dict:
        """The rulebook's answer, from the versions read once instead of a query per call."""
        return values_in_force(self.versions.get(code, []), on or self.on)

    def param(self, code: str, name: str, on: date | None = None) -> Decimal:
        return Decimal(str(self.parameters(code, on)[name]))

    def legal_source(self, code: str) -> str:
        return self.rules[code].legal_source

    @cached_property
    def months(self) -> list[date]:
        last = add_months(first_of_month(self.on), 12)
        months, month = [], CALENDAR_START
        while month <= last:
            months.append(month)
            month = add_months(month, 1)
        return months

    @cached_property
    def full_time_norms(self) -> list[int]:
        """Each month's norm of hours at 40 h/week, shortened pre-holiday days counted."""
        return [_full_time_norm(m) for m in self.months]

    def monthly(self, code: str, name: str) -> list[Decimal]:
        """A parameter as in force in each month of the calendar (the reported month matters)."""
        return [self.param(code, name, month) for month in self.months]

    def working_day_deadlines(self, count: int) -> tuple[list[date], list[date]]:
        """For every day of the calendar, the day `count` working days later."""
        return _deadlines(self.on, count)


# The production calendar does not change within a process's life: every chunk a worker
# evaluates reuses these.
@lru_cache(maxsize=512)
def _full_time_norm(month: date) -> int:
    return full_time_norm_hours(month.year, month.month)


@lru_cache(maxsize=16)
def _deadlines(on: date, count: int) -> tuple[list[date], list[date]]:
    end = on + timedelta(days=1)
    days = [CALENDAR_START + timedelta(days=n) for n in range((end - CALENDAR_START).days + 1)]
    # Working days far enough ahead that the last day's deadline is among them.
    horizon = add_working_days(end, count)
    span = (horizon - CALENDAR_START).days + 1
    working = [
        d for d in (CALENDAR_START + timedelta(days=n) for n in range(span)) if is_working_day(d)
    ]
    return days, [working[bisect_right(working, day) + count - 1] for day in days]


def placement_hit(row: dict, period: str, evidence: dict, severity: str | None = None) -> Hit:
    return Hit(
        subject_key=f"placement:{row['placement_id']}",
        period=period,
        evidence=evidence,
        severity=severity,
        placement_id=row["placement_id"],
        worker_id=row["worker_id"],
        agency_id=row["agency_id"],
        employer_id=row["employer_id"],
    )


def evidence(ctx: Context, code: str, *, expected: str, actual: str, **figures) -> dict:
    return {
        "expected": expected,
        "actual": actual,
        "legal_source": ctx.legal_source(code),
        "figures": figures,
    }


# The columns every case rule selects first, and the join to the job order and employer.
PLACEMENT_COLUMNS = "p.id AS placement_id, p.worker_id, p.agency_id, j.employer_id, p.reference"
PLACEMENT_FROM = """
    workers_placement p
    JOIN employers_joborder j ON j.id = p.job_order_id
"""
IN_RANGE = "p.id BETWEEN %(lo)s AND %(hi)s"

# The chunk as the rules over wage reports read it, written once per chunk into temporary
# tables (`prepare_chunk`): its cases with their job order's employer and region, its wage
# reports, and the minimum wage in force for each (region, day) those ask about. Each rule
# then reads these instead of joining the big tables again, and the planner sees the chunk's
# real row counts instead of multiplying "reports in the range" by "cases in the range" as if
# they were unrelated (an estimate that shrank as 1/N and flipped plans to nested loops).
CHUNK_CASES = "chunk_cases"
CHUNK_REPORTS = "chunk_reports"
CHUNK_MINIMUM_WAGES = "chunk_minimum_wages"
# The columns every rule over the chunk's tables selects first.
CASE_COLUMNS = "p.id AS placement_id, p.worker_id, p.agency_id, p.employer_id, p.reference"
CHUNK_TABLES = [
    f"""
    CREATE TEMPORARY TABLE {CHUNK_CASES} ON COMMIT DROP AS
    SELECT p.*, j.employer_id, j.work_region
    FROM workers_placement p
    JOIN employers_joborder j ON j.id = p.job_order_id
    WHERE p.id BETWEEN %(lo)s AND %(hi)s
    """,
    f"""
    CREATE TEMPORARY TABLE {CHUNK_REPORTS} ON COMMIT DROP AS
    SELECT w.*, p.work_region
    FROM compliance_wagereport w JOIN {CHUNK_CASES} p ON p.id = w.placement_id
    WHERE w.placement_id BETWEEN %(lo)s AND %(hi)s
    """,
    # A few hundred (region, day) pairs per chunk: the minimum is asked once per pair, not
    # once per case or report.
    f"""
    CREATE TEMPORARY TABLE {CHUNK_MINIMUM_WAGES} ON COMMIT DROP AS
    SELECT asked.region, asked.day, in_force.amount_rub, in_force.scope, in_force.source
    FROM (
        SELECT DISTINCT w.work_region AS region, w.month AS day FROM {CHUNK_REPORTS} w
        UNION
        SELECT DISTINCT p.work_region, p.contract_start FROM {CHUNK_CASES} p
        WHERE p.contract_start IS NOT NULL
    ) asked
    CROSS JOIN LATERAL mobility_minimum_wage(asked.region, asked.day) in_force
    """,
]


def prepare_chunk(lo: int, hi: int) -> None:
    """Write the chunk's tables for the current transaction (replacing an earlier chunk's in
    the same transaction). A range of cases gets statistics on the join columns too:
    temporary tables are never analysed by autovacuum."""
    with connection.cursor() as cursor:
        for table in (CHUNK_MINIMUM_WAGES, CHUNK_REPORTS, CHUNK_CASES):
            cursor.execute(f"DROP TABLE IF EXISTS pg_temp.{table}")
        for sql in CHUNK_TABLES:
            cursor.execute(sql, {"lo": lo, "hi": hi})
        if hi > lo:
            # The join columns only, from a small sample: the row counts and the spread of a
            # few keys are what the plans need, and full statistics cost more than the rules.
            cursor.execute("SET LOCAL default_statistics_target = 10")
            cursor.execute(
                f"ANALYZE {CHUNK_CASES} (id), {CHUNK_REPORTS} (placement_id, month, work_region),"
                f" {CHUNK_MINIMUM_WAGES} (region, day)"
            )


# The day a case ended, for one that has: the end date its move recorded (completed,
# terminated, repatriated), else the day it moved into its final status (a withdrawal, or a
# repatriation recorded before the move set the end date). NULL for a case still in progress.
ENDED_ON = """
    CASE WHEN p.status = ANY(%(final)s) THEN coalesce(p.end_date, (
        SELECT (max(e.at) AT TIME ZONE %(tz)s)::date FROM workers_caseevent e
        WHERE e.placement_id = p.id AND e.to_status = p.status)) END
"""


def ended_on_params() -> dict:
    """The parameters ENDED_ON names."""
    return {"final": list(TERMINAL), "tz": settings.TIME_ZONE}
