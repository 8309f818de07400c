"""Documents: a passport that must outlast the contract by a margin."""

from compliance.checks.rules.base import (
    IN_RANGE,
    PLACEMENT_COLUMNS,
    PLACEMENT_FROM,
    Context,
    Hit,
    evidence,
    fetch,
    placement_hit,
)
from mobility.placement_status import CONTRACT_ON


def passport_expiring(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "PASSPORT_EXPIRING"
    months = int(ctx.param(code, "months"))
    rows = fetch(
        f"""
        SELECT {PLACEMENT_COLUMNS}, w.passport_expiry, p.contract_end,
               (p.contract_end + make_interval(months => %(months)s))::date AS needed
        FROM {PLACEMENT_FROM}
        JOIN workers_worker w ON w.id = p.worker_id
        WHERE {IN_RANGE} AND p.status = ANY(%(statuses)s) AND p.contract_end IS NOT NULL
          AND w.passport_expiry < (p.contract_end + make_interval(months => %(months)s))::date
        """,
        {"lo": lo, "hi": hi, "months": months, "statuses": list(CONTRACT_ON)},
    )
    return [
        placement_hit(
            row,
            "",
            evidence(
                ctx,
                code,
                expected=(
                    f"a passport valid until at least {row['needed']:%Y-%m-%d}, {months} months "
                    f"after the contract ends on {row['contract_end']:%Y-%m-%d}"
                ),
                actual=f"the passport expires on {row['passport_expiry']:%Y-%m-%d}",
                passport_expiry=row["passport_expiry"].isoformat(),
                contract_end=row["contract_end"].isoformat(),
                needed_until=row["needed"].isoformat(),
                months=months,
            ),
        )
        for row in rows
    ]
