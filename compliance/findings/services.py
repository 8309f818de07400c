import pghistory
from django.db import transaction
from django.utils import timezone

from compliance.models import (
    OPEN_FINDING_STATUSES,
    Finding,
    FindingStatus,
)
from mobility.access import Actor
from mobility.errors import ActionForbidden, MoveNotAllowed, RequirementsUnmet

CLOSING_MOVES = {"resolve": FindingStatus.RESOLVED, "waive": FindingStatus.WAIVED}


def _require_official(actor: Actor) -> None:
    if not actor.is_official:
        raise ActionForbidden("Only officials acknowledge, resolve or waive findings.")


def _allowed_moves(finding: Finding) -> list[str]:
    if finding.status == FindingStatus.OPEN:
        return ["acknowledge", "resolve", "waive"]
    if finding.status == FindingStatus.ACKNOWLEDGED:
        return ["resolve", "waive"]
    return []


def acknowledge_finding(*, actor: Actor, finding_id: int) -> Finding:
    """An official takes note of an open finding; it stays open until resolved or waived."""
    _require_official(actor)
    with transaction.atomic(), pghistory.context(user=actor.user_id):
        finding = Finding.objects.select_for_update().get(pk=finding_id)
        if finding.status != FindingStatus.OPEN:
            raise MoveNotAllowed(
                f"The finding is {finding.get_status_display().lower()}; only an open one "
                "can be acknowledged.",
                _allowed_moves(finding),
            )
        finding.status = FindingStatus.ACKNOWLEDGED
        finding.save(update_fields=["status"])
    return finding


def close_finding(*, actor: Actor, finding_id: int, move: str, reason: str) -> Finding:
    """An official resolves (the employer or agency put it right) or waives (the rule should
    not hold here) a finding; both need a reason, which the finding keeps."""
    _require_official(actor)
    reason = (reason or "").strip()
    if not reason:
        raise RequirementsUnmet([f"A reason is needed to {move} a finding."])
    with transaction.atomic(), pghistory.context(user=actor.user_id):
        finding = Finding.objects.select_for_update().get(pk=finding_id)
        if finding.status not in OPEN_FINDING_STATUSES:
            raise MoveNotAllowed(
                f"The finding is already {finding.get_status_display().lower()}.",
                _allowed_moves(finding),
            )
        finding.status = CLOSING_MOVES[move]
        finding.closed_by_id = actor.user_id
        finding.closed_at = timezone.now()
        finding.close_reason = reason
        finding.save(update_fields=["status", "closed_by", "closed_at", "close_reason"])
    return finding


def acknowledge_findings(*, actor: Actor, finding_ids: list[int]) -> int:
    """Bulk acknowledgement from the queue: the open ones among `finding_ids`, locked in a
    stable order; others are left as they are. Returns how many changed."""
    _require_official(actor)
    with transaction.atomic(), pghistory.context(user=actor.user_id):
        ids = list(
            Finding.objects.select_for_update()
            .filter(pk__in=finding_ids, status=FindingStatus.OPEN)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        return Finding.objects.filter(pk__in=ids).update(status=FindingStatus.ACKNOWLEDGED)
