"""Every state change of the workers app: one function per business action.

Each runs in its own (durable) transaction, locks what it changes, writes its event row in the
same transaction, raises domain errors (mobility.errors) and tells other apps through the
signals of `workers.signals`, sent on commit.
"""

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from employers.models import Employer, JobOrder, JobOrderStatus, SponsorshipStatus
from mobility import figures
from mobility.access import Actor, Role
from mobility.errors import ActionForbidden, DomainError, MoveNotAllowed, RequirementsUnmet
from mobility.placement_status import OPEN
from workers.models import (
    ONE_OPEN_PLACEMENT,
    CaseEvent,
    Placement,
    PlacementStatus,
    Worker,
)
from workers.placements import lifecycle, tasks
from workers.placements.forms import move_form_class
from workers.placements.references import new_reference
from workers.placements.signals import placement_changed


def _announce(signal: Any, **kwargs: Any) -> None:
    transaction.on_commit(lambda: signal.send(sender=None, **kwargs))


REFERENCE_ATTEMPTS = 5


def open_placement(*, actor: Actor, worker: Worker, job_order: JobOrder) -> Placement:
    """An agency opens a case (a draft) for its own worker on an open job order of an approved
    employer."""
    if actor.role != Role.AGENCY:
        raise ActionForbidden(_("Only agency staff open cases."))
    problems = []
    if worker.agency_id != actor.agency_id:
        problems.append(_("The worker is not registered with your agency."))
    if job_order.status != JobOrderStatus.OPEN:
        problems.append(_("The job order is not open."))
    if job_order.employer.sponsorship_status != SponsorshipStatus.APPROVED:
        problems.append(_("The employer is not an approved sponsor."))
    open_one = _open_placement_of(worker)
    if open_one is not None:
        problems.append(_ALREADY_OPEN % {"reference": open_one})
    if problems:
        raise RequirementsUnmet(problems)
    with transaction.atomic(durable=True):
        placement = _create_with_fresh_reference(worker=worker, job_order=job_order)
        CaseEvent.objects.create(
            placement=placement,
            actor_id=actor.user_id,
            to_status=placement.status,
            public_message=lifecycle.CASE_OPENED_MESSAGE,
        )
        _announce(placement_changed, placement_id=placement.pk)
    return placement


# The import says the same of a row (workers/imports/rows.py).
_ALREADY_OPEN = gettext_lazy("This worker already has an open case, %(reference)s.")


def _open_placement_of(worker: Worker) -> str | None:
    return (
        Placement.objects.filter(worker=worker, status__in=OPEN)
        .values_list("reference", flat=True)
        .first()
    )


def _create_with_fresh_reference(*, worker: Worker, job_order: JobOrder) -> Placement:
    # 35 random bits make a collision rare, not impossible: retry inside a savepoint.
    for attempt in range(REFERENCE_ATTEMPTS):
        try:
            with transaction.atomic():
                return Placement.objects.create(
                    reference=new_reference(),
                    worker=worker,
                    agency_id=worker.agency_id,
                    job_order=job_order,
                )
        except IntegrityError as error:
            if getattr(error.__cause__, "diag", None) and (
                error.__cause__.diag.constraint_name == ONE_OPEN_PLACEMENT
            ):
                # Another request opened one between the check and this insert.
                raise RequirementsUnmet(
                    [_ALREADY_OPEN % {"reference": _open_placement_of(worker)}]
                ) from error
            if attempt == REFERENCE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _quoted_status(status: str) -> str:
    label = PlacementStatus(status).label if status in PlacementStatus.values else status
    return figures.quoted(label)


def _locked_placement(placement_id: int) -> Placement:
    return (
        Placement.objects.select_for_update(of=("self",))
        .select_related("worker", "agency", "job_order__employer")
        .get(pk=placement_id)
    )


def transition_placement(*, actor: Actor, placement_id: int, to: str, data: dict) -> Placement:
    """Move a case along the lifecycle table. The case row is locked first, so of two people
    acting at once exactly one moves it; the other finds it already moved (409)."""
    today = timezone.localdate()
    with transaction.atomic(durable=True):
        placement = _locked_placement(placement_id)
        move = lifecycle.move_for(placement.status, to)
        if move is None:
            raise MoveNotAllowed(
                _("A case that is %(status)s cannot move to %(to)s.")
                % {
                    "status": _quoted_status(placement.status),
                    "to": _quoted_status(to),
                },
                allowed=[m.to for m in lifecycle.allowed_moves(placement, actor)],
            )
        if not lifecycle.may_make(move, placement, actor):
            raise ActionForbidden(
                _("Your role may not move this case to %(to)s.")
                % {"to": figures.quoted(move.label)}
            )
        form = move_form_class(move)(data)
        if not form.is_valid():
            raise ValidationError(form.errors.as_data())
        fields = form.cleaned_data
        if move.locks_employer:
            # The quota counts cases across the employer: serialise contract signatures.
            Employer.objects.select_for_update().get(pk=placement.job_order.employer_id)
        problems = lifecycle.unmet_requirements(move, placement, fields, today)
        if problems:
            raise RequirementsUnmet(problems)
        from_status = placement.status
        for name in move.fields:
            setattr(placement, move.writes.get(name, name), fields[name])
        if move.ends_case and placement.end_date is None:
            placement.end_date = today
        placement.status = move.to
        placement.save()
        event = CaseEvent.objects.create(
            placement=placement,
            actor_id=actor.user_id,
            from_status=from_status,
            to_status=move.to,
            public_message=move.message,
            note=fields.get("note", ""),
        )
        _announce(placement_changed, placement_id=placement.pk)
        # Robust: the move is made; a broker that is down costs the notification, not the move.
        transaction.on_commit(partial(tasks.notify_placement_move.delay, event.pk), robust=True)
    return placement


