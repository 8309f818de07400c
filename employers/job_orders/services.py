"""Every change to employers and job orders: sponsorship decisions and the job-order moves.

Each function takes the acting user as `actor`, runs in its own transaction, locks the row it
changes and raises the domain errors of `mobility.errors`, which the API and the pages turn
into 400/403/409 answers.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from compliance.rulebook.selectors import check_job_terms
from employers.job_orders.selectors import job_orders_visible_to
from employers.models import (
    Employer,
    JobOrder,
    JobOrderStatus,
    SponsorshipStatus,
)
from mobility.access import Role, actor_for
from mobility.errors import ActionForbidden, MoveNotAllowed, RequirementsUnmet
from mobility.occupations import validate_occupation


@dataclass(frozen=True)
class JobOrderMove:
    from_statuses: frozenset[str]
    to_status: str


# The one table of job-order moves: draft -> open -> filled | closed.
JOB_ORDER_MOVES: dict[str, JobOrderMove] = {
    "open": JobOrderMove(frozenset({JobOrderStatus.DRAFT}), JobOrderStatus.OPEN),
    "fill": JobOrderMove(frozenset({JobOrderStatus.OPEN}), JobOrderStatus.FILLED),
    "close": JobOrderMove(frozenset({JobOrderStatus.OPEN}), JobOrderStatus.CLOSED),
}


JOB_ORDER_FIELDS = (
    "title",
    "occupation",
    "positions",
    "monthly_wage_rub",
    "hours_per_week",
    "overtime_rate",
    "accommodation_provided",
    "meals_provided",
    "monthly_deduction_rub",
    "work_region",
    "contract_months",
)


def allowed_job_order_moves(status: str) -> list[str]:
    return [move for move, rule in JOB_ORDER_MOVES.items() if status in rule.from_statuses]


def _employer_member(actor) -> int:
    who = actor_for(actor)
    if who.role != Role.EMPLOYER:
        raise ActionForbidden("Only the employer's own staff manage its job orders.")
    return who.employer_id


def _locked_job_order(actor, job_order_id: int) -> JobOrder:
    try:
        job_order = (
            job_orders_visible_to(actor)
            .select_for_update(of=("self",))
            .select_related("employer")
            .get(pk=job_order_id)
        )
    except JobOrder.DoesNotExist:
        raise Http404 from None
    if job_order.employer_id != _employer_member(actor):
        raise ActionForbidden("Only the employer's own staff manage its job orders.")
    return job_order


def _clean(job_order: JobOrder) -> None:
    errors = {}
    try:
        validate_occupation(job_order.occupation)
    except ValidationError as error:
        errors["occupation"] = error.messages
    try:
        job_order.full_clean(exclude=["employer"])
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)


def create_job_order(*, actor, **fields) -> JobOrder:
    """An employer's staff draft a job order; the work region defaults to the employer's."""
    employer_id = _employer_member(actor)
    with transaction.atomic():
        employer = Employer.objects.get(pk=employer_id)
        values = {k: v for k, v in fields.items() if k in JOB_ORDER_FIELDS}
        values["work_region"] = values.get("work_region") or employer.region
        job_order = JobOrder(employer=employer, status=JobOrderStatus.DRAFT, **values)
        _clean(job_order)
        job_order.save()
    return job_order


def update_job_order(*, actor, job_order_id: int, **fields) -> JobOrder:
    """Only a draft can be edited: agencies recruit against the terms of an open one."""
    with transaction.atomic():
        job_order = _locked_job_order(actor, job_order_id)
        if job_order.status != JobOrderStatus.DRAFT:
            raise MoveNotAllowed(
                "Only a draft job order can be edited.", allowed_job_order_moves(job_order.status)
            )
        for name, value in fields.items():
            if name in JOB_ORDER_FIELDS:
                setattr(job_order, name, value)
        job_order.work_region = job_order.work_region or job_order.employer.region
        _clean(job_order)
        job_order.save()
    return job_order


def delete_job_order(*, actor, job_order_id: int) -> None:
    with transaction.atomic():
        job_order = _locked_job_order(actor, job_order_id)
        if job_order.status != JobOrderStatus.DRAFT:
            raise MoveNotAllowed(
                "Only a draft job order can be deleted; close an open one instead.",
                allowed_job_order_moves(job_order.status),
            )
        job_order.delete()


def job_order_problems(job_order: JobOrder, on=None) -> list[str]:
    """Why the job order may not open on `on` (today by default): the employer's sponsorship
    and the rulebook's wage and hours rules, each named with the figures."""
    problems = []
    if job_order.employer.sponsorship_status != SponsorshipStatus.APPROVED:
        problems.append(
            "EMPLOYER_NOT_APPROVED: only an approved employer opens job orders; the "
            f"sponsorship is {job_order.employer.sponsorship_status}."
        )
    violations = check_job_terms(
        region=job_order.work_region,
        on=on or timezone.localdate(),
        monthly_wage_rub=Decimal(job_order.monthly_wage_rub),
        hours_per_week=Decimal(job_order.hours_per_week),
    )
    problems.extend(violation.as_text() for violation in violations)
    return problems


def move_job_order(*, actor, job_order_id: int, move: str) -> JobOrder:
    """Open, fill or close a job order as the moves table allows; opening also needs an
    approved employer and terms that meet the rulebook today."""
    with transaction.atomic():
        job_order = _locked_job_order(actor, job_order_id)
        rule = JOB_ORDER_MOVES.get(move)
        if rule is None or job_order.status not in rule.from_statuses:
            raise MoveNotAllowed(
                f"A job order that is {job_order.status} cannot be moved with '{move}'.",
                allowed_job_order_moves(job_order.status),
            )
        if move == "open":
            problems = job_order_problems(job_order)
            if problems:
                raise RequirementsUnmet(problems)
            job_order.opened_at = timezone.now()
        job_order.status = rule.to_status
        job_order.save(update_fields=["status", "opened_at", "updated_at"])
    return job_order


def open_job_order(*, actor, job_order_id: int) -> JobOrder:
    return move_job_order(actor=actor, job_order_id=job_order_id, move="open")


def close_job_order(*, actor, job_order_id: int) -> JobOrder:
    return move_job_order(actor=actor, job_order_id=job_order_id, move="close")


def fill_job_order(*, actor, job_order_id: int) -> JobOrder:
    return move_job_order(actor=actor, job_order_id=job_order_id, move="fill")
