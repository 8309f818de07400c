"""The case lifecycle of SPEC §5 as one table.

Each `Move` says from which statuses it starts, where it goes, which roles may make it, which
body fields it needs, which requirements must hold and what it writes. The service
(`workers.services.transition_placement`), the API, the page buttons and the tests all read
this table; nothing else decides whether a move is allowed.

Roles are relative to the case: "agency" is staff of the case's agency, "employer" is staff of
the employer whose job order it is, "official" is an official (or superuser) who can see it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext_noop

from compliance.rulebook.selectors import check_job_terms
from employers.models import JobOrderStatus, SponsorshipStatus
from employers.sponsorship.selectors import quota_in_use
from mobility.access import Actor, Role
from workers.models import AgencyStatus, DocumentKind, Placement, VerificationStatus
from workers.models import PlacementStatus as S

AGENCY, EMPLOYER, OFFICIAL = "agency", "employer", "official"

TERMINAL_STATUSES = (S.COMPLETED, S.TERMINATED, S.REJECTED, S.WITHDRAWN, S.REPATRIATED)
# Emigration clearance asks for a passport valid six months beyond the stay.
PASSPORT_MARGIN_MONTHS = 6
MEDICAL_CERTIFICATE_MAX_AGE_DAYS = 90

Check = Callable[[Placement, dict, date], list[str]]


@dataclass(frozen=True)
class Move:
    sources: tuple[str, ...]
    to: str
    roles: tuple[str, ...]
    fields: tuple[str, ...] = ()
    requirements: tuple[Check, ...] = ()
    # The worker-visible timeline message: an English msgid, translated when shown.
    message: str = ""
    # Field names of the body mapped onto the case when they differ from the model's.
    writes: dict[str, str] = field(default_factory=dict)
    locks_employer: bool = False

    @property
    def label(self) -> str:
        return S(self.to).label


# --- requirements --------------------------------------------------------------------------


def _worker_documents(placement: Placement, kind: str):
    return placement.worker.documents.filter(kind=kind).exclude(
        verification_status=VerificationStatus.REJECTED
    )


def worker_consented(placement, data, today):
    if placement.worker.consent_at is None:
        return ["The worker has not consented to the processing of their data."]
    return []


def passport_valid_long_enough(placement, data, today):
    months = PASSPORT_MARGIN_MONTHS + placement.job_order.contract_months
    needed = today + relativedelta(months=months)
    if placement.worker.passport_expiry < needed:
        return [
            f"The passport expires on {placement.worker.passport_expiry.isoformat()}; it must be "
            f"valid until at least {needed.isoformat()} ({PASSPORT_MARGIN_MONTHS} months past "
            f"the {placement.job_order.contract_months}-month contract)."
        ]
    return []


def passport_uploaded(placement, data, today):
    if not _worker_documents(placement, DocumentKind.PASSPORT).exists():
        return ["A copy of the passport has not been uploaded."]
    return []


def medical_certificate_recent(placement, data, today):
    oldest = today - timedelta(days=MEDICAL_CERTIFICATE_MAX_AGE_DAYS)
    recent = _worker_documents(placement, DocumentKind.MEDICAL_CERTIFICATE).filter(
        issued_on__gte=oldest, issued_on__lte=today
    )
    if not recent.exists():
        return [
            "A medical certificate issued in the last "
            f"{MEDICAL_CERTIFICATE_MAX_AGE_DAYS} days (on or after {oldest.isoformat()}) "
            "has not been uploaded."
        ]
    return []


def job_order_open(placement, data, today):
    if placement.job_order.status != JobOrderStatus.OPEN:
        return [f"The job order is {placement.job_order.get_status_display().lower()}, not open."]
    return []


def agency_active(placement, data, today):
    problems = []
    agency = placement.agency
    if agency.status != AgencyStatus.ACTIVE:
        problems.append(f"The agency is {agency.get_status_display().lower()}, not active.")
    if agency.licence_valid_until < today:
        problems.append(f"The agency's licence expired on {agency.licence_valid_until}.")
    return problems


def contract_document_uploaded(placement, data, today):
    if not placement.documents.filter(kind=DocumentKind.CONTRACT).exists():
        return ["The signed employment contract has not been uploaded to the case."]
    return []


def contract_dates_in_order(placement, data, today):
    if data["contract_end"] <= data["contract_start"]:
        return ["The contract must end after it starts."]
    return []


def contract_terms_lawful(placement, data, today):
    violations = check_job_terms(
        region=placement.job_order.work_region,
        on=data["contract_start"],
        monthly_wage_rub=data["contract_wage_rub"],
        hours_per_week=data["contract_hours_per_week"],
    )
    return [violation.as_text() for violation in violations]


def contract_no_worse_than_job_order(placement, data, today):
    job = placement.job_order
    problems = []
    if data["contract_wage_rub"] < job.monthly_wage_rub:
        problems.append(
            f"The contract wage of {data['contract_wage_rub']} RUB is below the job order's "
            f"{job.monthly_wage_rub} RUB (contract substitution)."
        )
    if data["contract_hours_per_week"] > job.hours_per_week:
        problems.append(
            f"The contract's {data['contract_hours_per_week']} hours a week exceed the job "
            f"order's {job.hours_per_week} (contract substitution)."
        )
    return problems


def employer_approved_and_under_quota(placement, data, today):
    employer = placement.job_order.employer
    if employer.sponsorship_status != SponsorshipStatus.APPROVED:
        return [
            f"The employer's sponsorship is {employer.get_sponsorship_status_display().lower()}, "
            "not approved."
        ]
    used = quota_in_use(employer.pk)
    if used >= employer.quota:
        return [f"The employer's quota of {employer.quota} workers is used up ({used} in place)."]
    return []


def permit_dates_in_order(placement, data, today):
    if data["work_permit_valid_until"] <= data["work_permit_valid_from"]:
        return ["The work permit must expire after it becomes valid."]
    return []


def permit_valid_on_contract_start(placement, data, today):
    start = placement.contract_start
    if not data["work_permit_valid_from"] <= start <= data["work_permit_valid_until"]:
        return [f"The work permit is not valid on the contract start date ({start.isoformat()})."]
    return []


def arrival_after_departure(placement, data, today):
    if placement.departure_date and data["arrival_date"] < placement.departure_date:
        return [f"The arrival date is before the departure date ({placement.departure_date})."]
    return []


def employment_after_arrival(placement, data, today):
    if placement.arrival_date and data["employment_start"] < placement.arrival_date:
        return [f"Employment cannot start before the arrival date ({placement.arrival_date})."]
    return []


def safety_induction_recorded(placement, data, today):
    # compliance.SafetyRecord is read through its reverse relation: workers may not import it.
    start = data["employment_start"]
    if not placement.safety_records.filter(kind="induction", date__lte=start).exists():
        return [f"No safety induction is recorded on or before {start.isoformat()}."]
    return []


def end_after_employment_start(placement, data, today):
    if placement.employment_start and data["end_date"] < placement.employment_start:
        return [f"The end date is before the employment start ({placement.employment_start})."]
    return []


# --- the table -----------------------------------------------------------------------------

PRE_DEPARTURE = (S.DRAFT, S.SUBMITTED, S.ACCEPTED, S.CONTRACT_SIGNED, S.VISA_ISSUED)

MOVES: tuple[Move, ...] = (
    Move(
        (S.DRAFT,),
        S.SUBMITTED,
        (AGENCY,),
        requirements=(
            worker_consented,
            passport_valid_long_enough,
            passport_uploaded,
            medical_certificate_recent,
            job_order_open,
            agency_active,
        ),
        message=gettext_noop("Your application was sent to the employer."),
    ),
    Move(
        (S.SUBMITTED,),
        S.ACCEPTED,
        (EMPLOYER,),
        message=gettext_noop("The employer accepted your application."),
    ),
    Move(
        (S.SUBMITTED,),
        S.REJECTED,
        (EMPLOYER,),
        fields=("reason",),
        message=gettext_noop("The employer did not accept your application."),
        writes={"reason": "termination_reason"},
    ),
    Move(
        (S.ACCEPTED,),
        S.CONTRACT_SIGNED,
        (EMPLOYER,),
        fields=("contract_wage_rub", "contract_hours_per_week", "contract_start", "contract_end"),
        requirements=(
            contract_document_uploaded,
            contract_dates_in_order,
            contract_terms_lawful,
            contract_no_worse_than_job_order,
            employer_approved_and_under_quota,
        ),
        message=gettext_noop("Your employment contract was signed."),
        locks_employer=True,
    ),
    Move(
        (S.CONTRACT_SIGNED,),
        S.VISA_ISSUED,
        (AGENCY, OFFICIAL),
        fields=(
            "visa_number",
            "work_permit_number",
            "work_permit_valid_from",
            "work_permit_valid_until",
        ),
        requirements=(permit_dates_in_order, permit_valid_on_contract_start),
        message=gettext_noop("Your visa and work permit were issued."),
    ),
    Move(
        (S.VISA_ISSUED,),
        S.DEPARTED,
        (AGENCY,),
        fields=("departure_date",),
        message=gettext_noop("You left India for Russia."),
    ),
    Move(
        (S.DEPARTED,),
        S.ARRIVED,
        (EMPLOYER, OFFICIAL),
        fields=("arrival_date",),
        requirements=(arrival_after_departure,),
        message=gettext_noop("You arrived in Russia."),
    ),
    Move(
        (S.ARRIVED,),
        S.EMPLOYED,
        (EMPLOYER,),
        fields=("employment_start",),
        requirements=(employment_after_arrival, safety_induction_recorded),
        message=gettext_noop("Your employment has started."),
    ),
    Move(
        (S.EMPLOYED,),
        S.COMPLETED,
        (EMPLOYER, OFFICIAL),
        fields=("end_date",),
        requirements=(end_after_employment_start,),
        message=gettext_noop("Your contract was completed."),
    ),
    Move(
        (S.EMPLOYED,),
        S.TERMINATED,
        (EMPLOYER, OFFICIAL),
        fields=("end_date", "reason"),
        requirements=(end_after_employment_start,),
        message=gettext_noop("Your contract was ended early."),
        writes={"reason": "termination_reason"},
    ),
    Move(
        (S.ARRIVED, S.EMPLOYED),
        S.REPATRIATED,
        (OFFICIAL,),
        fields=("reason",),
        message=gettext_noop("You were brought back home to India."),
        writes={"reason": "termination_reason"},
    ),
    Move(
        PRE_DEPARTURE,
        S.WITHDRAWN,
        (AGENCY, OFFICIAL),
        fields=("reason",),
        message=gettext_noop("Your case was withdrawn."),
        writes={"reason": "termination_reason"},
    ),
)

CASE_OPENED_MESSAGE = gettext_noop("Your case was opened by your recruitment agency.")


# --- public helpers ------------------------------------------------------------------------


def moves_from(status: str) -> list[Move]:
    """Every move the table has from `status`, whoever makes it."""
    return [move for move in MOVES if status in move.sources]


def move_for(status: str, to: str) -> Move | None:
    return next((move for move in moves_from(status) if move.to == to), None)


def role_on(placement: Placement, actor: Actor) -> str | None:
    """The role `actor` plays on this case, or None. Scope (may the actor see the case at all)
    is the selectors' job; this only tells an agency's staff from an employer's."""
    if actor.is_official:
        return OFFICIAL
    if actor.role == Role.AGENCY and actor.agency_id == placement.agency_id:
        return AGENCY
    if actor.role == Role.EMPLOYER and actor.employer_id == placement.job_order.employer_id:
        return EMPLOYER
    return None


def may_make(move: Move, placement: Placement, actor: Actor) -> bool:
    return role_on(placement, actor) in move.roles


def allowed_moves(placement: Placement, actor: Actor) -> list[Move]:
    """The moves this actor may make on the case now (requirements are checked on the move)."""
    return [move for move in moves_from(placement.status) if may_make(move, placement, actor)]


def unmet_requirements(move: Move, placement: Placement, data: dict, today: date) -> list[str]:
    """Every unmet requirement of the move, each in words; empty when the move may go ahead."""
    problems: list[str] = []
    for check in move.requirements:
        problems.extend(check(placement, data, today))
    return problems


def open_requirements(move: Move, placement: Placement, today: date) -> list[str] | None:
    """For a move without body fields, what still stands in its way (empty: nothing); None for
    a move whose requirements depend on the values it will be given."""
    if move.fields:
        return None
    return unmet_requirements(move, placement, {}, today)


def is_terminal(status: str) -> bool:
    return status in TERMINAL_STATUSES
