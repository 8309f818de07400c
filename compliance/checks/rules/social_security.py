"""Social security: contributions on wages, medical insurance in Russia, cover from India."""

from datetime import timedelta

from compliance.checks.rules.base import (
    CASE_COLUMNS,
    IN_RANGE,
    PLACEMENT_COLUMNS,
    PLACEMENT_FROM,
    Context,
    Hit,
    evidence,
    fetch,
    figure,
    money,
    placement_hit,
)
from compliance.checks.rules.wages import REPORTS, _calendar
from mobility.placement_status import CONTRACT_ON, DEPARTED_ON, IN_RUSSIA


def social_contributions_missing(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "SOCIAL_CONTRIBUTIONS_MISSING"
    rows = fetch(
        f"""
        SELECT {CASE_COLUMNS}, w.month, w.gross_rub, w.employer_contributions_rub AS stated,
               cal.a AS min_pct, round(w.gross_rub * cal.a / 100, 2) AS minimum
        FROM {REPORTS}
        WHERE {IN_RANGE}
          AND coalesce(w.employer_contributions_rub, 0) < w.gross_rub * cal.a / 100
        """,
        {"lo": lo, "hi": hi, **_calendar(ctx, code, "min_pct")},
    )
    return [
        placement_hit(
            row,
            f"{row['month']:%Y-%m}",
            evidence(
                ctx,
                code,
                expected=f"contributions of at least {money(row['minimum'])} RUB",
                actual=(
                    f"{money(row['stated'])} RUB stated"
                    if row["stated"] is not None
                    else "no contributions stated"
                ),
                month=f"{row['month']:%Y-%m}",
                gross_rub=money(row["gross_rub"]),
                contributions_rub=money(row["stated"] or 0),
                stated=row["stated"] is not None,
                minimum_rub=money(row["minimum"]),
                min_pct=figure(row["min_pct"]),
            ),
        )
        for row in rows
    ]


def insurance_dms_missing(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "INSURANCE_DMS_MISSING"
    rows = fetch(
        f"""
        SELECT {PLACEMENT_COLUMNS}, p.status
        FROM {PLACEMENT_FROM}
        WHERE {IN_RANGE} AND p.status = ANY(%(statuses)s)
          AND NOT EXISTS (SELECT 1 FROM compliance_insurancecover c
                          WHERE c.placement_id = p.id AND c.kind = 'dms'
                            AND c.valid_from <= %(on)s AND %(on)s <= c.valid_until)
        """,
        {"lo": lo, "hi": hi, "on": ctx.on, "statuses": list(IN_RUSSIA)},
    )
    return [
        placement_hit(
            row,
            "",
            evidence(
                ctx,
                code,
                expected=f"a medical insurance policy (DMS) valid on {ctx.on:%Y-%m-%d}",
                actual="no valid DMS policy",
                on=ctx.on.isoformat(),
            ),
        )
        for row in rows
    ]


def insurance_origin_missing(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "INSURANCE_ORIGIN_MISSING"
    rows = fetch(
        f"""
        SELECT {PLACEMENT_COLUMNS}
        FROM {PLACEMENT_FROM}
        WHERE {IN_RANGE} AND p.status = ANY(%(statuses)s)
          AND NOT EXISTS (SELECT 1 FROM compliance_insurancecover c
                          WHERE c.placement_id = p.id AND c.kind IN ('pbby', 'other'))
        """,
        {"lo": lo, "hi": hi, "statuses": list(DEPARTED_ON)},
    )
    return [
        placement_hit(
            row,
            "",
            evidence(
                ctx,
                code,
                expected="an origin-country cover (PBBY or equivalent)",
                actual="no origin-country cover recorded",
            ),
        )
        for row in rows
    ]


def insurance_expiring(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "INSURANCE_EXPIRING"
    days = int(ctx.param(code, "notice_days"))
    # "Within N days" includes day N (RULES.md amendments). A policy renewed by another of the
    # same kind that starts in time is not expiring.
    rows = fetch(
        f"""
        SELECT DISTINCT ON (p.id, c.kind) {PLACEMENT_COLUMNS}, c.kind, c.policy_number,
               c.valid_until, p.contract_end
        FROM {PLACEMENT_FROM}
        JOIN compliance_insurancecover c ON c.placement_id = p.id
        WHERE {IN_RANGE} AND p.status = ANY(%(statuses)s)
          AND c.valid_until >= %(on)s AND c.valid_until <= %(limit)s
          AND p.contract_end > c.valid_until
          AND NOT EXISTS (SELECT 1 FROM compliance_insurancecover n
                          WHERE n.placement_id = p.id AND n.kind = c.kind AND n.id <> c.id
                            AND n.valid_from <= c.valid_until + 1
                            AND n.valid_until > c.valid_until)
        ORDER BY p.id, c.kind, c.valid_until
        """,
        {
            "lo": lo,
            "hi": hi,
            "on": ctx.on,
            "limit": ctx.on + timedelta(days=days),
            "statuses": list(CONTRACT_ON),
        },
    )
    return [
        placement_hit(
            row,
            row["kind"],
            evidence(
                ctx,
                code,
                expected=f"cover until the contract ends on {row['contract_end']:%Y-%m-%d}",
                actual=f"policy {row['policy_number']} ends on {row['valid_until']:%Y-%m-%d}",
                kind=row["kind"],
                policy_number=row["policy_number"],
                valid_until=row["valid_until"].isoformat(),
                contract_end=row["contract_end"].isoformat(),
                notice_days=days,
            ),
        )
        for row in rows
    ]
