"""Turning a rule's hits for one scope into findings, set-based and idempotent.

For a rule and a scope (a range of case ids, or a set of employers, agencies or workers):
new hits open findings, re-detected ones are refreshed, and open or acknowledged findings in
the scope whose condition no longer holds are resolved with "condition cleared". One INSERT ...
ON CONFLICT on the partial unique index, one read of the scope's findings and one UPDATE do
it, whatever the number of hits.
"""

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, transaction

from compliance.checks.rules.base import Context, Hit
from compliance.entitlements import ledger
from compliance.models import CONDITION_CLEARED, OPEN_FINDING_STATUSES, RULE_DISABLED
from compliance.rulebook.models import Rule, Severity

REOPENABLE = [CONDITION_CLEARED, RULE_DISABLED]
DEFAULT_DUE_DAYS = 14
CRITICAL_DUE_DAYS = 1
OPEN_STATUSES = [status.value for status in OPEN_FINDING_STATUSES]
# Written out in the upsert rather than bound: ON CONFLICT finds the partial unique index only
# by a predicate it can compare with the index's own, which a parameter is not.
OPEN = "(" + ", ".join(f"'{status}'" for status in OPEN_STATUSES) + ")"
SEVERITIES_IN_ORDER = "ARRAY[" + ", ".join(f"'{severity}'" for severity in Severity.values) + "]"


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


UPSERT = f"""
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
    ON CONFLICT (rule_id, subject_key, period) WHERE status IN {OPEN}
    DO UPDATE SET evidence = EXCLUDED.evidence, severity = EXCLUDED.severity,
                  last_detected_at = EXCLUDED.last_detected_at,
                  -- A finding whose severity rises is due as one of its new severity found
                  -- now (RULES.md amendments); one that falls keeps the time it was given.
                  due_at = CASE
                      WHEN array_position({SEVERITIES_IN_ORDER}, EXCLUDED.severity::text)
                           > array_position({SEVERITIES_IN_ORDER}, f.severity::text)
                      THEN EXCLUDED.due_at ELSE f.due_at END
    -- Unchanged findings are written at most once a day, so a second run writes nothing.
    WHERE f.evidence IS DISTINCT FROM EXCLUDED.evidence
       OR f.severity IS DISTINCT FROM EXCLUDED.severity
       OR f.last_detected_at < EXCLUDED.last_detected_at - interval '1 day'
    RETURNING f.id, (xmax = 0) AS inserted
"""  # noqa: S608

# The scope's open findings, and those a person closed: a finding closed by a person (waived,
# or resolved with a reason) stays closed while the same condition holds, since re-opening it
# every night would overrule the official; one that cleared by itself, or was closed with its
# rule switched off, opens again if the condition holds (again).
KNOWN_IN_SCOPE = """
    SELECT f.id, f.subject_key, f.period, f.status = ANY(%(open)s) AS open,
           f.severity, f.evidence, f.last_detected_at
    FROM compliance_finding f
    WHERE f.rule_id = %(rule)s AND {scope}
      AND (f.status = ANY(%(open)s)
           OR f.status = 'waived'
           OR f.status = 'resolved' AND f.close_reason <> ALL(%(reopen)s))
"""

# A money finding waits for its entitlement: cleared, it stays open until paid or waived.
RESOLVE = f"""
    UPDATE compliance_finding
    SET status = 'resolved', closed_at = %(now)s, close_reason = %(cleared)s, closed_by_id = NULL
    WHERE id = ANY(%(ids)s) AND status = ANY(%(open)s) AND NOT {ledger.STILL_OWED}
"""  # noqa: S608


def apply_hits(ctx: Context, rule: Rule, hits: list[Hit], scope: Scope, now: datetime) -> Outcome:
    """Make the findings of `rule` within `scope` say exactly what `hits` say."""
    scope_sql, scope_params = scope.where()
    unique = {(h.subject_key, h.period): h for h in hits}
    with transaction.atomic(), connection.cursor() as cursor:
        # Comparing the scope's findings here keeps both anti-joins hash lookups, whatever plan
        # the database would pick against an array of hits.
        cursor.execute(
            KNOWN_IN_SCOPE.format(scope=scope_sql),
            {"rule": rule.pk, "reopen": REOPENABLE, "open": OPEN_STATUSES, **scope_params},
        )
        cleared, settled = [], set()
        for pk, key, period, is_open, severity, found, detected in cursor.fetchall():
            hit = unique.get((key, period))
            if not is_open:
                settled.add((key, period))
            elif hit is None:
                cleared.append(pk)
            elif _unchanged(rule, hit, severity, found, detected, now):
                # An upsert that changes nothing still locks and dirties the row.
                settled.add((key, period))
        hits = [h for key, h in unique.items() if key not in settled]
        opened = 0
        if hits:
            cursor.execute(UPSERT, _upsert_params(ctx, rule, hits, now))
            written = cursor.fetchall()
            opened = sum(1 for _pk, inserted in written if inserted)
            ledger.follow_findings(cursor, ctx, rule, [pk for pk, _ in written], now)
        resolved = 0
        if cleared:
            cursor.execute(
                RESOLVE,
                {"now": now, "cleared": CONDITION_CLEARED, "ids": cleared, "open": OPEN_STATUSES},
            )
            resolved = cursor.rowcount
    return Outcome(opened=opened, resolved=resolved)


def _unchanged(rule: Rule, hit: Hit, severity, found, detected, now: datetime) -> bool:
    return (
        (hit.severity or rule.severity) == severity
        and _as_json(hit.evidence) == _as_json(found)
        and detected >= now - timedelta(days=1)
    )


def _as_json(evidence) -> str:
    if isinstance(evidence, str):  # Django's psycopg setup hands jsonb over as text
        evidence = json.loads(evidence)
    return json.dumps(evidence, sort_keys=True, default=str)


def _upsert_params(ctx: Context, rule: Rule, hits: list[Hit], now: datetime) -> dict:
    severities = [h.severity or rule.severity for h in hits]
    return {
        "rule": rule.pk,
        "now": now,
        "keys": [h.subject_key for h in hits],
        "periods": [h.period for h in hits],
        "placements": [h.placement_id for h in hits],
        "workers": [h.worker_id for h in hits],
        "agencies": [h.agency_id for h in hits],
        "employers": [h.employer_id for h in hits],
        "severities": severities,
        "evidence": [_as_json(h.evidence) for h in hits],
        "due": [now + timedelta(days=due_days(ctx, rule, s)) for s in severities],
    }
