"""Turning the rules' hits for one scope into findings, set-based and idempotent.

For the rules evaluated over a scope (a range of case ids, or a set of employers, agencies or
workers): new hits open findings, changed ones are refreshed, and open or acknowledged findings
in the scope whose condition no longer holds are resolved with "condition cleared". The hits
go to a temporary table; one INSERT ... ON CONFLICT on the partial unique index writes the new
and changed findings, one UPDATE resolves the cleared ones, whatever the number of hits. The
history triggers fire on both statements as on any other write.
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
HITS = "finding_hits"

# Which open findings of the scope a cleared condition resolves by itself: the one place that
# decides it (a condition over the finding `f`). A money finding waits for its entitlement:
# cleared, it stays open until what it owes is paid or waived.
CLEARABLE = f"NOT {ledger.still_owed('f')}"


@dataclass(frozen=True)
class Scope:
    """Which findings of a rule this evaluation speaks for: a case-id range, or subjects."""

    kind: str  # "placement", "employer", "agency" or "worker"
    lo: int | None = None
    hi: int | None = None
    ids: tuple[int, ...] | None = None  # None with kind != placement: every subject

    def where(self, alias: str = "f") -> tuple[str, dict]:
        """The SQL condition on the findings table (as `alias`) for the findings in scope."""
        if self.kind == "placement":
            return (
                f"{alias}.subject_key LIKE 'placement:%%' "
                f"AND {alias}.placement_id BETWEEN %(lo)s AND %(hi)s",
                {"lo": self.lo, "hi": self.hi},
            )
        clause = f"{alias}.subject_key LIKE '{self.kind}:%%'"
        if self.ids is None:
            return clause, {}
        return f"{clause} AND {alias}.{self.kind}_id = ANY(%(ids)s)", {"ids": list(self.ids)}


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


HITS_TABLE = f"""
    CREATE TEMPORARY TABLE IF NOT EXISTS {HITS} (
        rule_id bigint, subject_key text, period text, placement_id bigint, worker_id bigint,
        agency_id bigint, employer_id bigint, severity text, evidence jsonb, due_at timestamptz
    ) ON COMMIT DELETE ROWS
"""

HIT_COLUMNS = (
    "rule_id",
    "subject_key",
    "period",
    "placement_id",
    "worker_id",
    "agency_id",
    "employer_id",
    "severity",
    "evidence",
    "due_at",
)

# A hit leaves its finding alone when a person closed it (waived, or resolved with a reason:
# re-opening it every night would overrule the official; one that cleared by itself, or was
# closed with its rule switched off, opens again) or when it says what the open finding
# already says and was confirmed within a day (an upsert that changes nothing still locks and
# dirties the row, and a second run then writes nothing).
UPSERT = f"""
    INSERT INTO compliance_finding AS f (
        rule_id, subject_key, period, placement_id, worker_id, agency_id, employer_id,
        severity, status, evidence, first_detected_at, last_detected_at, due_at, close_reason
    )
    SELECT h.rule_id, h.subject_key, h.period, h.placement_id, h.worker_id, h.agency_id,
           h.employer_id, h.severity, 'open', h.evidence, %(now)s, %(now)s, h.due_at, ''
    FROM {HITS} h
    WHERE NOT EXISTS (
        SELECT 1 FROM compliance_finding k
        WHERE k.rule_id = h.rule_id AND k.subject_key = h.subject_key AND k.period = h.period
          AND {{scope}}
          AND (k.status = 'waived'
               OR k.status = 'resolved' AND k.close_reason <> ALL(%(reopen)s)
               OR k.status IN {OPEN} AND k.severity = h.severity AND k.evidence = h.evidence
                  AND k.last_detected_at >= %(now)s - interval '1 day'))
    ON CONFLICT (rule_id, subject_key, period) WHERE status IN {OPEN}
    DO UPDATE SET evidence = EXCLUDED.evidence, severity = EXCLUDED.severity,
                  last_detected_at = EXCLUDED.last_detected_at,
                  -- A finding whose severity rises is due as one of its new severity found
                  -- now (RULES.md amendments); one that falls keeps the time it was given.
                  due_at = CASE
                      WHEN array_position({SEVERITIES_IN_ORDER}, EXCLUDED.severity::text)
                           > array_position({SEVERITIES_IN_ORDER}, f.severity::text)
                      THEN EXCLUDED.due_at ELSE f.due_at END
    WHERE f.evidence IS DISTINCT FROM EXCLUDED.evidence
       OR f.severity IS DISTINCT FROM EXCLUDED.severity
       OR f.last_detected_at < EXCLUDED.last_detected_at - interval '1 day'
    RETURNING f.id, f.rule_id, (xmax = 0) AS inserted
