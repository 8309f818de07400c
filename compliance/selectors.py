"""Reads the compliance pages and API share, each scoped to its user (out of scope is 404).

Every rule fails closed: an anonymous user, an unknown role or a user with two memberships
gets an empty queryset.
"""

from django.db.models import Q, QuerySet

from compliance.models import Finding, InsuranceCover, SafetyRecord, WageReport, WatchlistEntry
from mobility.access import Role, actor_for
from workers.models import Grievance, PlacementStatus
from workers.selectors import placements_visible_to


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


def findings_visible_to(user) -> QuerySet[Finding]:
    """Agencies: findings on their cases or on the agency itself; employers: on cases of their
    job orders or on the employer itself; officials: all. A region-limited official sees the
    findings on cases working in those regions and on employers there; findings about an
    agency or a worker alone carry no Russian region and stay visible to every official."""
    actor = actor_for(user)
    findings = Finding.objects.select_related(
        "rule",
        "placement__job_order__employer",
        "employer",
        "agency",
        "worker",
        "closed_by",
    )
    if actor.is_official:
        if not actor.is_region_limited:
            return findings
        return findings.filter(
            Q(placement__job_order__work_region__in=actor.regions)
            | Q(placement__isnull=True, employer__region__in=actor.regions)
            | Q(placement__isnull=True, employer__isnull=True)
        )
    if actor.role == Role.AGENCY:
        return findings.filter(
            Q(placement__agency_id=actor.agency_id) | Q(agency_id=actor.agency_id)
        )
    if actor.role == Role.EMPLOYER:
        return findings.filter(
            (
                Q(placement__job_order__employer_id=actor.employer_id)
                & ~Q(placement__status=PlacementStatus.DRAFT)
            )
            | Q(employer_id=actor.employer_id)
        )
    return findings.none()


def grievances_visible_to(user) -> QuerySet[Grievance]:
    """Officials: all in their regions; employers: those about cases on their job orders (who
    filed one is hidden until an official shares it; the API shows less then); agencies and
    anyone else: none."""
    actor = actor_for(user)
    grievances = Grievance.objects.select_related(
        "placement__job_order__employer", "placement__worker", "assignee"
    )
    if actor.is_official:
        if actor.is_region_limited:
            return grievances.filter(placement__job_order__work_region__in=actor.regions)
        return grievances
    if actor.role == Role.EMPLOYER:
        return grievances.filter(placement__job_order__employer_id=actor.employer_id)
    return grievances.none()


def watchlist_visible_to(user) -> QuerySet[WatchlistEntry]:
    """The watchlist is the officials' own tool; nobody else sees it."""
    if actor_for(user).is_official:
        return WatchlistEntry.objects.select_related("added_by")
    return WatchlistEntry.objects.none()
