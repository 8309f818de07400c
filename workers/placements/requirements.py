"""The requirements the lifecycle table (`workers.placements.lifecycle`) names for its moves.

Each takes the case, the move's cleaned body fields and today's date, and answers every unmet
requirement as a sentence of the reader's language, its figures (dates, roubles, hours)
written as that language writes them (`mobility.figures`); empty when the requirement holds.
"""

from collections.abc import Callable
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from compliance.rulebook.selectors import check_job_terms
from employers.models import JobOrderStatus, SponsorshipStatus
from employers.sponsorship.selectors import quota_in_use
from mobility import figures
from workers.models import AgencyStatus, Document, DocumentKind, Placement, VerificationStatus

# Emigration clearance asks for a passport valid six months beyond the stay.
PASSPORT_MARGIN_MONTHS = 6
MEDICAL_CERTIFICATE_MAX_AGE_DAYS = 90
# A work permit runs at most three years (a highly qualified specialist's, Federal Law 115-FZ
# art. 13.2); with the contract start inside it, that keeps both dates near the case's own.
PERMIT_MAX_YEARS = 3

Check = Callable[[Placement, dict, date], list[str]]


def _worker_documents(placement: Placement, kind: str) -> list[Document]:
    # A worker has a handful of papers: read them all, or take them from a prefetch when a
    # list of cases is checked at once (the agency's inbox).
    return [
        document
        for document in placement.worker.documents.all()
        if document.kind == kind and document.verification_status != VerificationStatus.REJECTED
    ]


def worker_consented(placement: Placement, data: dict, today: date) -> list[str]:
    if placement.worker.consent_at is None:
        return [_("The worker has not consented to the processing of their data.")]
    return []


def _months(count: int) -> str:
    return ngettext("%(count)s month", "%(count)s months", count) % {"count": count}


def passport_valid_long_enough(placement: Placement, data: dict, today: date) -> list[str]:
    contract_months = placement.job_order.contract_months
    needed = today + relativedelta(months=PASSPORT_MARGIN_MONTHS + contract_months)
    if placement.worker.passport_expiry < needed:
        margin = ngettext(
            "%(count)s month past the contract of %(months)s",
            "%(count)s months past the contract of %(months)s",
            PASSPORT_MARGIN_MONTHS,
        ) % {"count": PASSPORT_MARGIN_MONTHS, "months": _months(contract_months)}
        return [
            _(
                "The passport expires on %(expiry)s; it must be valid until at least "
                "%(needed)s (%(margin)s)."
            )
            % {
                "expiry": figures.day(placement.worker.passport_expiry),
                "needed": figures.day(needed),
                "margin": margin,
            }
        ]
    return []


def passport_uploaded(placement: Placement, data: dict, today: date) -> list[str]:
    if not _worker_documents(placement, DocumentKind.PASSPORT):
        return [_("A copy of the passport has not been uploaded.")]
    return []


def medical_certificate_recent(placement: Placement, data: dict, today: date) -> list[str]:
    oldest = today - timedelta(days=MEDICAL_CERTIFICATE_MAX_AGE_DAYS)
    recent = [
        document
        for document in _worker_documents(placement, DocumentKind.MEDICAL_CERTIFICATE)
        if document.issued_on is not None and oldest <= document.issued_on <= today
    ]
    if not recent:
        return [
            ngettext(
                "A medical certificate issued in the last %(count)s day (on or after "
                "%(oldest)s) has not been uploaded.",
                "A medical certificate issued in the last %(count)s days (on or after "
                "%(oldest)s) has not been uploaded.",
                MEDICAL_CERTIFICATE_MAX_AGE_DAYS,
            )
            % {"count": MEDICAL_CERTIFICATE_MAX_AGE_DAYS, "oldest": figures.day(oldest)}
        ]
    return []


def job_order_open(placement: Placement, data: dict, today: date) -> list[str]:
    if placement.job_order.status != JobOrderStatus.OPEN:
        return [
            _("The job order is %(status)s, not open.")
            % {"status": placement.job_order.get_status_display().lower()}
        ]
    return []


def agency_active(placement: Placement, data: dict, today: date) -> list[str]:
    problems = []
    agency = placement.agency
    if agency.status != AgencyStatus.ACTIVE:
        problems.append(
            _("The agency is %(status)s, not active.")
            % {"status": agency.get_status_display().lower()}
        )
    if agency.licence_valid_until < today:
        problems.append(
            _("The agency's licence expired on %(date)s.")
            % {"date": figures.day(agency.licence_valid_until)}
        )
    return problems


