"""Wages and hours: RULES.md rules WAGE_* (those on payment dates in `payment`),
HOURS_WEEKLY_EXCEEDED, OVERTIME_ANNUAL_EXCEEDED."""

from datetime import date, timedelta
from decimal import Decimal

from compliance.checks.rules.base import (
    CASE_COLUMNS,
    CHUNK_CASES,
    CHUNK_MINIMUM_WAGES,
    CHUNK_REPORTS,
    ENDED_ON,
    IN_RANGE,
    PLACEMENT_COLUMNS,
    PLACEMENT_FROM,
    Context,
    Hit,
    add_months,
    ended_on_params,
    evidence,
    fetch,
    figure,
    first_of_month,
    money,
    placement_hit,
)
from employers.models import JobOrderStatus
from mobility.placement_status import CALLED_OFF, EMPLOYED_OR_ENDED, PlacementStatus

# The chunk's wage reports joined to their case and to the calendar month they report: its
# norm and the parameters in force (base.prepare_chunk writes the chunk's tables).
REPORTS = f"""
    {CHUNK_REPORTS} w
    JOIN {CHUNK_CASES} p ON p.id = w.placement_id
    JOIN unnest(%(months)s::date[], %(full_time_norms)s::int[], %(a)s::numeric[], %(b)s::numeric[])
        AS cal(month, full_time_norm, a, b) ON cal.month = w.month
"""
NORM = "(cal.full_time_norm * p.contract_hours_per_week / 40)"


def _calendar(ctx: Context, code: str, a: str | None = None, b: str | None = None) -> dict:
    zeros = [Decimal(0)] * len(ctx.months)
    return {
        "months": ctx.months,
        "full_time_norms": ctx.full_time_norms,
        "a": ctx.monthly(code, a) if a else zeros,
        "b": ctx.monthly(code, b) if b else zeros,
    }


OVERTIME_MULTIPLIER = ("WAGE_UNDERPAID", "overtime_multiplier")
# The part of a month's gross paid for overtime and premiums: as reported, else the least a
# lawful employer paid for the overtime hours reported (RULES.md amendments, "Base pay against
# the minimum"); nothing when neither can be known.
OVERTIME_PAY = f"""coalesce(
    w.overtime_pay_rub,
    round(w.overtime_hours * p.contract_wage_rub / nullif({NORM}, 0) * cal.b, 2),
    0)"""


def wage_below_minimum(ctx: Context, lo: int, hi: int) -> list[Hit]:
    """Contracts on their start day and the base pay of full months reported, against the
    minimum wage in force (the database's `mobility_minimum_wage`, the one the contract check
    asks too, looked up once per (region, day) of the chunk). Base pay is gross less overtime
    and premium pay: those are paid on top of the minimum, never towards it (Constitutional
    Court ruling 38-P of 07.12.2017)."""
    code = "WAGE_BELOW_MINIMUM"
    hits = []
    contracts = fetch(
        f"""
        SELECT * FROM (
            SELECT {CASE_COLUMNS}, p.contract_wage_rub AS wage,
                   p.contract_hours_per_week AS hours,
                   p.contract_start AS day, in_force.source, in_force.scope,
                   mobility_pro_rated_minimum(in_force.amount_rub, p.contract_hours_per_week)
                       AS minimum
            FROM {CHUNK_CASES} p
            JOIN {CHUNK_MINIMUM_WAGES} in_force
                ON in_force.region = p.work_region AND in_force.day = p.contract_start
            WHERE {IN_RANGE} AND p.contract_wage_rub IS NOT NULL
              AND p.contract_hours_per_week IS NOT NULL AND p.contract_start IS NOT NULL
        ) contract WHERE wage < minimum
        """,
        {"lo": lo, "hi": hi},
    )
    for row in contracts:
        hits.append(_below_minimum_hit(ctx, row, "contract", kind="contract"))
    reports = fetch(
        f"""
        SELECT * FROM (
            SELECT *, gross_rub - overtime_pay AS wage FROM (
                SELECT {CASE_COLUMNS}, w.gross_rub, p.contract_hours_per_week AS hours,
                       w.month AS day, w.hours_worked, {NORM} AS norm, in_force.source,
                       in_force.scope, w.overtime_pay_rub IS NULL AS overtime_pay_estimated,
                       {OVERTIME_PAY} AS overtime_pay,
                       mobility_pro_rated_minimum(in_force.amount_rub, p.contract_hours_per_week)
                           AS minimum
                FROM {REPORTS}
                JOIN {CHUNK_MINIMUM_WAGES} in_force
                    ON in_force.region = w.work_region AND in_force.day = w.month
                WHERE {IN_RANGE} AND p.contract_hours_per_week IS NOT NULL
                  AND w.hours_worked >= {NORM}
            ) pay
        ) month WHERE wage < minimum
        """,
        # The overtime multiplier is WAGE_UNDERPAID's: one floor for what overtime earns.
        {"lo": lo, "hi": hi, **_calendar(ctx, code), "b": ctx.monthly(*OVERTIME_MULTIPLIER)},
    )
    for row in reports:
        found = _below_minimum_evidence(ctx, row, kind="month")
        found["figures"].update(
            gross_rub=money(row["gross_rub"]),
            overtime_pay_rub=money(row["overtime_pay"]),
            overtime_pay_estimated=row["overtime_pay_estimated"] and row["overtime_pay"] > 0,
        )
        hits.append(placement_hit(row, f"{row['day']:%Y-%m}", found))
    return hits


