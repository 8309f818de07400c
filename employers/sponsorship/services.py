from dataclasses import dataclass

from django.db import transaction
from django.http import Http404

from employers.models import (
    Employer,
    SponsorshipDecision,
    SponsorshipDecisionKind,
    SponsorshipStatus,
)
from employers.sponsorship.selectors import employers_visible_to
from employers.sponsorship.signals import employer_changed
from mobility.access import Role, actor_for
from mobility.errors import ActionForbidden, MoveNotAllowed, RequirementsUnmet


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


def may_decide(user, employer: Employer) -> bool:
    """Russian-side officials covering the employer's region decide; Indian-side officials
    only read (the sponsor sits in Russia)."""
    actor = actor_for(user)
    return actor.on_side("RU") and actor.covers_region(employer.region)


def _announce(employer_id: int) -> None:
    transaction.on_commit(lambda: employer_changed.send(sender=Employer, employer_id=employer_id))


def decide_sponsorship(
    *, actor, employer_id: int, decision: str, quota: int | None = None, reason: str = ""
) -> SponsorshipDecision:
    """Apply one sponsorship decision of the table above and keep who, when and why.

    Out of the official's regions the employer does not exist for them (404); a role that may
    not decide gets 403; a move the table does not allow from the current status 409; a
    missing quota (approve) or reason (the others) 400.
    """
    reason = (reason or "").strip()
    with transaction.atomic():
        try:
            employer = employers_visible_to(actor).select_for_update().get(pk=employer_id)
        except Employer.DoesNotExist:
            raise Http404 from None
        if not may_decide(actor, employer):
            raise ActionForbidden(
                "Only Russian-side officials covering the employer's region decide sponsorship."
            )
        rule = DECISIONS.get(decision)
        allowed = allowed_decisions(employer.sponsorship_status)
        if rule is None or employer.sponsorship_status not in rule.from_statuses:
            raise MoveNotAllowed(
                f"The decision '{decision}' is not allowed while the sponsorship is "
                f"{employer.sponsorship_status}.",
                allowed,
            )
        problems = []
        if rule.needs_quota and (quota is None or quota < 1):
            problems.append("An approval needs a quota of at least one worker.")
        if rule.needs_reason and not reason:
            problems.append(f"A decision to {decision} needs a reason.")
        if problems:
            raise RequirementsUnmet(problems)
        record = SponsorshipDecision.objects.create(
            employer=employer,
            decision=decision,
            from_status=employer.sponsorship_status,
            to_status=rule.to_status,
            quota=quota if rule.needs_quota else None,
            reason=reason,
            decided_by=actor,
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


def register_employer(*, actor, **fields) -> Employer:
    """Russian-side officials register the sponsors of their regions."""
    who = actor_for(actor)
    if not who.on_side("RU") or not who.covers_region(fields.get("region", "")):
        raise ActionForbidden("Only Russian-side officials for the region register employers.")
    with transaction.atomic():
        employer = Employer(**fields)
        employer.full_clean()
        employer.save()
        _announce(employer.pk)
    return employer


def update_employer(*, actor, employer_id: int, **fields) -> Employer:
    """Russian-side officials edit an employer of their regions; its own staff edit only its
    contact data."""
    who = actor_for(actor)
    with transaction.atomic():
        try:
            employer = employers_visible_to(actor).select_for_update().get(pk=employer_id)
        except Employer.DoesNotExist:
            raise Http404 from None
        if who.role == Role.EMPLOYER:
            fields = {k: v for k, v in fields.items() if k in CONTACT_FIELDS}
        elif not who.on_side("RU"):
            raise ActionForbidden("Only Russian-side officials and the employer's staff edit it.")
        elif "region" in fields and not who.covers_region(fields["region"]):
            raise ActionForbidden("That region is outside your remit.")
        for name, value in fields.items():
            setattr(employer, name, value)
        employer.full_clean()
        employer.save()
        _announce(employer.pk)
    return employer