def contract_document_uploaded(placement: Placement, data: dict, today: date) -> list[str]:
    if not placement.documents.filter(kind=DocumentKind.CONTRACT).exists():
        return [_("The signed employment contract has not been uploaded to the case.")]
    return []


def contract_dates_in_order(placement: Placement, data: dict, today: date) -> list[str]:
    if data["contract_end"] <= data["contract_start"]:
        return [_("The contract must end after it starts.")]
    return []


def contract_terms_lawful(placement: Placement, data: dict, today: date) -> list[str]:
    violations = check_job_terms(
        region=placement.job_order.work_region,
        on=data["contract_start"],
        monthly_wage_rub=data["contract_wage_rub"],
        hours_per_week=data["contract_hours_per_week"],
    )
    return [violation.as_text() for violation in violations]


def contract_no_worse_than_job_order(placement: Placement, data: dict, today: date) -> list[str]:
    job = placement.job_order
    problems = []
    if data["contract_wage_rub"] < job.monthly_wage_rub:
        problems.append(
            _(
                "Contract substitution: the contract wage of %(contract)s is below the job "
                "order's %(job_order)s."
            )
            % {
                "contract": figures.roubles(data["contract_wage_rub"]),
                "job_order": figures.roubles(job.monthly_wage_rub),
            }
        )
    if data["contract_hours_per_week"] > job.hours_per_week:
        problems.append(
            _(
                "Contract substitution: the contract's %(contract)s a week exceed the job "
                "order's %(job_order)s."
            )
            % {
                "contract": figures.hours(data["contract_hours_per_week"]),
                "job_order": figures.hours(job.hours_per_week),
            }
        )
    return problems


def employer_approved_and_under_quota(placement: Placement, data: dict, today: date) -> list[str]:
    employer = placement.job_order.employer
    if employer.sponsorship_status != SponsorshipStatus.APPROVED:
        return [
            _("The employer's sponsorship is %(status)s, not approved.")
            % {"status": employer.get_sponsorship_status_display().lower()}
        ]
    used = quota_in_use(employer.pk)
    if used >= employer.quota:
        return [
            ngettext(
                "The employer's quota of %(quota)s worker is used up (%(used)s in place).",
                "The employer's quota of %(quota)s workers is used up (%(used)s in place).",
                employer.quota,
            )
            % {"quota": figures.number(employer.quota), "used": figures.number(used)}
        ]
    return []


def permit_dates_plausible(placement: Placement, data: dict, today: date) -> list[str]:
    valid_from, valid_until = data["work_permit_valid_from"], data["work_permit_valid_until"]
    if valid_until <= valid_from:
        return [_("The work permit must expire after it becomes valid.")]
    if valid_until > valid_from + relativedelta(years=PERMIT_MAX_YEARS):
        return [_("A work permit is valid for at most three years; check the end date.")]
    return []


def permit_valid_on_contract_start(placement: Placement, data: dict, today: date) -> list[str]:
    start = placement.contract_start
    if not data["work_permit_valid_from"] <= start <= data["work_permit_valid_until"]:
        return [
            _("The work permit is not valid on the contract start date (%(date)s).")
            % {"date": figures.day(start)}
        ]
    return []


def arrival_after_departure(placement: Placement, data: dict, today: date) -> list[str]:
    if placement.departure_date and data["arrival_date"] < placement.departure_date:
        return [
            _("The arrival date is before the departure date (%(date)s).")
            % {"date": figures.day(placement.departure_date)}
        ]
    return []


def employment_after_arrival(placement: Placement, data: dict, today: date) -> list[str]:
    if placement.arrival_date and data["employment_start"] < placement.arrival_date:
        return [
            _("Employment cannot start before the arrival date (%(date)s).")
            % {"date": figures.day(placement.arrival_date)}
        ]
    return []


def safety_induction_recorded(placement: Placement, data: dict, today: date) -> list[str]:
    # compliance.SafetyRecord is read through its reverse relation: workers may not import it.
    start = data["employment_start"]
    if not placement.safety_records.filter(kind="induction", date__lte=start).exists():
        return [
            _("No safety induction is recorded on or before %(date)s.")
            % {"date": figures.day(start)}
        ]
    return []


def end_after_employment_start(placement: Placement, data: dict, today: date) -> list[str]:
    if placement.employment_start and data["end_date"] < placement.employment_start:
        return [
            _("The end date is before the employment start (%(date)s).")
            % {"date": figures.day(placement.employment_start)}
        ]
    return []
