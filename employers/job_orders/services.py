"""Every change to employers and job orders: sponsorship decisions and the job-order moves.

Each action takes the acting `Actor` as `actor`, runs in its own (durable) transaction, locks
the row it changes and raises the domain errors of `mobility.errors`, which the API and the
pages turn into 400/403/404/409 answers.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.rulebook.selectors import check_job_terms
from employers.job_orders.selectors import job_orders_visible_to
from employers.models import (
    Employer,
    JobOrder,
    JobOrderStatus,
    SponsorshipStatus,
)
from employers.sponsorship.signals import employer_changed
from mobility.access import Actor, Role
from mobility.errors import ActionForbidden, MoveNotAllowed, NotFound, RequirementsUnmet
from mobility.occupations import validate_occupation


@dataclass(frozen=True)
class JobOrderMove:
    from_statuses: frozenset[str]
    to_status: str
    # Why the move is refused from any other status; %(status)s is the job order's status.
    refusal: str


# The one table of job-order moves: draft -> open -> filled | closed.
JOB_ORDER_MOVES: dict[str, JobOrderMove] = {
    "open": JobOrderMove(
        frozenset({JobOrderStatus.DRAFT}),
        JobOrderStatus.OPEN,
        gettext_lazy("Only a draft job order can be opened; this one is %(status)s."),
    ),
    "fill": JobOrderMove(
        frozenset({JobOrderStatus.OPEN}),
        JobOrderStatus.FILLED,
        gettext_lazy("Only an open job order can be marked as filled; this one is %(status)s."),
    ),
    "close": JobOrderMove(
        frozenset({JobOrderStatus.OPEN}),
        JobOrderStatus.CLOSED,
        gettext_lazy("Only an open job order can be closed; this one is %(status)s."),
    ),
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


def _employer_member(actor: Actor) -> int:
    if actor.role != Role.EMPLOYER:
        raise ActionForbidden(_("Only the employer's own staff manage its job orders."))
    return actor.employer_id


def _locked_job_order(actor: Actor, job_order_id: int) -> JobOrder:
    try:
        job_order = (
            job_orders_visible_to(actor)
            .select_for_update(of=("self",))
            .select_related("employer")
            .get(pk=job_order_id)
        )
    except JobOrder.DoesNotExist:
        raise NotFound from None
    if job_order.employer_id != _employer_member(actor):
        raise ActionForbidden(_("Only the employer's own staff manage its job orders."))
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


def create_job_order(*, actor: Actor, **fields: Any) -> JobOrder:
    """An employer's staff draft a job order; the work region defaults to the employer's."""
    employer_id = _employer_member(actor)
    with transaction.atomic(durable=True):
        employer = Employer.objects.get(pk=employer_id)
        values = {k: v for k, v in fields.items() if k in JOB_ORDER_FIELDS}
        values["work_region"] = values.get("work_region") or employer.region
        job_order = JobOrder(employer=employer, status=JobOrderStatus.DRAFT, **values)
        _clean(job_order)
        job_order.save()
    return job_order


def update_job_order(*, actor: Actor, job_order_id: int, **fields: Any) -> JobOrder:
    """Only a draft can be edited: agencies recruit against the terms of an open one."""
    with transaction.atomic(durable=True):
        job_order = _locked_job_order(actor, job_order_id)
        if job_order.status != JobOrderStatus.DRAFT:
            raise MoveNotAllowed(
                _("Only a draft job order can be edited."),
                allowed_job_order_moves(job_order.status),
            )
        for name, value in fields.items():
            if name in JOB_ORDER_FIELDS:
                setattr(job_order, name, value)
        job_order.work_region = job_order.work_region or job_order.employer.region
        _clean(job_order)
        job_order.save()
    return job_order


def delete_job_order(*, actor: Actor, job_order_id: int) -> None:
    """Only a draft can be deleted: an open job order may have cases, and closing it keeps
    them."""
    with transaction.atomic(durable=True):
        job_order = _locked_job_order(actor, job_order_id)
        if job_order.status != JobOrderStatus.DRAFT:
            raise MoveNotAllowed(
                _("Only a draft job order can be deleted; close an open one instead."),
                allowed_job_order_moves(job_order.status),
            )
        job_order.delete()


def job_order_problems(job_order: JobOrder, on: date | None = None) -> list[str]:
    """Why the job order may not open on `on` (today by default): the employer's sponsorship
    and the rulebook's wage and hours rules, each named in words with the figures."""
    problems = []
    employer = job_order.employer
    if employer.sponsorship_status != SponsorshipStatus.APPROVED:
        problems.append(
            _(
                "Only an approved sponsor opens job orders; the employer's sponsorship is "
                "%(status)s."
            )
            % {"status": employer.get_sponsorship_status_display().lower()}
        )
    violations = check_job_terms(
        region=job_order.work_region,
        on=on or timezone.localdate(),
        monthly_wage_rub=Decimal(job_order.monthly_wage_rub),
        hours_per_week=Decimal(job_order.hours_per_week),
    )
    problems.extend(violation.as_text() for violation in violations)
    return problems


def move_job_order(*, actor: Actor, job_order_id: int, move: str) -> JobOrder:
    """Open, fill or close a job order as the moves table allows; opening also needs an
    approved employer and terms that meet the rulebook today."""
    with transaction.atomic(durable=True):
        job_order = _locked_job_order(actor, job_order_id)
        rule = JOB_ORDER_MOVES.get(move)
        allowed = allowed_job_order_moves(job_order.status)
        if rule is None:
            raise MoveNotAllowed(
                _("A job order is opened, filled or closed; “%(move)s” is none of these.")
                % {"move": move},
                allowed,
            )
        if job_order.status not in rule.from_statuses:
            raise MoveNotAllowed(
                rule.refusal % {"status": job_order.get_status_display().lower()}, allowed
            )
        if move == "open":
            problems = job_order_problems(job_order)
            if problems:
                raise RequirementsUnmet(problems)
            job_order.opened_at = timezone.now()
        job_order.status = rule.to_status
        job_order.save(update_fields=["status", "opened_at", "updated_at"])
        # The employer's checks judge its open job orders: a filled or closed one clears.
        employer_id = job_order.employer_id
        transaction.on_commit(
            lambda: employer_changed.send(sender=Employer, employer_id=employer_id)
        )
    return job_order