@dataclass(frozen=True)
class CaseDecision:
    """What became of one case of a decision taken on several: moved, or refused and why."""

    placement: Placement
    moved: bool
    problems: tuple[str, ...] = ()


def transition_placements(
    *, actor: Actor, placements: list[Placement], to: str, data: dict
) -> list[CaseDecision]:
    """The same move on several cases (an employer accepting or rejecting candidates from its
    inbox), each in a transaction of its own through `transition_placement`: a case that is
    refused (already decided by a colleague, its requirements unmet) is reported with the
    reasons and the others are still moved. `placements` are the ones the actor may see; the
    results come in their order."""
    results = []
    for placement in placements:
        try:
            transition_placement(actor=actor, placement_id=placement.pk, to=to, data=data)
        except ValidationError as error:
            results.append(CaseDecision(placement, False, tuple(error.messages)))
        except DomainError as error:
            problems = getattr(error, "problems", None) or [error.message]
            results.append(CaseDecision(placement, False, tuple(problems)))
        else:
            results.append(CaseDecision(placement, True))
    return results


ARRIVAL_DATES = (
    "mvd_start_notified_on",
    "mvd_end_notified_on",
    "migration_registered_on",
    "medical_exam_on",
    "fingerprinted_on",
)
# Recorded with the visa; set here for a case whose permit was recorded before the move asked
# for them, or to correct them.
PERMIT_FACTS = ("work_permit_region", "work_permit_occupation")


# field -> roles (lifecycle role names) that may set it
PLACEMENT_FIELD_ROLES = {
    **dict.fromkeys(ARRIVAL_DATES, (lifecycle.EMPLOYER, lifecycle.OFFICIAL)),
    **dict.fromkeys(PERMIT_FACTS, (lifecycle.AGENCY, lifecycle.OFFICIAL)),
    "recruitment_fee_inr": (lifecycle.AGENCY, lifecycle.OFFICIAL),
}


def update_placement_facts(*, actor: Actor, placement_id: int, changes: dict) -> Placement:
    """Record the post-arrival formalities (the MVD notices of the start and the end, migration
    registration, medical examination, fingerprinting: employer or official), the work
    permit's region and occupation and the recruitment fee (agency or official). A formality
    date lies between the arrival and today; the notice of the end, on or after the end date."""
    today = timezone.localdate()
    with transaction.atomic(durable=True):
        placement = _locked_placement(placement_id)
        role = lifecycle.role_on(placement, actor)
        refused = sorted(name for name in changes if role not in PLACEMENT_FIELD_ROLES[name])
        if refused:
            labels = [
                figures.quoted(Placement._meta.get_field(name).verbose_name) for name in refused
            ]
            raise ActionForbidden(
                _("Your role may not set %(fields)s.") % {"fields": get_text_list(labels, _("and"))}
            )
        errors = {}
        for name in ARRIVAL_DATES:
            value: date | None = changes.get(name)
            if value is None:
                continue
            if placement.arrival_date is None:
                errors[name] = [_("The worker's arrival has not been recorded yet.")]
            elif value < placement.arrival_date:
                errors[name] = [
                    _("The date is before the arrival (%(date)s).")
                    % {"date": figures.day(placement.arrival_date)}
                ]
            elif value > today:
                errors[name] = [_("The date is in the future.")]
        end_notice = changes.get("mvd_end_notified_on")
        if end_notice is not None and "mvd_end_notified_on" not in errors:
            if placement.end_date is None:
                errors["mvd_end_notified_on"] = [_("The contract has not ended yet.")]
            elif end_notice < placement.end_date:
                errors["mvd_end_notified_on"] = [
                    _("The date is before the end of the contract (%(date)s).")
                    % {"date": figures.day(placement.end_date)}
                ]
        if not placement.work_permit_number:
            for name in PERMIT_FACTS:
                if name in changes:
                    errors[name] = [_("The work permit has not been recorded yet.")]
        if errors:
            raise ValidationError(errors)
        for name, value in changes.items():
            setattr(placement, name, value)
        placement.save()
        _announce(placement_changed, placement_id=placement.pk)
    return placement