"""  # noqa: S608

# The open findings of the evaluated rules in the scope that no hit names any more. NOT IN,
# not NOT EXISTS: the hits are hashed once whatever the planner guesses of the findings (a
# guess of one row made the anti-join rescan every hit for each of 8,000 findings).
RESOLVE = f"""
    UPDATE compliance_finding f
    SET status = 'resolved', closed_at = %(now)s, close_reason = %(cleared)s, closed_by_id = NULL
    WHERE f.rule_id = ANY(%(rules)s) AND {{scope}} AND f.status IN {OPEN} AND ({CLEARABLE})
      AND (f.rule_id::bigint, f.subject_key::text, f.period::text)
          NOT IN (SELECT h.rule_id, h.subject_key, h.period FROM {HITS} h)
"""  # noqa: S608


def apply_hits(ctx: Context, judged: dict[Rule, list[Hit]], scope: Scope, now: datetime) -> Outcome:
    """Make the findings of each rule in `judged` within `scope` say exactly what its hits
    say; the findings of rules not in `judged` are left as they are."""
    if not judged:
        return Outcome()
    rows = [
        (rule, hit)
        for rule, hits in judged.items()
        for hit in {(h.subject_key, h.period): h for h in hits}.values()
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(HITS_TABLE)
        # Within one transaction (a sweep's chunk, a test) the table still holds the last call's.
        cursor.execute(f"TRUNCATE {HITS}")  # noqa: S608
        opened = 0
        if rows:
            with cursor.copy(f"COPY {HITS} ({', '.join(HIT_COLUMNS)}) FROM STDIN") as copy:
                for row in _hit_rows(ctx, rows, now):
                    copy.write_row(row)
            # With its row count and keys known, both statements below hash the hits once
            # instead of scanning them for every finding.
            cursor.execute(f"ANALYZE {HITS} (rule_id, subject_key, period)")
            scope_sql, scope_params = scope.where("k")
            cursor.execute(
                UPSERT.format(scope=scope_sql), {"now": now, "reopen": REOPENABLE, **scope_params}
            )
            written = cursor.fetchall()
            opened = sum(1 for _pk, _rule, inserted in written if inserted)
            # What a money finding owes follows what it now says (compliance/entitlements).
            for rule in judged:
                ids = [pk for pk, rule_id, _inserted in written if rule_id == rule.pk]
                ledger.follow_findings(cursor, ctx, rule, ids, now)
        scope_sql, scope_params = scope.where("f")
        cursor.execute(
            RESOLVE.format(scope=scope_sql),
            {
                "now": now,
                "cleared": CONDITION_CLEARED,
                "rules": [rule.pk for rule in judged],
                **scope_params,
            },
        )
        resolved = cursor.rowcount
    return Outcome(opened=opened, resolved=resolved)


def _as_json(evidence) -> str:
    return json.dumps(evidence, sort_keys=True, default=str)


def _hit_rows(ctx: Context, rows: list[tuple[Rule, Hit]], now: datetime):
    for rule, hit in rows:
        severity = hit.severity or rule.severity
        yield (
            rule.pk,
            hit.subject_key,
            hit.period,
            hit.placement_id,
            hit.worker_id,
            hit.agency_id,
            hit.employer_id,
            severity,
            _as_json(hit.evidence),
            now + timedelta(days=due_days(ctx, rule, severity)),
        )
