"""Indian-side officials' decisions on recruitment agencies: registration and standing.

Each action takes the acting `Actor`, runs in its own (durable) transaction and keeps every
decision with who made it and why.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mobility.access import Actor
from mobility.errors import ActionForbidden, MoveNotAllowed
from workers.models import (
    Agency,
    AgencyDecision,
    AgencyDecisionKind,
    AgencyStatus,
)
from workers.placements.services import _announce
from workers.placements.signals import agency_changed

# decision -> (statuses it may start from, status it leads to)
AGENCY_DECISIONS = {
    AgencyDecisionKind.SUSPEND: ((AgencyStatus.ACTIVE,), AgencyStatus.SUSPENDED),
    AgencyDecisionKind.REINSTATE: ((AgencyStatus.SUSPENDED,), AgencyStatus.ACTIVE),
    AgencyDecisionKind.REVOKE: (
        (AgencyStatus.ACTIVE, AgencyStatus.SUSPENDED),
        AgencyStatus.REVOKED,
    ),
}


def allowed_agency_decisions(status: str) -> list[str]:
    return [kind for kind, (sources, _) in AGENCY_DECISIONS.items() if status in sources]


def register_agency(*, actor: Actor, data: dict) -> Agency:
    """Agencies are licensed in India, so only Indian-side officials register them."""
    if not actor.on_side("IN"):
        raise ActionForbidden(_("Only Indian-side officials register agencies."))
    with transaction.atomic(durable=True):
        agency = Agency.objects.create(**data)
        _announce(agency_changed, agency_id=agency.pk)
    return agency


def decide_agency(*, actor: Actor, agency_id: int, decision: str, reason: str) -> Agency:
    """Suspend, reinstate or revoke an agency's standing; every decision needs a reason and is
    kept with who made it and when."""
    if not actor.on_side("IN"):
        raise ActionForbidden(_("Only Indian-side officials decide on agencies."))
    reason = (reason or "").strip()
    if decision not in AGENCY_DECISIONS:
        raise ValidationError({"decision": [_("Choose suspend, reinstate or revoke.")]})
    if not reason:
        raise ValidationError({"reason": [_("Give the reason for this decision.")]})
    with transaction.atomic(durable=True):
        agency = Agency.objects.select_for_update().get(pk=agency_id)
        sources, target = AGENCY_DECISIONS[decision]
        if agency.status not in sources:
            raise MoveNotAllowed(
                _("An agency that is %(status)s cannot be given the decision to %(decision)s.")
                % {
                    "status": agency.get_status_display().lower(),
                    "decision": str(AgencyDecisionKind(decision).label).lower(),
                },
                allowed=allowed_agency_decisions(agency.status),
            )
        AgencyDecision.objects.create(
            agency=agency,
            decision=decision,
            from_status=agency.status,
            to_status=target,
            reason=reason,
            decided_by_id=actor.user_id,
        )
        agency.status = target
        agency.save(update_fields=["status", "updated_at"])
        _announce(agency_changed, agency_id=agency.pk)
    return agency
