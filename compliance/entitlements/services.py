"""Moves of the ledger: a payment recorded by whoever owes (or an official), the worker's
confirmation or dispute of it, an official's acceptance after the worker's silence, and a
waiver. Each runs in one transaction that locks the finding, then the entitlement (the order
the engine takes them in), and names its user in the history context.

A money finding closes only through here: when what is outstanding reaches zero by an accepted
payment (in the same transaction), or when an official waives it.
"""

from datetime import date, timedelta
from decimal import Decimal

import pghistory
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.entitlements.closing import amount_in_words, waive
from compliance.entitlements.models import (
    Entitlement,
    EntitlementStatus,
    OwedBy,
    Payment,
    PaymentAnswer,
)
from compliance.entitlements.notifications import tell_payment_recorded
from compliance.entitlements.selectors import entitlements_visible_to
from compliance.models import OPEN_FINDING_STATUSES, Finding, FindingStatus
from mobility import figures
from mobility.access import Actor, Role
from mobility.errors import ActionForbidden, MoveNotAllowed, NotFound, RequirementsUnmet
from workers.models import Placement

# The note on a finding closed because what it owed was paid: a person's word (the worker's or
# an official's), so the engine does not reopen it while the report still shows the breach.
PAID_IN_FULL = "paid in full"
ANSWERS = (PaymentAnswer.CONFIRMED, PaymentAnswer.DISPUTED)


def may_record_payment(actor: Actor, entitlement: Entitlement) -> bool:
    """Whoever owes (the employer's or the agency's members), or an official."""
    if actor.is_official:
        return True
    if entitlement.owed_by == OwedBy.EMPLOYER:
        return (
            actor.role == Role.EMPLOYER
            and actor.employer_id == entitlement.placement.job_order.employer_id
        )
    return actor.role == Role.AGENCY and actor.agency_id == entitlement.placement.agency_id


def _locked(entitlement_id: int) -> tuple[Finding, Entitlement]:
    finding_id = (
        Entitlement.objects.filter(pk=entitlement_id).values_list("finding_id", flat=True).first()
    )
    if finding_id is None:
        raise NotFound()
    finding = Finding.objects.select_for_update().get(pk=finding_id)
    entitlement = (
        Entitlement.objects.select_for_update(of=("self",))
        .select_related("placement__job_order", "placement__worker")
        .get(pk=entitlement_id)
    )
    return finding, entitlement


def awaiting_answer(entitlement: Entitlement) -> Decimal:
    return sum(
        (p.amount for p in entitlement.payments.filter(answer=PaymentAnswer.PENDING)),
        Decimal(0),
    )


def record_payment(
    *,
    actor: Actor,
    entitlement_id: int,
    amount: Decimal,
    paid_on: date,
    method: str,
    reference: str = "",
) -> Payment:
    """The owing party (or an official) says it paid. Refused when the amount is more than is
    still to be paid: the outstanding amount less the payments still waiting for the worker's
    answer, so that two payments never cover the same money twice."""
    if not entitlements_visible_to(actor).filter(pk=entitlement_id).exists():
        raise NotFound()
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        _finding, entitlement = _locked(entitlement_id)
        if not may_record_payment(actor, entitlement):
            raise ActionForbidden(_("Only whoever owes the amount, or an official, records it."))
        if entitlement.status == EntitlementStatus.WAIVED:
            raise MoveNotAllowed(_("This amount was waived; nothing more is owed."))
        problems = []
        if amount <= 0:
            problems.append(_("The amount paid must be more than zero."))
        if paid_on > timezone.localdate():
            problems.append(_("The day of payment cannot be in the future."))
        still_to_pay = max(entitlement.outstanding - awaiting_answer(entitlement), Decimal(0))
        if amount > still_to_pay:
            problems.append(
                _("%(amount)s is more than is still to be paid (%(left)s).")
                % {
                    "amount": amount_in_words(entitlement, amount),
                    "left": amount_in_words(entitlement, still_to_pay),
                }
            )
        if problems:
            raise RequirementsUnmet(problems)
        payment = Payment.objects.create(
            entitlement=entitlement,
            amount=amount,
            paid_on=paid_on,
            method=method,
            reference=reference,
            recorded_by_id=actor.user_id,
        )
        tell_payment_recorded(payment)
        return payment


