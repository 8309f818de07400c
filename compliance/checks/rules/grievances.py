"""Grievances: the acknowledgement and resolution clocks of the pact's grievance mechanism."""

from datetime import datetime, time, timedelta

from django.utils import timezone

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
from workers.models import CLOCKED_GRIEVANCE_STATUSES


def grievance_sla_breached(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "GRIEVANCE_SLA_BREACHED"
    ack_days = int(ctx.param(code, "ack_days"))
    resolve_days = int(ctx.param(code, "resolve_days"))
    # The clocks are judged at the end of the evaluation day, in the site's time zone.
    now = min(
        timezone.now(),
        timezone.make_aware(datetime.combine(ctx.on + timedelta(days=1), time.min)),
    )
    rows = fetch(
        f"""
        SELECT {PLACEMENT_COLUMNS}, g.receipt, g.created_at, g.status,
               g.acknowledged_at IS NULL AND g.created_at + %(ack)s < %(now)s AS ack_late,
               g.closed_at IS NULL AND g.created_at + %(resolve)s < %(now)s AS resolve_late
        FROM {PLACEMENT_FROM}
        JOIN workers_grievance g ON g.placement_id = p.id
        WHERE {IN_RANGE} AND g.status = ANY(%(open)s)
          AND (g.acknowledged_at IS NULL AND g.created_at + %(ack)s < %(now)s
               OR g.closed_at IS NULL AND g.created_at + %(resolve)s < %(now)s)
        """,
        {
            "lo": lo,
            "hi": hi,
            "now": now,
            "ack": timedelta(days=ack_days),
            "resolve": timedelta(days=resolve_days),
            # A resolution proposed to the worker has met the officials' clocks.
            "open": list(CLOCKED_GRIEVANCE_STATUSES),
        },
    )
    hits = []
    for row in rows:
        clocks = []
        if row["ack_late"]:
            clocks.append(f"not acknowledged within {ack_days} days")
        if row["resolve_late"]:
            clocks.append(f"not resolved within {resolve_days} days")
        hits.append(
            placement_hit(
                row,
                row["receipt"],
                evidence(
                    ctx,
                    code,
                    expected=(
                        f"acknowledged within {ack_days} days and resolved within "
                        f"{resolve_days} days of filing"
                    ),
                    actual=f"grievance {row['receipt']} " + " and ".join(clocks),
                    receipt=row["receipt"],
                    filed_at=row["created_at"].isoformat(),
                    acknowledgement_late=row["ack_late"],
                    resolution_late=row["resolve_late"],
                    ack_days=ack_days,
                    resolve_days=resolve_days,
                ),
            )
        )
    return hits
