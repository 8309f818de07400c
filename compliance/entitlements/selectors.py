"""Reads of what is owed: scoped like the findings they come from, and the worker's own."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from compliance.entitlements import compensation
from compliance.entitlements.models import (
    ACCEPTED_ANSWERS,
    OWED_STATUSES,
    Entitlement,
    KeyRate,
    Payment,
    PaymentAnswer,
)
from compliance.findings.selectors import findings_visible_to
from mobility import figures
from workers.models import Placement


def entitlements_visible_to(user) -> QuerySet[Entitlement]:
    """An entitlement is seen by whoever sees its finding (`findings_visible_to`)."""
    return Entitlement.objects.filter(finding__in=findings_visible_to(user)).select_related(
        "placement__job_order__employer", "placement__agency", "finding__rule"
    )


def with_payments(entitlements: QuerySet[Entitlement]) -> QuerySet[Entitlement]:
    return entitlements.prefetch_related(
        Prefetch("payments", queryset=Payment.objects.order_by("paid_on", "pk"))
    )


def key_rates() -> list[tuple[date, Decimal]]:
    """Every key rate, oldest first: one read for a whole list of entitlements."""
    return list(
        KeyRate.objects.order_by("effective_from").values_list("effective_from", "rate_pct")
    )


@dataclass(frozen=True)
class Compensation:
    stretches: list[compensation.Stretch]
    total: Decimal


def compensation_of(
    entitlement: Entitlement, rates: list[tuple[date, Decimal]], until: date | None = None
) -> Compensation | None:
    """Art. 236 compensation on a wage entitlement (None for one that earns none), from its
    prefetched payments: those accepted count from the day after they were paid."""
    if not entitlement.is_wage or entitlement.due_on is None:
        return None
    accepted = [
        (payment.paid_on, payment.amount)
        for payment in entitlement.payments.all()
        if payment.answer in ACCEPTED_ANSWERS
    ]
    found = compensation.stretches(
        owed=entitlement.amount_owed,
        due_on=entitlement.due_on,
        payments=accepted,
        rates=rates,
        until=until or timezone.localdate(),
    )
    return Compensation(found, compensation.total(found))


def owed_to_worker(case: Placement) -> list[Entitlement]:
    """Everything still owed on any case of the worker of `case` (ended ones too, wherever
    the worker now lives), and what waits for the worker's answer, oldest first."""
    worker_cases = Placement.objects.filter(pk=case.pk).values("worker_id")
    waiting = Q(payments__answer=PaymentAnswer.PENDING)
    return list(
        with_payments(
            Entitlement.objects.filter(placement__worker_id__in=worker_cases)
            .filter(Q(status__in=OWED_STATUSES) | waiting)
            .select_related("placement")
            .distinct()
            .order_by("created_at", "pk")
        )
    )


def period_label(period: str) -> str:
    """ "2025-10" as the reader's language names the month; any other period as it is."""
    try:
        return figures.month(date.fromisoformat(f"{period}-01"))
    except ValueError:
        return period


def worker_ledger(case: Placement) -> dict:
    """What the worker reads about the money owed to them, in the active language: amounts,
    who owes them, and the payments to confirm; no staff names, no internal notes."""
    rates = key_rates()
    entitlements = []
    for entitlement in owed_to_worker(case):
        found = compensation_of(entitlement, rates)
        entitlements.append(
            {
                "reference": entitlement.placement.reference,
                "kind": entitlement.kind,
                "kind_label": str(entitlement.get_kind_display()),
                "period": entitlement.period,
                "period_label": period_label(entitlement.period),
                "currency": entitlement.currency,
                "amount_owed": entitlement.amount_owed,
                "paid_accepted": entitlement.paid_accepted,
                "outstanding": entitlement.outstanding,
                "compensation_rub": None if found is None else found.total,
                "owed_by": entitlement.owed_by,
                "owed_by_label": str(entitlement.get_owed_by_display()),
                "status": entitlement.status,
                "status_label": str(entitlement.get_status_display()),
                "payments": [
                    {
                        "id": payment.pk,
                        "amount": payment.amount,
                        "paid_on": payment.paid_on,
                        "method": payment.method,
                        "method_label": str(payment.get_method_display()),
                        "answer": payment.answer,
                        "answer_label": str(payment.get_answer_display()),
                    }
                    for payment in entitlement.payments.all()
                ],
            }
        )
    return {"reference": case.reference, "entitlements": entitlements}
