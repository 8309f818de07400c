"""When a month's wage reaches the worker: RULES.md rules WAGE_UNPAID, WAGE_PAID_LATE,
WAGE_FINAL_SETTLEMENT_LATE and WAGE_ADVANCE_MISSING (amendments of 2026-12-02, "Months not
paid, or not paid in full" and "The final settlement")."""

from datetime import date

from compliance.checks.rules.base import (
    CASE_COLUMNS,
    ENDED_ON,
    IN_RANGE,
    Context,
    Hit,
    ended_on_params,
    evidence,
    fetch,
    figure,
    money,
    month_label,
    placement_hit,
)
from compliance.checks.rules.wages import NORM, REPORTS, _calendar
from mobility.placement_status import PlacementStatus

MONTH_END = "((w.month + interval '1 month')::date - 1)"
OWED_NET = "(w.gross_rub - w.tax_withheld_rub - w.deductions_rub)"
OUTSTANDING = f"({OWED_NET} - w.net_paid_rub)"
# A month is paid in full when what is still owed is within WAGE_UNPAID's tolerance: the one
# line between a month unpaid (WAGE_UNPAID) and one paid late (WAGE_PAID_LATE).
PAID_IN_FULL_TOLERANCE = ("WAGE_UNPAID", "tolerance_rub")
# Art. 140: on these moves everything owed is due on the last day of work.
SETTLED_ON_END = [
    PlacementStatus.COMPLETED,
    PlacementStatus.TERMINATED,
    PlacementStatus.REPATRIATED,
]


def wage_unpaid(ctx: Context, lo: int, hi: int) -> list[Hit]:
    """A month of which more than the tolerance is still owed once N days after its end have
    passed. Correcting the report with what was paid clears it."""
    code = "WAGE_UNPAID"
    rows = fetch(
        f"""
        SELECT * FROM (
            SELECT {CASE_COLUMNS}, w.month, w.net_paid_rub, w.paid_on,
                   {OWED_NET} AS owed_net, {OUTSTANDING} AS outstanding,
                   %(on)s::date - {MONTH_END} - cal.a::int AS days_late,
                   cal.a AS max_days, cal.b AS tolerance
            FROM {REPORTS}
            WHERE {IN_RANGE}
        ) month
        WHERE outstanding > tolerance AND days_late > 0
        """,
        {
            "lo": lo,
            "hi": hi,
            "on": ctx.on,
            **_calendar(ctx, code, "max_days_after_period", "tolerance_rub"),
        },
    )
    return [
        placement_hit(
            row,
            month_label(row["month"]),
            evidence(
                ctx,
                code,
                expected=(
                    f"{money(row['owed_net'])} RUB paid within {figure(row['max_days'])} days "
                    "after the month's end"
                ),
                actual=f"{money(row['outstanding'])} RUB still unpaid",
                month=month_label(row["month"]),
                owed_net_rub=money(row["owed_net"]),
                paid_rub=money(row["net_paid_rub"]),
                outstanding_rub=money(row["outstanding"]),
                paid_on=row["paid_on"].isoformat() if row["paid_on"] else None,
                days_late=row["days_late"],
                max_days_after_period=figure(row["max_days"]),
                tolerance_rub=money(row["tolerance"]),
            ),
        )
        for row in rows
    ]


def wage_paid_late(ctx: Context, lo: int, hi: int) -> list[Hit]:
    """A month paid in full, but more than N days after its end; a month not paid in full is
    WAGE_UNPAID's."""
    code = "WAGE_PAID_LATE"
    rows = fetch(
        f"""
        SELECT {CASE_COLUMNS}, w.month, w.paid_on, cal.a AS max_days,
               w.paid_on - {MONTH_END} AS days_after
        FROM {REPORTS}
        WHERE {IN_RANGE} AND w.paid_on - {MONTH_END} > cal.a AND {OUTSTANDING} <= cal.b
        """,
        {
            "lo": lo,
            "hi": hi,
            **_calendar(ctx, code, "max_days_after_period"),
            "b": ctx.monthly(*PAID_IN_FULL_TOLERANCE),
        },
    )
    return [
        placement_hit(
            row,
            month_label(row["month"]),
            evidence(
                ctx,
                code,
                expected=f"paid at most {figure(row['max_days'])} days after the month's end",
                actual=f"paid on {row['paid_on']:%Y-%m-%d}, {row['days_after']} days after",
                month=month_label(row["month"]),
                paid_on=row["paid_on"].isoformat(),
                days_after=row["days_after"],
                max_days_after_period=figure(row["max_days"]),
            ),
        )
        for row in rows
    ]


