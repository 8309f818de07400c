"""Every change to an employer: its registration, its contact data and the sponsorship
decisions of Russian-side officials.

Each action takes the acting `Actor` as `actor`, runs in its own (durable) transaction, locks
the row it changes and raises the domain errors of `mobility.errors`.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from employers.models import (
    Employer,
    SponsorshipDecision,
    SponsorshipDecisionKind,
    SponsorshipStatus,
)
from employers.sponsorship.selectors import employers_visible_to
from employers.sponsorship.signals import employer_changed
from mobility.access import Actor, Role
from mobility.errors import ActionForbidden, MoveNotAllowed, NotFound, RequirementsUnmet


@dataclass(frozen=True)
class DecisionRule:
    from_statuses: frozenset[str]
    to_status: str
    needs_quota: bool
    needs_reason: bool


# The one table of sponsorship decisions: the API, the page buttons and the tests read it.
DECISIONS: dict[str, DecisionRule] = {
    SponsorshipDecisionKind.APPROVE: DecisionRule(
        frozenset({SponsorshipStatus.APPLIED, SponsorshipStatus.SUSPENDED}),
        SponsorshipStatus.APPROVED,
        needs_quota=True,
        needs_reason=False,
    ),
    SponsorshipDecisionKind.REJECT: DecisionRule(
        frozenset({SponsorshipStatus.APPLIED}),
        SponsorshipStatus.REJECTED,
        needs_quota=False,
        needs_reason=True,
    ),
    SponsorshipDecisionKind.SUSPEND: DecisionRule(
        frozenset({SponsorshipStatus.APPROVED}),
        SponsorshipStatus.SUSPENDED,
        needs_quota=False,
        needs_reason=True,
    ),
    SponsorshipDecisionKind.REVOKE: DecisionRule(
        frozenset({SponsorshipStatus.APPROVED, SponsorshipStatus.SUSPENDED}),
        SponsorshipStatus.REVOKED,
        needs_quota=False,
        needs_reason=True,
    ),
}


def allowed_decisions(status: str) -> list[str]:
    """The decisions the table allows from `status`, in the table's order."""
    return [kind for kind, rule in DECISIONS.items() if status in rule.from_statuses]


def may_decide(actor: Actor, employer: Employer) -> bool:
    """Russian-side officials covering the employer's region decide; Indian-side officials
    only read (the sponsor sits in Russia)."""
    return actor.on_side("RU") and actor.covers_region(employer.region)


def _announce(employer_id: int) -> None:
    transaction.on_commit(lambda: employer_changed.send(sender=Employer, employer_id=employer_id))


def _decision_label(decision: str) -> str:
    if decision in SponsorshipDecisionKind.values:
        return str(SponsorshipDecisionKind(decision).label).lower()
    return decision


def decide_sponsorship(
    *,
    actor: Actor,
    employer_id: int,
    decision: str,
    quota: int | None = None,
    reason: str = "",
) -> SponsorshipDecision:
    """Apply one sponsorship decision of the table above and keep who, when and why.

    Out of the official's regions the employer does not exist for them (404); a role that may
    not decide gets 403; a move the table does not allow from the current status 409; a
    missing quota (approve) or reason (the others) 400.
    """
    reason = (reason or "").strip()
    with transaction.atomic(durable=True):
        try:
            employer = employers_visible_to(actor).select_for_update().get(pk=employer_id)
        except Employer.DoesNotExist:
            raise NotFound from None
        if not may_decide(actor, employer):
            raise ActionForbidden(
                _("Only Russian-side officials covering the employer's region decide sponsorship.")
            )
        rule = DECISIONS.get(decision)
        allowed = allowed_decisions(employer.sponsorship_status)
        if rule is None or employer.sponsorship_status not in rule.from_statuses:
            raise MoveNotAllowed(
                _(
                    "The decision to %(decision)s is not allowed while the sponsorship is "
                    "%(status)s."
                )
                % {
                    "decision": _decision_label(decision),
                    "status": employer.get_sponsorship_status_display().lower(),
                },
                allowed,
            )
        problems = []
        if rule.needs_quota and (quota is None or quota < 1):
            problems.append(_("An approval needs a quota of at least one worker."))
        if rule.needs_reason and not reason:
            problems.append(
                _("A decision to %(decision)s needs a reason.")
                % {"decision": _decision_label(decision)}
            )
        if problems:
            raise RequirementsUnmet(problems)
        record = SponsorshipDecision.objects.create(
            employer=employer,
            decision=decision,
            from_status=employer.sponsorship_status,
            to_status=rule.to_status,
            quota=quota if rule.needs_quota else None,
            reason=reason,
            decided_by_id=actor.user_id,
        )
        employer.sponsorship_status = rule.to_status
        fields = ["sponsorship_status", "updated_at"]
        if rule.needs_quota:
            employer.quota = quota
            fields.append("quota")
        employer.save(update_fields=fields)
        _announce(employer.pk)
    return record


CONTACT_FIELDS = ("address", "contact_email", "contact_phone")


def register_employer(*, actor: Actor, **fields: Any) -> Employer:
    """Russian-side officials register the sponsors of their regions."""
    if not actor.on_side("RU") or not actor.covers_region(fields.get("region", "")):
        raise ActionForbidden(_("Only Russian-side officials for the region register employers."))
    with transaction.atomic(durable=True):
        employer = Employer(**fields)
        employer.full_clean()
        employer.save()
        _announce(employer.pk)
    return employer


def update_employer(*, actor: Actor, employer_id: int, **fields: Any) -> Employer:
    """Russian-side officials edit an employer of their regions; its own staff edit only its
    contact data."""
    with transaction.atomic(durable=True):
        try:
            employer = employers_visible_to(actor).select_for_update().get(pk=employer_id)
        except Employer.DoesNotExist:
            raise NotFound from None
        if actor.role == Role.EMPLOYER:
            fields = {k: v for k, v in fields.items() if k in CONTACT_FIELDS}
        elif not actor.on_side("RU"):
            raise ActionForbidden(
                _("Only Russian-side officials and the employer's staff edit an employer.")
            )
        elif "region" in fields and not actor.covers_region(fields["region"]):
            raise ActionForbidden(_("That region is outside your remit."))
        for name, value in fields.items():
            setattr(employer, name, value)
        employer.full_clean()
        employer.save()
        _announce(employer.pk)
    return employer