def _below_minimum_hit(ctx: Context, row: dict, period: str, *, kind: str) -> Hit:
    return placement_hit(row, period, _below_minimum_evidence(ctx, row, kind=kind))


def _below_minimum_evidence(ctx: Context, row: dict, *, kind: str) -> dict:
    code = "WAGE_BELOW_MINIMUM"
    found = evidence(
        ctx,
        code,
        expected=f"at least {money(row['minimum'])} RUB a month",
        actual=f"{money(row['wage'])} RUB",
        kind=kind,
        month=f"{row['day']:%Y-%m}",
        wage_rub=money(row["wage"]),
        minimum_rub=money(row["minimum"]),
        hours_per_week=figure(row["hours"]),
        minimum_scope=row["scope"],
        minimum_source=row["source"],
        shortfall_rub=money(row["minimum"] - row["wage"]),
    )
    found["legal_source"] = f"{found['legal_source']}; {row['source']}"
    return found


def _open_job_orders(ids) -> tuple[str, dict]:
    """The open job orders of the employers `ids` (None: of every employer)."""
    where = "j.status = %(open)s"
    if ids is not None:
        where += " AND j.employer_id = ANY(%(ids)s)"
    return where, {"open": JobOrderStatus.OPEN, "ids": list(ids or [])}


def _job_order_hit(row: dict, found: dict) -> Hit:
    return Hit(
        subject_key=f"employer:{row['employer_id']}",
        period=f"job-order:{row['job_order_id']}",
        evidence=found,
        employer_id=row["employer_id"],
    )


def job_orders_below_minimum(ctx: Context, kind: str, ids) -> list[Hit]:
    """Every open job order against the minimum in force on the evaluation day, not only the
    day it opened: a new minimum on 1 January makes last year's open offers unlawful (RULES.md
    amendments). The subject is the employer; the period names the job order."""
    where, params = _open_job_orders(ids)
    rows = fetch(
        f"""
        SELECT * FROM (
            SELECT j.id AS job_order_id, j.employer_id, j.title, j.monthly_wage_rub AS wage,
                   j.hours_per_week AS hours, %(on)s::date AS day, in_force.source,
                   in_force.scope,
                   mobility_pro_rated_minimum(in_force.amount_rub, j.hours_per_week) AS minimum
            FROM employers_joborder j
            CROSS JOIN LATERAL mobility_minimum_wage(j.work_region, %(on)s) in_force
            WHERE {where}
        ) offer WHERE wage < minimum
        """,
        {**params, "on": ctx.on},
    )
    hits = []
    for row in rows:
        found = _below_minimum_evidence(ctx, row, kind="job order")
        found["figures"].update(
            job_order_id=row["job_order_id"],
            job_order_title=row["title"],
            judged_on=ctx.on.isoformat(),
        )
        hits.append(_job_order_hit(row, found))
    return hits


