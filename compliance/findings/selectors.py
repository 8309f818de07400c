from django.db.models import Exists, OuterRef, Q, QuerySet

from compliance.models import OPEN_FINDING_STATUSES, Finding, WageAnswer
from compliance.rulebook.models import Category
from employers.sponsorship.selectors import employers_visible_to
from mobility.access import Role, actor_for
from workers.agencies.selectors import agencies_visible_to
from workers.models import Grievance
from workers.placements.selectors import placements_visible_to

# A grievance's clock finding names the case, so the worker, that complained: only officials
# read it, and the employer once an official has shared the grievance with it (SPEC §3).
ABOUT_A_GRIEVANCE = Q(rule__category=Category.GRIEVANCES)
# A worker's wage dispute tells who spoke up about their pay: the employer and the agency read
# it only once an official shares it (compliance/wage_answers/services.py).
WORKERS_DISPUTE = Q(rule__code="WAGE_DISPUTED_BY_WORKER")


def _shared_dispute() -> Exists:
    return Exists(
        WageAnswer.objects.filter(finding=OuterRef("pk"), grievance__shared_with_employer=True)
    )


def findings_visible_to(user) -> QuerySet[Finding]:
    """A finding about a case is seen by whoever sees the case (`placements_visible_to`);
    agencies also see the findings about the agency itself and its workers, employers those
    about the employer itself, region-limited officials those about employers in their
    regions. Findings about an agency or a worker alone carry no Russian region and stay
    visible to every official. A grievance's clock finding is the officials' alone until the
    grievance is shared with the employer; the agency never reads it. A worker's wage dispute
    is the officials' alone until one of them shares it."""
    actor = actor_for(user)
    findings = Finding.objects.select_related(
        "rule",
        "placement__job_order__employer",
        "employer",
        "agency",
        "worker",
        "closed_by",
    )
    if actor.is_official and not actor.is_region_limited:
        return findings
    about_a_case = Q(placement__in=placements_visible_to(user))
    if actor.is_official:
        return findings.filter(
            about_a_case
            | Q(placement__isnull=True, employer__in=employers_visible_to(user))
            | Q(placement__isnull=True, employer__isnull=True)
        )
    if actor.role == Role.AGENCY:
        return (
            findings.filter(
                about_a_case | Q(placement__isnull=True, agency__in=agencies_visible_to(user))
            )
            .exclude(ABOUT_A_GRIEVANCE)
            .filter(~WORKERS_DISPUTE | _shared_dispute())
        )
    if actor.role == Role.EMPLOYER:
        shared = Exists(
            Grievance.objects.filter(
                receipt=OuterRef("period"),
                placement=OuterRef("placement"),
                shared_with_employer=True,
            )
        )
        return (
            findings.filter(
                about_a_case | Q(placement__isnull=True, employer__in=employers_visible_to(user))
            )
            .filter(~ABOUT_A_GRIEVANCE | shared)
            .filter(~WORKERS_DISPUTE | _shared_dispute())
        )
    return findings.none()


# Where a finding belongs, for filters and dashboard figures alike: a finding about a case by
# the case's job (its work region, its employer), any other by its own employer or agency.
def in_region(region: str) -> Q:
    return Q(placement__job_order__work_region=region) | Q(
        placement__isnull=True, employer__region=region
    )


def in_sector(sector: str) -> Q:
    return Q(placement__job_order__employer__sector=sector) | Q(
        placement__isnull=True, employer__sector=sector
    )


def of_employer(employer_id: int) -> Q:
    return Q(employer_id=employer_id) | Q(placement__job_order__employer_id=employer_id)


def of_agency(agency_id: int) -> Q:
    return Q(agency_id=agency_id) | Q(placement__agency_id=agency_id)


def open_findings(user) -> QuerySet[Finding]:
    """The findings of `user`'s scope still open (open or acknowledged), the soonest due first:
    what the person has to answer or handle."""
    return (
        findings_visible_to(user).filter(status__in=OPEN_FINDING_STATUSES).order_by("due_at", "pk")
    )
