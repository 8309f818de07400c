"""Turning a rule's hits for one scope into findings, set-based and idempotent.

For a rule and a scope (a range of case ids, or a set of employers, agencies or workers):
new hits open findings, re-detected ones are refreshed, and open or acknowledged findings in
the scope whose condition no longer holds are resolved with "condition cleared". One INSERT ...
ON CONFLICT on the partial unique index and one UPDATE do it, whatever the number of hits.
"""

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, transaction

from compliance.rulebook import Rule, Severity
from compliance.rules.base import Context, Hit

CONDITION_CLEARED = "condition cleared"
DEFAULT_DUE_DAYS = 14
CRITICAL_DUE_DAYS = 1


@dataclass(frozen=True)
class Scope:
    """Which findings of a rule this evaluation speaks for: a case-id range, or subjects."""

    kind: str  # "placement", "employer", "agency" or "worker"
    lo: int | None = None
    hi: int | None = None
    ids: tuple[int, ...] | None = None  # None with kind != placement: every subject

    def where(self) -> tuple[str, dict]:
        if self.kind == "placement":
            return (
                "f.subject_key LIKE 'placement:%%' AND f.placement_id BETWEEN %(lo)s AND %(hi)s",
                {"lo": self.lo, "hi": self.hi},
            )
        clause = f"f.subject_key LIKE '{self.kind}:%%'"
        if self.ids is None:
            return clause, {}
        return f"{clause} AND f.{self.kind}_id = ANY(%(ids)s)", {"ids": list(self.ids)}


@dataclass
class Outcome:
    opened: int = 0
    resolved: int = 0

    def __iadd__(self, other: "Outcome") -> "Outcome":
        self.opened += other.opened
        self.resolved += other.resolved
        return self


def due_days(ctx: Context, rule: Rule, severity: str) -> int:
    configured = ctx.parameters(rule.code).get("due_days")
    if configured is not None:
        return int(configured)
    return CRITICAL_DUE_DAYS if severity == Severity.CRITICAL else DEFAULT_DUE_DAYS


# A finding closed by a person (waived, or resolved with a reason) stays closed while the same
# condition holds: re-opening it every night would overrule the official. One that cleared by
# itself opens again if the condition comes back.
UPSERT = """
    WITH hit AS (
        SELECT * FROM unnest(
            %(keys)s::text[], %(periods)s::text[], %(placements)s::bigint[],
            %(workers)s::bigint[], %(agencies)s::bigint[], %(employers)s::bigint[],
            %(severities)s::text[], %(evidence)s::text[], %(due)s::timestamptz[]
        ) AS h(subject_key, period, placement_id, worker_id, agency_id, employer_id,
               severity, evidence, due_at)
    )
    INSERT INTO compliance_finding AS f (
        rule_id, subject_key, period, placement_id, worker_id, agency_id, employer_id,
        severity, status, evidence, first_detected_at, last_detected_at, due_at, close_reason
    )
    SELECT %(rule)s, h.subject_key, h.period, h.placement_id, h.worker_id, h.agency_id,
           h.employer_id, h.severity, 'open', h.evidence::jsonb, %(now)s, %(now)s, h.due_at, ''
    FROM hit h
    WHERE NOT EXISTS (
        SELECT 1 FROM compliance_finding c
        WHERE c.rule_id = %(rule)s AND c.subject_key = h.subject_key AND c.period = h.period
          AND c.placement_id IS NOT DISTINCT FROM h.placement_id
          AND (c.status = 'waived' OR c.status = 'resolved' AND c.close_reason <> %(cleared)s)
    )
    ON CONFLICT (rule_id, subject_key, period) WHERE status IN ('open', 'acknowledged')
    DO UPDATE SET evidence = EXCLUDED.evidence, severity = EXCLUDED.severity,
                  last_detected_at = EXCLUDED.last_detected_at
    -- Unchanged findings are written at most once a day, so a second run writes nothing.
    WHERE f.evidence IS DISTINCT FROM EXCLUDED.evidence
       OR f.severity IS DISTINCT FROM EXCLUDED.severity
       OR f.last_detected_at < EXCLUDED.last_detected_at - interval '1 day'
    RETURNING (xmax = 0) AS inserted
"""

RESOLVE = """
    UPDATE compliance_finding f
    SET status = 'resolved', closed_at = %(now)s, close_reason = %(cleared)s, closed_by_id = NULL
    WHERE f.rule_id = %(rule)s AND f.status IN ('open', 'acknowledged') AND {scope}
      AND NOT EXISTS (
        SELECT 1 FROM unnest(%(keys)s::text[], %(periods)s::text[]) AS h(subject_key, period)
        WHERE h.subject_key = f.subject_key AND h.period = f.period
      )
"""


def apply_hits(ctx: Context, rule: Rule, hits: list[Hit], scope: Scope, now: datetime) -> Outcome:
    """Make the findings of `rule` within `scope` say exactly what `hits` say."""
    unique = {(h.subject_key, h.period): h for h in hits}
    hits = list(unique.values())
    severities = [h.severity or rule.severity for h in hits]
    params = {
        "rule": rule.pk,
        "now": now,
        "cleared": CONDITION_CLEARED,
        "keys": [h.subject_key for h in hits],
        "periods": [h.period for h in hits],
        "placements": [h.placement_id for h in hits],
        "workers": [h.worker_id for h in hits],
        "agencies": [h.agency_id for h in hits],
        "employers": [h.employer_id for h in hits],
        "severities": severities,
        "evidence": [json.dumps(h.evidence, sort_keys=True, default=str) for h in hits],
        "due": [now + timedelta(days=due_days(ctx, rule, s)) for s in severities],
    }
    scope_sql, scope_params = scope.where()
    with transaction.atomic(), connection.cursor() as cursor:
        opened = 0
        if hits:
            cursor.execute(UPSERT, params)
            opened = sum(1 for (inserted,) in cursor.fetchall() if inserted)
        cursor.execute(RESOLVE.format(scope=scope_sql), {**params, **scope_params})
        resolved = cursor.rowcount
    return Outcome(opened=opened, resolved=resolved)
