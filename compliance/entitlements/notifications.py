"""What the ledger tells the worker: by SMS, that a payment to them was recorded, so that they
confirm or dispute it on /status/ (it counts only once they do)."""

from django.conf import settings

from compliance.entitlements.closing import amount_in_words
from compliance.entitlements.models import Payment
from mobility.notifications.events import Event
from mobility.notifications.services import notify


def tell_payment_recorded(payment: Payment) -> None:
    """Inside the recording transaction: the SMS exists exactly when the payment does."""
    placement = payment.entitlement.placement
    notify(
        Event.PAYMENT_RECORDED,
        placement.worker,
        {
            "reference": placement.reference,
            "amount": lambda: amount_in_words(payment.entitlement, payment.amount),
            "url": f"{settings.SITE_URL}/status/",
        },
        key=f"payment:{payment.pk}",
        case_id=placement.pk,
    )
