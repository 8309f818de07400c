"""Safety: induction before work, periodic training in risky sectors, serious incidents."""

from compliance.checks.rules.base import (
    IN_RANGE,
    PLACEMENT_COLUMNS,
    PLACEMENT_FROM,
    Context,
    Hit,
    add_months,
    evidence,
    fetch,
    placement_hit,
)
from mobility.placement_status import PlacementStatus


def safety_induction_missing(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "SAFETY_INDUCTION_MISSING"
    rows = fetch(
        f"""
        SELECT {PLACEMENT_COLUMNS}, p.employment_start
        FROM {PLACEMENT_FROM}
        WHERE {IN_RANGE} AND p.status = %(employed)s AND p.employment_start IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM compliance_safetyrecord s
                          WHERE s.placement_id = p.id AND s.kind = 'induction'
                            AND s.date <= p.employment_start)
        """,
        {"lo": lo, "hi": hi, "employed": PlacementStatus.EMPLOYED},
    )
    return [
        placement_hit(
            row,
            "",
            evidence(
                ctx,
                code,
                expected=f"a safety induction on or before {row['employment_start']:%Y-%m-%d}",
                actual="no safety induction recorded by then",
                employment_start=row["employment_start"].isoformat(),
            ),
        )
        for row in rows
    ]


def safety_training_overdue(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "SAFETY_TRAINING_OVERDUE"
    params = ctx.parameters(code)
    months = int(params["refresh_months"])
    since = add_months(ctx.on, -months)
    # A newly employed worker is due for training within the same period, counted from the
    # employment start, rather than being flagged on the first day of work.
    rows = fetch(
        f"""
        SELECT {PLACEMENT_COLUMNS}, p.employment_start, e.sector, last.trained_on
        FROM {PLACEMENT_FROM}
        JOIN employers_employer e ON e.id = j.employer_id
        LEFT JOIN LATERAL (SELECT max(s.date) AS trained_on FROM compliance_safetyrecord s
                           WHERE s.placement_id = p.id AND s.kind = 'training') last ON true
        WHERE {IN_RANGE} AND p.status = %(employed)s AND p.employment_start IS NOT NULL
          AND e.sector = ANY(%(sectors)s)
          AND greatest(p.employment_start, last.trained_on) < %(since)s
        """,
        {
            "lo": lo,
            "hi": hi,
            "employed": PlacementStatus.EMPLOYED,
            "sectors": list(params["sectors"]),
            "since": since,
        },
    )
    return [
        placement_hit(
            row,
            "",
            evidence(
                ctx,
                code,
                expected=f"safety training within the last {months} months",
                actual=(
                    f"last training on {row['trained_on']:%Y-%m-%d}"
                    if row["trained_on"]
                    else "no safety training recorded"
                ),
                sector=row["sector"],
                refresh_months=months,
                last_training_on=row["trained_on"].isoformat() if row["trained_on"] else None,
                employment_start=row["employment_start"].isoformat(),
            ),
        )
        for row in rows
    ]


def safety_incident_serious(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "SAFETY_INCIDENT_SERIOUS"
    rows = fetch(
        f"""
        SELECT {PLACEMENT_COLUMNS}, s.date, s.severity, s.description
        FROM {PLACEMENT_FROM}
        JOIN compliance_safetyrecord s ON s.placement_id = p.id
        WHERE {IN_RANGE} AND s.kind = 'incident' AND s.severity IN ('serious', 'fatal')
        ORDER BY s.date, (s.severity = 'fatal')
        """,
        {"lo": lo, "hi": hi},
    )
    # Two incidents on one day make one finding, carrying the worse of them.
    found = {}
    for row in rows:
        found[(row["placement_id"], row["date"])] = placement_hit(
            row,
            row["date"].isoformat(),
            evidence(
                ctx,
                code,
                expected="no serious or fatal incident",
                actual=f"a {row['severity']} incident on {row['date']:%Y-%m-%d}",
                date=row["date"].isoformat(),
                incident_severity=row["severity"],
                description=row["description"][:300],
            ),
        )
    return list(found.values())
