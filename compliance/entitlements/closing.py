"""What closing a finding does to what it owes, kept apart from the ledger's other moves: the
rulebook, which imports no other app, closes findings too (switching a rule off)."""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.entitlements.models import OWED_STATUSES, Entitlement, EntitlementStatus
from compliance.models import Finding
from mobility import figures
from mobility.access import Actor
from mobility.errors import RequirementsUnmet


def amount_in_words(entitlement: Entitlement, value: Decimal) -> str:
    return figures.rupees(value) if entitlement.currency == "INR" else figures.roubles(value)


def waive(actor: Actor, entitlement: Entitlement, reason: str) -> None:
    entitlement.status = EntitlementStatus.WAIVED
    entitlement.waived_by_id = actor.user_id
    entitlement.waived_at = timezone.now()
    entitlement.waive_reason = reason
    entitlement.save(
        update_fields=["status", "waived_by", "waived_at", "waive_reason", "updated_at"]
    )


def settle_on_finding_close(*, actor: Actor, finding: Finding, move: str, reason: str) -> None:
    """Inside an official's closing of a finding (compliance.findings.services): a money
    finding is resolved only once nothing is outstanding; waiving it waives what it owed."""
    entitlement = Entitlement.objects.select_for_update().filter(finding=finding).first()
    if entitlement is None or entitlement.status not in OWED_STATUSES:
        return
    if move == "waive":
        waive(actor, entitlement, reason)
        return
    raise RequirementsUnmet(
        [
            _(
                "%(amount)s is still owed to the worker: the finding is resolved when it is "
                "paid and the worker confirms it, or waive it with a reason."
            )
            % {"amount": amount_in_words(entitlement, entitlement.outstanding)}
        ]
    )
