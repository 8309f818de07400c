from datetime import timedelta

from django.utils import timezone

from workers.models import Grievance
from workers.placements.references import new_reference


def make_grievance(placement, *, filed_days_ago=0, **kwargs):
    filed = timezone.now() - timedelta(days=filed_days_ago)
    values = {
        "receipt": new_reference("GRV"),
        "placement": placement,
        "category": "wages",
        "description": "My October wage was not paid.",
        "acknowledgement_due": filed + timedelta(days=3),
        "resolution_due": filed + timedelta(days=30),
    }
    values.update(kwargs)
    grievance = Grievance.objects.create(**values)
    Grievance.objects.filter(pk=grievance.pk).update(created_at=filed)
    grievance.refresh_from_db()
    return grievance
