"""Officials' handling of findings: acknowledging, resolving and waiving them.

Each action takes the acting `Actor`, runs in its own (durable) transaction, locks the findings
it changes and names its user in the history context.
"""

import pghistory
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.entitlements.closing import settle_on_finding_close
from compliance.models import (
    OPEN_FINDING_STATUSES,
    RULE_DISABLED,
    Finding,
    FindingStatus,
)
from mobility.access import Actor
from mobility.errors import ActionForbidden, MoveNotAllowed, RequirementsUnmet

CLOSING_MOVES = {"resolve": FindingStatus.RESOLVED, "waive": FindingStatus.WAIVED}


REASON_NEEDED = {
    "resolve": gettext_lazy("A reason is needed to resolve a finding."),
    "waive": gettext_lazy("A reason is needed to waive a finding."),
}


def _require_official(actor: Actor) -> None:
    if not actor.is_official:
        raise ActionForbidden(_("Only officials acknowledge, resolve or waive findings."))


def _allowed_moves(finding: Finding) -> list[str]:
    if finding.status == FindingStatus.OPEN:
        return ["acknowledge", "resolve", "waive"]
    if finding.status == FindingStatus.ACKNOWLEDGED:
        return ["resolve", "waive"]
    return []


def acknowledge_finding(*, actor: Actor, finding_id: int) -> Finding:
    """An official takes note of an open finding; it stays open until resolved or waived."""
    _require_official(actor)
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        finding = Finding.objects.select_for_update().get(pk=finding_id)
        if finding.status != FindingStatus.OPEN:
            raise MoveNotAllowed(
                _("The finding is %(status)s; only an open one can be acknowledged.")
                % {"status": finding.get_status_display().lower()},
                _allowed_moves(finding),
            )
        finding.status = FindingStatus.ACKNOWLEDGED
        finding.save(update_fields=["status"])
    return finding


def close_finding(*, actor: Actor, finding_id: int, move: str, reason: str) -> Finding:
    """An official resolves (the employer or agency put it right) or waives (the rule should
    not hold here) a finding; both need a reason, which the finding keeps. A money finding is
    resolved only once nothing it owes is outstanding; waived, what it owed is waived too."""
    _require_official(actor)
    reason = (reason or "").strip()
    if not reason:
        raise RequirementsUnmet([REASON_NEEDED[move]])
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        finding = Finding.objects.select_for_update().get(pk=finding_id)
        if finding.status not in OPEN_FINDING_STATUSES:
            raise MoveNotAllowed(
                _("The finding is already %(status)s.")
                % {"status": finding.get_status_display().lower()},
                _allowed_moves(finding),
            )
        settle_on_finding_close(actor=actor, finding=finding, move=move, reason=reason)
        finding.status = CLOSING_MOVES[move]
        finding.closed_by_id = actor.user_id
        finding.closed_at = timezone.now()
        finding.close_reason = reason
        finding.save(update_fields=["status", "closed_by", "closed_at", "close_reason"])
    return finding


def close_findings_of_disabled_rule(*, actor: Actor, rule_id: int) -> int:
    """Switching a rule off closes its open findings as resolved, "rule disabled", with the
    official as the closer (RULES.md amendments); part of the switching-off transaction.
    Returns how many closed."""
    with transaction.atomic(), pghistory.context(user=actor.user_id):
        ids = list(
            Finding.objects.select_for_update()
            .filter(rule_id=rule_id, status__in=OPEN_FINDING_STATUSES)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        return Finding.objects.filter(pk__in=ids).update(
            status=FindingStatus.RESOLVED,
            closed_by_id=actor.user_id,
            closed_at=timezone.now(),
            close_reason=RULE_DISABLED,
        )


def acknowledge_findings(*, actor: Actor, finding_ids: list[int]) -> int:
    """Bulk acknowledgement from the queue: the open ones among `finding_ids`, locked in a
    stable order; others are left as they are. Returns how many changed."""
    _require_official(actor)
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        ids = list(
            Finding.objects.select_for_update()
            .filter(pk__in=finding_ids, status=FindingStatus.OPEN)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        return Finding.objects.filter(pk__in=ids).update(status=FindingStatus.ACKNOWLEDGED)