def _accept(finding: Finding, entitlement: Entitlement, payment: Payment, closer_id) -> None:
    entitlement.paid_accepted += payment.amount
    if entitlement.outstanding == 0:
        entitlement.status = EntitlementStatus.PAID
        if finding.status in OPEN_FINDING_STATUSES:
            finding.status = FindingStatus.RESOLVED
            finding.closed_at = timezone.now()
            finding.closed_by_id = closer_id
            finding.close_reason = PAID_IN_FULL
            finding.save(update_fields=["status", "closed_at", "closed_by", "close_reason"])
    else:
        entitlement.status = EntitlementStatus.PARTLY_PAID
    entitlement.save(update_fields=["paid_accepted", "status", "updated_at"])


def _pending_payment(payment_id: int, entitlements) -> tuple[Finding, Entitlement, Payment]:
    entitlement_id = (
        Payment.objects.filter(pk=payment_id, entitlement__in=entitlements)
        .values_list("entitlement_id", flat=True)
        .first()
    )
    if entitlement_id is None:
        raise NotFound()
    finding, entitlement = _locked(entitlement_id)
    payment = Payment.objects.select_for_update().get(pk=payment_id)
    if payment.answer != PaymentAnswer.PENDING:
        raise MoveNotAllowed(
            _("This payment was already answered: %(answer)s.")
            % {"answer": figures.quoted(payment.get_answer_display())}
        )
    return finding, entitlement, payment


def answer_payment(*, case: Placement, payment_id: int, answer: str) -> Payment:
    """The worker, found by the key of one of their cases, says whether a payment on any of
    their cases reached them. Confirmed, it counts against what is owed."""
    if answer not in ANSWERS:
        raise RequirementsUnmet([_("Answer “confirmed” or “disputed”.")])
    worker_cases = Placement.objects.filter(pk=case.pk).values("worker_id")
    mine = Entitlement.objects.filter(placement__worker_id__in=worker_cases)
    with transaction.atomic(durable=True):
        finding, entitlement, payment = _pending_payment(payment_id, mine)
        payment.answer = answer
        payment.answered_at = timezone.now()
        payment.save(update_fields=["answer", "answered_at"])
        if answer == PaymentAnswer.CONFIRMED:
            _accept(finding, entitlement, payment, None)
    return payment


def accept_unanswered_payment(*, actor: Actor, payment_id: int, reason: str) -> Payment:
    """An official counts a payment the worker left unanswered for `WAGE_ANSWER_DAYS`, giving
    the reason (a bank statement seen, the worker reached by phone)."""
    if not actor.is_official:
        raise ActionForbidden(_("Only officials accept a payment for the worker."))
    reason = (reason or "").strip()
    if not reason:
        raise RequirementsUnmet([_("A reason is needed to accept a payment for the worker.")])
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        finding, entitlement, payment = _pending_payment(payment_id, entitlements_visible_to(actor))
        silent_until = payment.recorded_at + timedelta(days=settings.WAGE_ANSWER_DAYS)
        if timezone.now() < silent_until:
            raise MoveNotAllowed(
                _("The worker has until %(day)s to answer; accept it only after that.")
                % {"day": figures.day(timezone.localtime(silent_until).date())}
            )
        payment.answer = PaymentAnswer.ACCEPTED
        payment.answered_at = timezone.now()
        payment.accepted_by_id = actor.user_id
        payment.accept_reason = reason
        payment.save(update_fields=["answer", "answered_at", "accepted_by", "accept_reason"])
        _accept(finding, entitlement, payment, actor.user_id)
    return payment


def waive_entitlement(*, actor: Actor, entitlement_id: int, reason: str) -> Entitlement:
    """An official decides the amount is not owed after all; the finding is waived with it."""
    if not actor.is_official:
        raise ActionForbidden(_("Only officials waive what is owed."))
    reason = (reason or "").strip()
    if not reason:
        raise RequirementsUnmet([_("A reason is needed to waive what is owed.")])
    if not entitlements_visible_to(actor).filter(pk=entitlement_id).exists():
        raise NotFound()
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        finding, entitlement = _locked(entitlement_id)
        if entitlement.status not in (EntitlementStatus.OPEN, EntitlementStatus.PARTLY_PAID):
            raise MoveNotAllowed(
                _("This amount is already %(status)s.")
                % {"status": entitlement.get_status_display().lower()}
            )
        waive(actor, entitlement, reason)
        if finding.status in OPEN_FINDING_STATUSES:
            finding.status = FindingStatus.WAIVED
            finding.closed_by_id = actor.user_id
            finding.closed_at = timezone.now()
            finding.close_reason = reason
            finding.save(update_fields=["status", "closed_by", "closed_at", "close_reason"])
    return entitlement