def wage_final_settlement_late(ctx: Context, lo: int, hi: int) -> list[Hit]:
    """The month a case ended in (completed, terminated, repatriated) paid after the end date
    plus N days of grace, or still not paid in full once they have passed (Labour Code art.
    140)."""
    code = "WAGE_FINAL_SETTLEMENT_LATE"
    rows = fetch(
        f"""
        SELECT *, coalesce(paid_on, %(on)s::date) - due AS days_late FROM (
            SELECT {CASE_COLUMNS}, w.month, w.net_paid_rub, {OWED_NET} AS owed_net,
                   {OUTSTANDING} AS outstanding, ended.day AS ended_on, cal.a AS grace,
                   ended.day + cal.a::int AS due,
                   CASE WHEN {OUTSTANDING} <= cal.b THEN w.paid_on END AS paid_on
            FROM {REPORTS}
            CROSS JOIN LATERAL (SELECT {ENDED_ON} AS day) ended
            WHERE {IN_RANGE} AND p.status = ANY(%(settled)s)
              AND w.month = date_trunc('month', ended.day)::date
        ) final
        WHERE coalesce(paid_on, %(on)s::date) > due AND (paid_on IS NOT NULL OR outstanding > 0)
        """,
        {
            "lo": lo,
            "hi": hi,
            "on": ctx.on,
            "settled": SETTLED_ON_END,
            **ended_on_params(),
            **_calendar(ctx, code, "grace_days"),
            "b": ctx.monthly(*PAID_IN_FULL_TOLERANCE),
        },
    )
    hits = []
    for row in rows:
        paid = row["paid_on"] is not None
        hits.append(
            placement_hit(
                row,
                month_label(row["month"]),
                evidence(
                    ctx,
                    code,
                    expected=(
                        f"everything owed paid by {row['due']:%Y-%m-%d}, "
                        f"{figure(row['grace'])} {'day' if row['grace'] == 1 else 'days'} "
                        "after the last day of work"
                    ),
                    actual=(
                        f"paid on {row['paid_on']:%Y-%m-%d}"
                        if paid
                        else f"{money(row['outstanding'])} RUB still unpaid"
                    ),
                    month=month_label(row["month"]),
                    ended_on=row["ended_on"].isoformat(),
                    due_on=row["due"].isoformat(),
                    grace_days=figure(row["grace"]),
                    paid_on=row["paid_on"].isoformat() if paid else None,
                    owed_net_rub=money(row["owed_net"]),
                    paid_rub=money(row["net_paid_rub"]),
                    outstanding_rub=money(max(row["outstanding"], 0)),
                    days_late=row["days_late"],
                ),
            )
        )
    return hits


def wage_advance_missing(ctx: Context, lo: int, hi: int) -> list[Hit]:
    """A full month that has ended with no half-month advance, or one paid after the month's
    last day (Labour Code art. 136: wages at least every half month). Months that ended before
    `enabled_from` are not judged: they were reported before the field existed."""
    code = "WAGE_ADVANCE_MISSING"
    enabled_from = date.fromisoformat(str(ctx.parameters(code)["enabled_from"]))
    rows = fetch(
        f"""
        SELECT {CASE_COLUMNS}, w.month, w.advance_paid_on, {MONTH_END} AS month_end
        FROM {REPORTS}
        WHERE {IN_RANGE} AND p.contract_hours_per_week IS NOT NULL
          AND w.hours_worked >= {NORM}
          AND {MONTH_END} >= %(enabled_from)s AND {MONTH_END} < %(on)s
          AND (w.advance_paid_on IS NULL OR w.advance_paid_on > {MONTH_END})
        """,
        {
            "lo": lo,
            "hi": hi,
            "on": ctx.on,
            "enabled_from": enabled_from,
            **_calendar(ctx, code),
        },
    )
    return [
        placement_hit(
            row,
            month_label(row["month"]),
            evidence(
                ctx,
                code,
                expected=f"a half-month advance paid by {row['month_end']:%Y-%m-%d}",
                actual=(
                    f"advance paid on {row['advance_paid_on']:%Y-%m-%d}"
                    if row["advance_paid_on"]
                    else "no advance reported"
                ),
                month=month_label(row["month"]),
                month_end=row["month_end"].isoformat(),
                advance_paid_on=(
                    row["advance_paid_on"].isoformat() if row["advance_paid_on"] else None
                ),
                enabled_from=enabled_from.isoformat(),
            ),
        )
        for row in rows
    ]
