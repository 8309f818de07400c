"""Reads the compliance pages and API share, each scoped to its user (out of scope is 404).

Every rule fails closed: an anonymous user, an unknown role or a user with two memberships
gets an empty queryset.
"""

from django.db.models import QuerySet

from compliance.models import InsuranceCover, SafetyRecord, WageReport
from workers.placements.selectors import placements_visible_to


def _evidence_visible_to(model, user):
    return model.objects.filter(placement__in=placements_visible_to(user)).select_related(
        "placement"
    )


def wage_reports_visible_to(user) -> QuerySet[WageReport]:
    return _evidence_visible_to(WageReport, user)


def safety_records_visible_to(user) -> QuerySet[SafetyRecord]:
    return _evidence_visible_to(SafetyRecord, user)


def insurance_covers_visible_to(user) -> QuerySet[InsuranceCover]:
    return _evidence_visible_to(InsuranceCover, user)