def job_orders_hours_exceeded(ctx: Context, kind: str, ids) -> list[Hit]:
    """Every open job order against the weekly maximum in force on the evaluation day."""
    code = "HOURS_WEEKLY_EXCEEDED"
    limit = ctx.param(code, "max_hours_per_week")
    where, params = _open_job_orders(ids)
    rows = fetch(
        f"""
        SELECT j.id AS job_order_id, j.employer_id, j.title, j.hours_per_week
        FROM employers_joborder j
        WHERE {where} AND j.hours_per_week > %(limit)s
        """,
        {**params, "limit": limit},
    )
    return [
        _job_order_hit(
            row,
            evidence(
                ctx,
                code,
                expected=f"at most {figure(limit)} hours a week",
                actual=(
                    f"{figure(row['hours_per_week'])} hours a week in the open job order "
                    f"{row['title']}"
                ),
                hours_per_week=figure(row["hours_per_week"]),
                max_hours_per_week=figure(limit),
                found_in="job order",
                job_order_id=row["job_order_id"],
                job_order_title=row["title"],
            ),
        )
        for row in rows
    ]


def wage_contract_substitution(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "WAGE_CONTRACT_SUBSTITUTION"
    tolerance = ctx.param(code, "tolerance_rub")
    rows = fetch(
        f"""
        SELECT {PLACEMENT_COLUMNS}, p.contract_wage_rub, p.contract_hours_per_week,
               j.monthly_wage_rub, j.hours_per_week
        FROM {PLACEMENT_FROM}
        WHERE {IN_RANGE} AND p.contract_wage_rub IS NOT NULL
          AND (p.contract_wage_rub < j.monthly_wage_rub - %(tolerance)s
               OR p.contract_hours_per_week > j.hours_per_week)
        """,
        {"lo": lo, "hi": hi, "tolerance": tolerance},
    )
    return [
        placement_hit(
            row,
            "",
            evidence(
                ctx,
                code,
                expected=(
                    f"{money(row['monthly_wage_rub'])} RUB a month for "
                    f"{figure(row['hours_per_week'])} hours a week, as in the job order"
                ),
                actual=(
                    f"{money(row['contract_wage_rub'])} RUB a month for "
                    f"{figure(row['contract_hours_per_week'])} hours a week in the contract"
                ),
                job_order_wage_rub=money(row["monthly_wage_rub"]),
                job_order_hours=figure(row["hours_per_week"]),
                contract_wage_rub=money(row["contract_wage_rub"]),
                contract_hours=figure(row["contract_hours_per_week"]),
                tolerance_rub=money(tolerance),
            ),
        )
        for row in rows
    ]


# "What a month owes": norm, owed and the tolerance, exactly as RULES.md defines them.
OWED = f"""round(p.contract_wage_rub * least(1, w.hours_worked / {NORM})
           + w.overtime_hours * (p.contract_wage_rub / {NORM}) * cal.b, 2)"""


def wage_underpaid(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "WAGE_UNDERPAID"
    rows = fetch(
        f"""
        SELECT * FROM (
            SELECT {CASE_COLUMNS}, w.month, w.gross_rub, w.hours_worked, w.overtime_hours,
                   p.contract_wage_rub, {NORM} AS norm, {OWED} AS owed,
                   cal.a AS tolerance_pct, cal.b AS multiplier
            FROM {REPORTS}
            WHERE {IN_RANGE} AND p.contract_wage_rub IS NOT NULL
              AND p.contract_hours_per_week > 0
        ) owing
        WHERE gross_rub < owed * (1 - tolerance_pct / 100)
        """,
        {"lo": lo, "hi": hi, **_calendar(ctx, code, "tolerance_pct", "overtime_multiplier")},
    )
    return [
        placement_hit(
            row,
            f"{row['month']:%Y-%m}",
            evidence(
                ctx,
                code,
                expected=f"{money(row['owed'])} RUB owed for the month",
                actual=f"{money(row['gross_rub'])} RUB gross paid",
                month=f"{row['month']:%Y-%m}",
                gross_rub=money(row["gross_rub"]),
                owed_rub=money(row["owed"]),
                shortfall_rub=money(row["owed"] - row["gross_rub"]),
                contract_wage_rub=money(row["contract_wage_rub"]),
                norm_hours=figure(round(row["norm"], 1)),
                hours_worked=figure(row["hours_worked"]),
                overtime_hours=figure(row["overtime_hours"]),
                overtime_multiplier=figure(row["multiplier"]),
                tolerance_pct=figure(row["tolerance_pct"]),
            ),
        )
        for row in rows
    ]


def wage_report_missing(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "WAGE_REPORT_MISSING"
    due_day = int(ctx.param(code, "due_day"))
    # The latest month whose report is due by now: its due day (day N of the next month)
    # has passed.
    last_due = first_of_month(ctx.on - timedelta(days=due_day))
    last_due = add_months(last_due, -1)
    # Most cases have every report; only those with fewer than their due months are expanded
    # month by month. Both subqueries repeat the chunk's range: without it the anti-join was
    # planned as a hash over every wage report of every case, read again for each chunk.
    rows = fetch(
        f"""
        SELECT c.placement_id, c.worker_id, c.agency_id, c.employer_id, c.reference,
               m.month::date AS month
        FROM (
            SELECT {PLACEMENT_COLUMNS}, date_trunc('month', p.employment_start)::date AS first,
                   least(date_trunc('month', coalesce({ENDED_ON}, %(on)s))::date,
                         %(last_due)s::date) AS last
            FROM {PLACEMENT_FROM}
            WHERE {IN_RANGE} AND p.status = ANY(%(statuses)s) AND p.employment_start IS NOT NULL
        ) c
        CROSS JOIN LATERAL generate_series(c.first, c.last, interval '1 month') AS m(month)
        WHERE c.last >= c.first
          AND (SELECT count(*) FROM compliance_wagereport w
               WHERE w.placement_id = c.placement_id AND w.month BETWEEN c.first AND c.last
                 AND w.placement_id BETWEEN %(lo)s AND %(hi)s)
              < (extract(year FROM age(c.last, c.first)) * 12
                 + extract(month FROM age(c.last, c.first)) + 1)
          AND NOT EXISTS (SELECT 1 FROM compliance_wagereport w
                          WHERE w.placement_id = c.placement_id AND w.month = m.month::date
                            AND w.placement_id BETWEEN %(lo)s AND %(hi)s)
        """,
        {
            "lo": lo,
            "hi": hi,
            "on": ctx.on,
            "last_due": last_due,
            # A repatriated worker's final month is due like any other (RULES.md amendments).
            "statuses": [*EMPLOYED_OR_ENDED, PlacementStatus.REPATRIATED],
            **ended_on_params(),
        },
    )
    return [
        placement_hit(
            row,
            f"{row['month']:%Y-%m}",
            evidence(
                ctx,
                code,
                expected=(
                    f"a wage report for {row['month']:%Y-%m} by day {due_day} of the next month"
                ),
                actual="no wage report",
                month=f"{row['month']:%Y-%m}",
                due_day=due_day,
            ),
        )
        for row in rows
    ]


# Income tax on a foreign employee's pay is at most the non-resident rate of gross (Tax Code
# art. 224 para 3); "tax" withheld above it is a deduction in disguise (RULES.md amendments,
# "Tax that is really a deduction"). One decision: TAX_RESIDENT_RATE_NOT_APPLIED's
# non_resident_rate_pct, read by this rule and by TAX_WITHHOLDING_IMPLAUSIBLE.
TAX_CEILING = ("TAX_RESIDENT_RATE_NOT_APPLIED", "non_resident_rate_pct")


def tax_ceilings(ctx: Context) -> list[Decimal]:
    """The highest lawful income tax, % of gross, in force in each month of the calendar."""
    return ctx.monthly(*TAX_CEILING)


def wage_deductions_excessive(ctx: Context, lo: int, hi: int) -> list[Hit]:
    """Deductions, with tax withheld above the ceiling counted among them, against N % of the
    pay after the income tax that could lawfully be withheld."""
    code = "WAGE_DEDUCTIONS_EXCESSIVE"
    rows = fetch(
        f"""
        SELECT *, round(pay_after_tax * max_pct / 100, 2) AS cap FROM (
            SELECT {CASE_COLUMNS}, w.month, w.gross_rub, w.tax_withheld_rub,
                   w.deductions_rub, cal.a AS max_pct,
                   cal.b AS tax_ceiling_pct, round(w.gross_rub * cal.b / 100, 2) AS tax_ceiling,
                   greatest(0, w.tax_withheld_rub - round(w.gross_rub * cal.b / 100, 2))
                       AS tax_excess,
                   w.gross_rub - least(w.tax_withheld_rub, round(w.gross_rub * cal.b / 100, 2))
                       AS pay_after_tax
            FROM {REPORTS}
            WHERE {IN_RANGE}
        ) month
        WHERE deductions_rub + tax_excess > pay_after_tax * max_pct / 100
        """,
        {"lo": lo, "hi": hi, **_calendar(ctx, code, "max_pct"), "b": tax_ceilings(ctx)},
    )
    hits = []
    for row in rows:
        counted = row["deductions_rub"] + row["tax_excess"]
        actual = f"{money(counted)} RUB deducted"
        if row["tax_excess"] > 0:
            actual += f", {money(row['tax_excess'])} RUB of it withheld as tax above the ceiling"
        hits.append(
            placement_hit(
                row,
                f"{row['month']:%Y-%m}",
                evidence(
                    ctx,
                    code,
                    expected=f"deductions of at most {money(row['cap'])} RUB",
                    actual=actual,
                    month=f"{row['month']:%Y-%m}",
                    gross_rub=money(row["gross_rub"]),
                    tax_withheld_rub=money(row["tax_withheld_rub"]),
                    tax_ceiling_pct=figure(row["tax_ceiling_pct"]),
                    tax_ceiling_rub=money(row["tax_ceiling"]),
                    tax_excess_rub=money(row["tax_excess"]),
                    pay_after_tax_rub=money(row["pay_after_tax"]),
                    deductions_rub=money(row["deductions_rub"]),
                    deductions_counted_rub=money(counted),
                    cap_rub=money(row["cap"]),
                    # What was deducted above the cap: owed back to the worker.
                    deducted_above_cap_rub=money(counted - row["cap"]),
                    max_pct=figure(row["max_pct"]),
                ),
            )
        )
    return hits


def hours_weekly_exceeded(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "HOURS_WEEKLY_EXCEEDED"
    limit = ctx.param(code, "max_hours_per_week")
    rows = fetch(
        f"""
        SELECT {PLACEMENT_COLUMNS}, p.contract_hours_per_week, j.hours_per_week
        FROM {PLACEMENT_FROM}
        WHERE {IN_RANGE} AND p.status <> ALL(%(called_off)s)
          AND (p.contract_hours_per_week > %(limit)s OR j.hours_per_week > %(limit)s)
        """,
        {"lo": lo, "hi": hi, "limit": limit, "called_off": list(CALLED_OFF)},
    )
    hits = []
    for row in rows:
        hours = max(row["contract_hours_per_week"] or 0, row["hours_per_week"])
        source = "contract" if (row["contract_hours_per_week"] or 0) > limit else "job order"
        hits.append(
            placement_hit(
                row,
                "",
                evidence(
                    ctx,
                    code,
                    expected=f"at most {figure(limit)} hours a week",
                    actual=f"{figure(hours)} hours a week in the {source}",
                    hours_per_week=figure(hours),
                    max_hours_per_week=figure(limit),
                    found_in=source,
                ),
            )
        )
    return hits


def overtime_annual_exceeded(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "OVERTIME_ANNUAL_EXCEEDED"
    # The limit in force at the end of each year (or today, for the current year).
    years = sorted({m.year for m in ctx.months})
    limits = [ctx.param(code, "max_hours_per_year", min(ctx.on, date(y, 12, 31))) for y in years]
    rows = fetch(
        f"""
        SELECT {CASE_COLUMNS}, y.year, y.overtime, lim.max_hours
        FROM {CHUNK_CASES} p
        JOIN (SELECT w.placement_id, extract(year FROM w.month)::int AS year,
                     sum(w.overtime_hours) AS overtime
              FROM {CHUNK_REPORTS} w GROUP BY 1, 2) y ON y.placement_id = p.id
        JOIN unnest(%(years)s::int[], %(limits)s::numeric[]) AS lim(year, max_hours)
            ON lim.year = y.year
        WHERE {IN_RANGE} AND y.overtime > lim.max_hours
        """,
        {"lo": lo, "hi": hi, "years": years, "limits": limits},
    )
    return [
        placement_hit(
            row,
            str(row["year"]),
            evidence(
                ctx,
                code,
                expected=f"at most {figure(row['max_hours'])} overtime hours in {row['year']}",
                actual=f"{figure(row['overtime'])} overtime hours reported",
                year=row["year"],
                overtime_hours=figure(row["overtime"]),
                max_hours_per_year=figure(row["max_hours"]),
            ),
        )
        for row in rows
    ]
