"""The case lifecycle of SPEC §5 as one table.

Each `Move` says from which statuses it starts, where it goes, which roles may make it, which
body fields it needs, which requirements must hold and what it writes. The service
(`workers.placements.services.transition_placement`), the API, the page buttons and the tests
all read this table; nothing else decides whether a move is allowed.

The requirements themselves are in `workers.placements.requirements`.

Roles are relative to the case: "agency" is staff of the case's agency, "employer" is staff of
the employer whose job order it is, "official" is an official (or superuser) who can see it.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext, gettext_noop

from mobility.access import Actor, Role
from mobility.placement_status import IN_RUSSIA, PRE_DEPARTURE, TERMINAL
from workers.models import Placement
from workers.models import PlacementStatus as S
from workers.placements.requirements import (
    Check,
    agency_active,
    arrival_after_departure,
    contract_dates_in_order,
    contract_document_uploaded,
    contract_no_worse_than_job_order,
    contract_terms_lawful,
    employer_approved_and_under_quota,
    employment_after_arrival,
    end_after_employment_start,
    job_order_open,
    medical_certificate_recent,
    passport_uploaded,
    passport_valid_long_enough,
    permit_dates_plausible,
    permit_valid_on_contract_start,
    safety_induction_recorded,
    worker_consented,
)

AGENCY, EMPLOYER, OFFICIAL = "agency", "employer", "official"


@dataclass(frozen=True)
class Move:
    sources: tuple[str, ...]
    to: str
    roles: tuple[str, ...]
    fields: tuple[str, ...] = ()
    requirements: tuple[Check, ...] = ()
    # The worker-visible timeline message: an English msgid, translated when shown.
    message: str = ""
    # The same event told to staff, in the third person (msgid).
    staff_message: str = ""
    # The button that makes the move, a verb (msgid): "Submit to the employer".
    verb: str = ""
    # A move that cannot be undone asks this question (msgid) before it is made on a page.
    confirm: str = ""
    # Field names of the body mapped onto the case when they differ from the model's.
    writes: dict[str, str] = field(default_factory=dict)
    locks_employer: bool = False
    # The move ends the case on the day it is made, when no end date is recorded yet: the
    # final wage report and the final settlement count from it (RULES.md amendments).
    ends_case: bool = False

    @property
    def label(self) -> str:
        return S(self.to).label

    @property
    def action(self) -> str:
        return gettext(self.verb) if self.verb else str(self.label)


# --- the table -----------------------------------------------------------------------------

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
        staff_message=gettext_noop("The agency sent the application to the employer."),
        verb=gettext_noop("Submit to the employer"),
    ),
    Move(
        (S.SUBMITTED,),
        S.ACCEPTED,
        (EMPLOYER,),
        message=gettext_noop("The employer accepted your application."),
        staff_message=gettext_noop("The employer accepted the application."),
        verb=gettext_noop("Accept the candidate"),
    ),
    Move(
        (S.SUBMITTED,),
        S.REJECTED,
        (EMPLOYER,),
        fields=("reason",),
        message=gettext_noop("The employer did not accept your application."),
        staff_message=gettext_noop("The employer rejected the application."),
        verb=gettext_noop("Reject the candidate"),
        confirm=gettext_noop("Reject this candidate? The case ends and cannot be reopened."),
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
        staff_message=gettext_noop("The employer recorded the signed employment contract."),
        verb=gettext_noop("Record the signed contract"),
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
            "work_permit_region",
            "work_permit_occupation",
        ),
        requirements=(permit_dates_plausible, permit_valid_on_contract_start),
        message=gettext_noop("Your visa and work permit were issued."),
        staff_message=gettext_noop("The visa and work permit were recorded as issued."),
        verb=gettext_noop("Record the visa and work permit"),
    ),
    Move(
        (S.VISA_ISSUED,),
        S.DEPARTED,
        (AGENCY,),
        fields=("departure_date",),
        message=gettext_noop("You left India for Russia."),
        staff_message=gettext_noop("The agency recorded the worker's departure from India."),
        verb=gettext_noop("Record the departure"),
    ),
    Move(
        (S.DEPARTED,),
        S.ARRIVED,
        (EMPLOYER, OFFICIAL),
        fields=("arrival_date",),
        requirements=(arrival_after_departure,),
        message=gettext_noop("You arrived in Russia."),
        staff_message=gettext_noop("The worker's arrival in Russia was confirmed."),
        verb=gettext_noop("Confirm the arrival"),
    ),
    Move(
        (S.ARRIVED,),
        S.EMPLOYED,
        (EMPLOYER,),
        fields=("employment_start",),
        requirements=(employment_after_arrival, safety_induction_recorded),
        message=gettext_noop("Your employment has started."),
        staff_message=gettext_noop("The employer recorded the start of employment."),
        verb=gettext_noop("Record the start of work"),
    ),
    Move(
        (S.EMPLOYED,),
        S.COMPLETED,
        (EMPLOYER, OFFICIAL),
        fields=("end_date",),
        requirements=(end_after_employment_start,),
        message=gettext_noop("Your contract was completed."),
        staff_message=gettext_noop("The contract was recorded as completed."),
        verb=gettext_noop("Complete the contract"),
        confirm=gettext_noop(
            "Record the contract as completed? The case closes and cannot be reopened."
        ),
    ),
    Move(
        (S.EMPLOYED,),
        S.TERMINATED,
        (EMPLOYER, OFFICIAL),
        fields=("end_date", "reason"),
        requirements=(end_after_employment_start,),
        message=gettext_noop("Your contract was ended early."),
        staff_message=gettext_noop("The contract was ended early."),
        verb=gettext_noop("End the contract early"),
        confirm=gettext_noop("End this contract early? The case closes and cannot be reopened."),
        writes={"reason": "termination_reason"},
    ),
    Move(
        IN_RUSSIA,
        S.REPATRIATED,
        (OFFICIAL,),
        fields=("reason",),
        message=gettext_noop("You were brought back home to India."),
        staff_message=gettext_noop("The worker was brought back to India."),
        verb=gettext_noop("Record the repatriation"),
        confirm=gettext_noop(
            "Record that the worker was brought back to India? The case closes for good."
        ),
        writes={"reason": "termination_reason"},
        ends_case=True,
    ),
    Move(
        PRE_DEPARTURE,
        S.WITHDRAWN,
        (AGENCY, OFFICIAL),
        fields=("reason",),
        message=gettext_noop("Your case was withdrawn."),
        staff_message=gettext_noop("The case was withdrawn."),
        verb=gettext_noop("Withdraw the case"),
        confirm=gettext_noop("Withdraw this case? It closes and cannot be reopened."),
        writes={"reason": "termination_reason"},
    ),
)

CASE_OPENED_MESSAGE = gettext_noop("Your case was opened by your recruitment agency.")
CASE_OPENED_STAFF_MESSAGE = gettext_noop("The recruitment agency opened the case.")


# --- public helpers ------------------------------------------------------------------------


def moves_from(status: str) -> list[Move]:
    """Every move the table has from `status`, whoever makes it."""
    return [move for move in MOVES if status in move.sources]


def move_for(status: str, to: str) -> Move | None:
    return next((move for move in moves_from(status) if move.to == to), None)


def staff_message(from_status: str, to_status: str) -> str:
    """What staff read on the timeline for a move from one status to another (msgid): the
    worker's own wording is in the second person."""
    if not from_status:
        return CASE_OPENED_STAFF_MESSAGE if to_status else ""
    move = move_for(from_status, to_status)
    return move.staff_message if move else ""


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
    return status in TERMINAL
