"""Grievances a worker files about their own case, without an account."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from workers.models import Grievance, Placement
from workers.references import new_reference

ACKNOWLEDGE_WITHIN = timedelta(days=3)
RESOLVE_WITHIN = timedelta(days=30)
RECEIPT_PREFIX = "GRV"
_RECEIPT_ATTEMPTS = 5


def file_grievance(*, placement: Placement, category: str, description: str) -> Grievance:
    """Record a worker's complaint under a new receipt number. Officials must acknowledge it
    within 3 days and resolve it within 30; the employer learns of it only when an official
    shares it. The caller has already matched the case to the worker's date of birth."""
    now = timezone.now()
    for attempt in range(_RECEIPT_ATTEMPTS):
        try:
            with transaction.atomic():
                return Grievance.objects.create(
                    receipt=new_reference(RECEIPT_PREFIX),
                    placement=placement,
                    category=category,
                    description=description,
                    acknowledgement_due=now + ACKNOWLEDGE_WITHIN,
                    resolution_due=now + RESOLVE_WITHIN,
                )
        except IntegrityError:
            # 35 random bits make a repeated receipt rare; draw another one.
            if attempt == _RECEIPT_ATTEMPTS - 1:
                raise
