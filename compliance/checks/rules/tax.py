"""Income tax withheld from wages: RULES.md rules TAX_WITHHOLDING_IMPLAUSIBLE and
TAX_RESIDENT_RATE_NOT_APPLIED (amendments of 2026-12-02, "Tax that is really a deduction")."""

from compliance.checks.rules.base import (
    CASE_COLUMNS,
    IN_RANGE,
    Context,
    Hit,
    evidence,
    fetch,
    figure,
    money,
    month_label,
    placement_hit,
)
from compliance.checks.rules.wages import REPORTS, _calendar, tax_ceilings


def tax_withholding_implausible(ctx: Context, lo: int, hi: int) -> list[Hit]:
    """Tax withheld above the non-resident rate of gross (Tax Code art. 224 para 3): no tax
    can be that high, so the excess is a deduction (WAGE_DEDUCTIONS_EXCESSIVE counts it)."""
    code = "TAX_WITHHOLDING_IMPLAUSIBLE"
    rows = fetch(
        f"""
        SELECT * FROM (
            SELECT {CASE_COLUMNS}, w.month, w.gross_rub, w.tax_withheld_rub,
                   cal.b AS ceiling_pct, round(w.gross_rub * cal.b / 100, 2) AS ceiling
            FROM {REPORTS}
            WHERE {IN_RANGE}
        ) month
        -- Tax is withheld in kopecks: the ceiling rounded to the kopeck is still within it.
        WHERE tax_withheld_rub > ceiling
        """,
        {"lo": lo, "hi": hi, **_calendar(ctx, code), "b": tax_ceilings(ctx)},
    )
    return [
        placement_hit(
            row,
            month_label(row["month"]),
            evidence(
                ctx,
                code,
                expected=(
                    f"income tax of at most {figure(row['ceiling_pct'])} % of gross, "
                    f"{money(row['ceiling'])} RUB"
                ),
                actual=f"{money(row['tax_withheld_rub'])} RUB withheld as income tax",
                month=month_label(row["month"]),
                gross_rub=money(row["gross_rub"]),
                tax_withheld_rub=money(row["tax_withheld_rub"]),
                ceiling_pct=figure(row["ceiling_pct"]),
                ceiling_rub=money(row["ceiling"]),
                excess_rub=money(row["tax_withheld_rub"] - row["ceiling"]),
            ),
        )
        for row in rows
    ]


def tax_resident_rate_not_applied(ctx: Context, lo: int, hi: int) -> list[Hit]:
    """A month that starts after the worker's Nth day in Russia, counted from arrival (day 1;
    the case records no exits), with tax withheld above the resident rate plus the tolerance
    (Tax Code art. 207 para 2, art. 224 para 1). What was withheld above the resident rate is
    owed back to the worker (art. 231)."""
    code = "TAX_RESIDENT_RATE_NOT_APPLIED"
    rows = fetch(
        f"""
        SELECT * FROM (
            SELECT {CASE_COLUMNS}, w.month, w.gross_rub, w.tax_withheld_rub,
                   p.arrival_date, cal.a::int AS after_days, cal.b AS resident_pct,
                   resident.tolerance_pct, p.arrival_date + cal.a::int - 1 AS resident_on,
                   round(w.gross_rub * cal.b / 100, 2) AS resident_tax
            FROM {REPORTS}
            JOIN unnest(%(months)s::date[], %(tolerances)s::numeric[])
                AS resident(month, tolerance_pct) ON resident.month = w.month
            WHERE {IN_RANGE} AND p.arrival_date IS NOT NULL
        ) month
        WHERE month > resident_on
          AND tax_withheld_rub > gross_rub * (resident_pct + tolerance_pct) / 100
        """,
        {
            "lo": lo,
            "hi": hi,
            **_calendar(ctx, code, "resident_after_days", "resident_rate_pct"),
            "tolerances": ctx.monthly(code, "tolerance_pct"),
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
                    f"income tax at the resident rate of {figure(row['resident_pct'])} % of "
                    f"gross, {money(row['resident_tax'])} RUB"
                ),
                actual=(
                    f"{money(row['tax_withheld_rub'])} RUB withheld; resident from "
                    f"{row['resident_on']:%Y-%m-%d}"
                ),
                month=month_label(row["month"]),
                arrival_date=row["arrival_date"].isoformat(),
                resident_after_days=row["after_days"],
                resident_on=row["resident_on"].isoformat(),
                gross_rub=money(row["gross_rub"]),
                tax_withheld_rub=money(row["tax_withheld_rub"]),
                resident_rate_pct=figure(row["resident_pct"]),
                tolerance_pct=figure(row["tolerance_pct"]),
                resident_tax_rub=money(row["resident_tax"]),
                over_withheld_rub=money(row["tax_withheld_rub"] - row["resident_tax"]),
            ),
        )
        for row in rows
    ]
