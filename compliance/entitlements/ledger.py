"""Which findings owe the worker money, how much, and what the engine does about them.

The one table from a rule to what its finding owes (`OWED_BY_RULE`), and the two set-based
steps the engine's finding diff (compliance/checks/detection.py) takes: open or follow the
entitlement of every finding it wrote, and leave open every finding whose entitlement is still
owed when its condition clears.
"""

from dataclasses import dataclass
from datetime import datetime

from compliance.checks.rules.base import Context
from compliance.entitlements.models import (
    OWED_STATUSES,
    WAGE_KINDS,
    Currency,
    EntitlementKind,
    EntitlementStatus,
    OwedBy,
)
from compliance.rulebook.models import Rule


@dataclass(frozen=True)
class Owed:
    kind: str
    # The figure of the finding's evidence that states the amount.
    amount_key: str
    currency: str
    owed_by: str
    # The figure naming the day the money was due; None: the month's pay day (art. 136).
    due_key: str | None = None


K = EntitlementKind
OWED_BY_RULE = {
    "WAGE_UNPAID": Owed(K.UNPAID_WAGES, "outstanding_rub", Currency.RUB, OwedBy.EMPLOYER),
    "WAGE_UNDERPAID": Owed(K.UNDERPAID_WAGES, "shortfall_rub", Currency.RUB, OwedBy.EMPLOYER),
    "WAGE_DEDUCTIONS_EXCESSIVE": Owed(
        K.EXCESS_DEDUCTIONS, "deducted_above_cap_rub", Currency.RUB, OwedBy.EMPLOYER
    ),
    # Everything owed at the end was due on the last day of work (art. 140): the whole final
    # month is what was late, and its days late earn compensation even once it is paid.
    "WAGE_FINAL_SETTLEMENT_LATE": Owed(
        K.FINAL_SETTLEMENT, "owed_net_rub", Currency.RUB, OwedBy.EMPLOYER, due_key="due_on"
    ),
    "TAX_RESIDENT_RATE_NOT_APPLIED": Owed(
        K.TAX_REFUND, "over_withheld_rub", Currency.RUB, OwedBy.EMPLOYER
    ),
    "RECRUITMENT_FEE_CHARGED": Owed(K.RECRUITMENT_FEE, "fee_inr", Currency.INR, OwedBy.AGENCY),
    "WAGE_DISPUTED_BY_WORKER": Owed(
        K.DISPUTED_WAGES, "difference_rub", Currency.RUB, OwedBy.EMPLOYER
    ),
}
# The rule whose parameter says how many days after a month's end its pay is due.
PAY_DAY = ("WAGE_UNPAID", "max_days_after_period")

OWED = "ARRAY[" + ", ".join(f"'{status}'" for status in OWED_STATUSES) + "]"


# A finding (aliased `compliance_finding` in the engine's UPDATE) whose entitlement is still
# owed: "condition cleared" alone does not close it, only payment or a waiver does.
def still_owed(finding: str) -> str:
    """SQL: the finding (the table or alias `finding`) owes money not yet paid or waived."""
    return f"""EXISTS (
    SELECT 1 FROM compliance_entitlement e
    WHERE e.finding_id = {finding}.id AND e.status = ANY({OWED}))"""  # noqa: S608


_STATUS_FOR = f"""CASE
    WHEN {{paid}} >= {{amount}} THEN '{EntitlementStatus.PAID}'
    WHEN {{paid}} > 0 THEN '{EntitlementStatus.PARTLY_PAID}'
    ELSE '{EntitlementStatus.OPEN}' END"""

FOLLOW = f"""
    INSERT INTO compliance_entitlement AS e (
        finding_id, placement_id, kind, period, currency, amount_owed, paid_accepted, owed_by,
        legal_source, due_on, status, waive_reason, created_at, updated_at
    )
    SELECT f.id, f.placement_id, %(kind)s, f.period, %(currency)s, owed.amount, 0, %(owed_by)s,
           %(source)s, owed.due_on, {_STATUS_FOR.format(paid="0", amount="owed.amount")}, '',
           %(now)s, %(now)s
    FROM compliance_finding f
    CROSS JOIN LATERAL (
        SELECT greatest(0, coalesce((f.evidence -> 'figures' ->> %(amount_key)s)::numeric, 0))
                   AS amount,
               CASE
                   WHEN %(due_key)s::text IS NOT NULL
                       THEN (f.evidence -> 'figures' ->> %(due_key)s)::date
                   WHEN %(wage)s AND f.period ~ '^\\d{{4}}-\\d{{2}}$'
                       THEN (to_date(f.period, 'YYYY-MM') + interval '1 month')::date - 1
                            + %(pay_days)s::int
               END AS due_on
    ) owed
    WHERE f.id = ANY(%(ids)s) AND f.placement_id IS NOT NULL
    ON CONFLICT (finding_id) DO UPDATE
    SET amount_owed = EXCLUDED.amount_owed,
        status = {_STATUS_FOR.format(paid="e.paid_accepted", amount="EXCLUDED.amount_owed")},
        updated_at = EXCLUDED.updated_at
    WHERE e.amount_owed IS DISTINCT FROM EXCLUDED.amount_owed
      AND e.status <> '{EntitlementStatus.WAIVED}'
"""  # noqa: S608


def follow_findings(cursor, ctx: Context, rule: Rule, finding_ids: list[int], now: datetime):
    """Open the entitlement of each money finding among `finding_ids` (just written by the
    engine, so open), or bring its amount owed to what the evidence now says. Part of the
    engine's transaction; nothing for a rule that owes no money."""
    owed = OWED_BY_RULE.get(rule.code)
    if owed is None or not finding_ids:
        return
    cursor.execute(
        FOLLOW,
        {
            "ids": finding_ids,
            "kind": owed.kind,
            "currency": owed.currency,
            "owed_by": owed.owed_by,
            "source": rule.legal_source,
            "amount_key": owed.amount_key,
            "due_key": owed.due_key,
            "wage": owed.kind in WAGE_KINDS,
            "pay_days": int(ctx.param(*PAY_DAY)),
            "now": now,
        },
    )
