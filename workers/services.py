"""Every state change of the workers app: one function per business action.

Each runs in its own transaction, locks what it changes, writes its event row in the same
transaction, raises domain errors (mobility.errors) and tells other apps through the signals of
`workers.signals`, sent on commit.
"""

import hashlib
import uuid
from datetime import date
from functools import partial

import filetype
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from employers.models import Employer, JobOrder, JobOrderStatus, SponsorshipStatus
from mobility.access import Actor, Role
from mobility.errors import ActionForbidden, MoveNotAllowed, RequirementsUnmet
from workers import lifecycle, tasks
from workers.forms import move_form_class
from workers.models import (
    Agency,
    AgencyDecision,
    AgencyDecisionKind,
    AgencyStatus,
    CaseEvent,
    Document,
    DocumentKind,
    Placement,
    VerificationStatus,
    Worker,
)
from workers.references import new_reference
from workers.signals import agency_changed, placement_changed, worker_changed

# --- agencies ------------------------------------------------------------------------------

# decision -> (statuses it may start from, status it leads to)
AGENCY_DECISIONS = {
    AgencyDecisionKind.SUSPEND: ((AgencyStatus.ACTIVE,), AgencyStatus.SUSPENDED),
    AgencyDecisionKind.REINSTATE: ((AgencyStatus.SUSPENDED,), AgencyStatus.ACTIVE),
    AgencyDecisionKind.REVOKE: (
        (AgencyStatus.ACTIVE, AgencyStatus.SUSPENDED),
        AgencyStatus.REVOKED,
    ),
}


def allowed_agency_decisions(status: str) -> list[str]:
    return [kind for kind, (sources, _) in AGENCY_DECISIONS.items() if status in sources]


def _announce(signal, **kwargs) -> None:
    transaction.on_commit(lambda: signal.send(sender=None, **kwargs))


def register_agency(*, actor: Actor, data: dict) -> Agency:
    """Agencies are licensed in India, so only Indian-side officials register them."""
    if not actor.on_side("IN"):
        raise ActionForbidden("Only Indian-side officials register agencies.")
    with transaction.atomic():
        agency = Agency.objects.create(**data)
        _announce(agency_changed, agency_id=agency.pk)
    return agency


def decide_agency(*, actor: Actor, agency_id: int, decision: str, reason: str) -> Agency:
    """Suspend, reinstate or revoke an agency's standing; every decision needs a reason and is
    kept with who made it and when."""
    if not actor.on_side("IN"):
        raise ActionForbidden("Only Indian-side officials decide on agencies.")
    reason = (reason or "").strip()
    if decision not in AGENCY_DECISIONS:
        raise ValidationError({"decision": ["Choose suspend, reinstate or revoke."]})
    if not reason:
        raise ValidationError({"reason": ["Give the reason for this decision."]})
    with transaction.atomic():
        agency = Agency.objects.select_for_update().get(pk=agency_id)
        sources, target = AGENCY_DECISIONS[decision]
        if agency.status not in sources:
            raise MoveNotAllowed(
                f"An agency that is {agency.status} cannot be given the decision '{decision}'.",
                allowed=allowed_agency_decisions(agency.status),
            )
        AgencyDecision.objects.create(
            agency=agency,
            decision=decision,
            from_status=agency.status,
            to_status=target,
            reason=reason,
            decided_by_id=actor.user_id,
        )
        agency.status = target
        agency.save(update_fields=["status", "updated_at"])
        _announce(agency_changed, agency_id=agency.pk)
    return agency


# --- workers -------------------------------------------------------------------------------


def register_worker(*, actor: Actor, data: dict) -> Worker:
    """An agency registers its own worker; consent to data processing is recorded as a time."""
    if actor.role != Role.AGENCY:
        raise ActionForbidden("Only agency staff register workers.")
    with transaction.atomic():
        worker = Worker.objects.create(agency_id=actor.agency_id, consent_at=timezone.now(), **data)
        _announce(worker_changed, worker_id=worker.pk)
    return worker


def update_worker(*, actor: Actor, worker_id: int, data: dict) -> Worker:
    if actor.role != Role.AGENCY:
        raise ActionForbidden("Only the worker's agency edits a worker.")
    with transaction.atomic():
        worker = Worker.objects.select_for_update().get(pk=worker_id, agency_id=actor.agency_id)
        for name, value in data.items():
            setattr(worker, name, value)
        worker.save()
        _announce(worker_changed, worker_id=worker.pk)
    return worker


def delete_worker(*, actor: Actor, worker_id: int) -> None:
    """An agency may delete a worker it registered by mistake, never one with a case: the case
    history must survive (officials erase personal data through their own procedure)."""
    if actor.role != Role.AGENCY:
        raise ActionForbidden("Only the worker's agency deletes a worker.")
    with transaction.atomic():
        worker = Worker.objects.select_for_update().get(pk=worker_id, agency_id=actor.agency_id)
        if worker.placements.exists():
            raise MoveNotAllowed("A worker with cases cannot be deleted; withdraw the cases.")
        files = [document.file.name for document in worker.documents.all()]
        worker.delete()
        storage = Document._meta.get_field("file").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in files])


# --- cases ---------------------------------------------------------------------------------

REFERENCE_ATTEMPTS = 5


def open_case(*, actor: Actor, worker: Worker, job_order: JobOrder) -> Placement:
    """An agency opens a case (a draft) for its own worker on an open job order of an approved
    employer."""
    if actor.role != Role.AGENCY:
        raise ActionForbidden("Only agency staff open cases.")
    problems = []
    if worker.agency_id != actor.agency_id:
        problems.append("The worker is not registered with your agency.")
    if job_order.status != JobOrderStatus.OPEN:
        problems.append("The job order is not open.")
    if job_order.employer.sponsorship_status != SponsorshipStatus.APPROVED:
        problems.append("The employer is not an approved sponsor.")
    if problems:
        raise RequirementsUnmet(problems)
    with transaction.atomic():
        placement = _create_with_fresh_reference(worker=worker, job_order=job_order)
        CaseEvent.objects.create(
            placement=placement,
            actor_id=actor.user_id,
            to_status=placement.status,
            public_message=lifecycle.CASE_OPENED_MESSAGE,
        )
        _announce(placement_changed, placement_id=placement.pk)
    return placement


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
        except IntegrityError:
            if attempt == REFERENCE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _locked_case(placement_id: int) -> Placement:
    return (
        Placement.objects.select_for_update(of=("self",))
        .select_related("worker", "agency", "job_order__employer")
        .get(pk=placement_id)
    )


def transition_placement(*, actor: Actor, placement_id: int, to: str, data: dict) -> Placement:
    """Move a case along the lifecycle table. The case row is locked first, so of two people
    acting at once exactly one moves it; the other finds it already moved (409)."""
    today = timezone.localdate()
    with transaction.atomic():
        placement = _locked_case(placement_id)
        move = lifecycle.move_for(placement.status, to)
        if move is None:
            raise MoveNotAllowed(
                f"A case that is '{placement.status}' cannot move to '{to}'.",
                allowed=[m.to for m in lifecycle.allowed_moves(placement, actor)],
            )
        if not lifecycle.may_make(move, placement, actor):
            raise ActionForbidden(f"Your role may not move this case to '{to}'.")
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
        placement.status = move.to
        placement.save()
        CaseEvent.objects.create(
            placement=placement,
            actor_id=actor.user_id,
            from_status=from_status,
            to_status=move.to,
            public_message=move.message,
            note=fields.get("note", ""),
        )
        _announce(placement_changed, placement_id=placement.pk)
        transaction.on_commit(partial(tasks.notify_case_move.delay, placement.pk, move.to))
    return placement


ARRIVAL_DATES = (
    "mvd_notified_on",
    "migration_registered_on",
    "medical_exam_on",
    "fingerprinted_on",
)
# field -> roles (lifecycle role names) that may set it
CASE_FIELD_ROLES = {
    **dict.fromkeys(ARRIVAL_DATES, (lifecycle.EMPLOYER, lifecycle.OFFICIAL)),
    "recruitment_fee_inr": (lifecycle.AGENCY, lifecycle.OFFICIAL),
}


def update_case_facts(*, actor: Actor, placement_id: int, changes: dict) -> Placement:
    """Record the post-arrival formalities (MVD notification, migration registration, medical
    examination, fingerprinting: employer or official) and the recruitment fee (agency or
    official). A formality date lies between the arrival and today."""
    today = timezone.localdate()
    with transaction.atomic():
        placement = _locked_case(placement_id)
        role = lifecycle.role_on(placement, actor)
        refused = sorted(name for name in changes if role not in CASE_FIELD_ROLES[name])
        if refused:
            raise ActionForbidden(f"Your role may not set {', '.join(refused)}.")
        errors = {}
        for name in ARRIVAL_DATES:
            value: date | None = changes.get(name)
            if value is None:
                continue
            if placement.arrival_date is None:
                errors[name] = ["The worker's arrival has not been recorded yet."]
            elif value < placement.arrival_date:
                errors[name] = [f"The date is before the arrival ({placement.arrival_date})."]
            elif value > today:
                errors[name] = ["The date is in the future."]
        if errors:
            raise ValidationError(errors)
        for name, value in changes.items():
            setattr(placement, name, value)
        placement.save()
        _announce(placement_changed, placement_id=placement.pk)
    return placement


# --- documents -----------------------------------------------------------------------------

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
ACCEPTED_TYPES = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}
EMPLOYER_UPLOADS = (DocumentKind.CONTRACT, DocumentKind.PAYSLIP)


def add_document(
    *,
    actor: Actor,
    kind: str,
    upload,
    worker: Worker | None = None,
    placement: Placement | None = None,
    issued_on: date | None = None,
    expires_on: date | None = None,
) -> Document:
    """Keep a PDF, PNG or JPEG (recognised by its content, at most 10 MB) for a worker or a
    case under a random name, with its SHA-256; the same file twice on one case is refused.
    Agencies upload anything for their workers and cases; employers contracts and payslips for
    their cases; officials read only."""
    if actor.is_official or actor.role not in (Role.AGENCY, Role.EMPLOYER):
        raise ActionForbidden("Officials read documents; agencies and employers upload them.")
    if (worker is None) == (placement is None):
        raise ValidationError({"non_field_errors": ["Attach the file to a worker or to a case."]})
    if actor.role == Role.EMPLOYER:
        if placement is None:
            raise ValidationError({"worker": ["Employers attach documents to a case."]})
        if kind not in EMPLOYER_UPLOADS:
            raise ValidationError({"kind": ["Employers upload contracts and payslips only."]})
    if issued_on and expires_on and expires_on <= issued_on:
        raise ValidationError({"expires_on": ["The document must expire after it was issued."]})
    content, content_type = _read_upload(upload)
    digest = hashlib.sha256(content).hexdigest()
    owner = placement.worker if placement else worker
    duplicates = Document.objects.filter(sha256=digest)
    duplicates = (
        duplicates.filter(placement=placement)
        if placement
        else duplicates.filter(worker=owner, placement=None)
    )
    if duplicates.exists():
        raise ValidationError({"file": ["This file has already been uploaded here."]})
    document = Document(
        worker=owner,
        placement=placement,
        kind=kind,
        original_name=(getattr(upload, "name", "") or "")[:255],
        sha256=digest,
        content_type=content_type,
        size=len(content),
        issued_on=issued_on,
        expires_on=expires_on,
        uploaded_by_id=actor.user_id,
    )
    name = f"{uuid.uuid4().hex}.{ACCEPTED_TYPES[content_type]}"
    document.file.save(name, ContentFile(content), save=False)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError:
        document.file.delete(save=False)
        raise ValidationError({"file": ["This file has already been uploaded here."]}) from None
    return document


def verify_document(*, actor: Actor, document_id: int, outcome: str, note: str) -> Document:
    """An official checks a pending document once: verified, or rejected with the reason. A
    rejected document no longer counts towards a case's requirements."""
    if not actor.is_official:
        raise ActionForbidden("Only officials verify documents.")
    if outcome not in (VerificationStatus.VERIFIED, VerificationStatus.REJECTED):
        raise ValidationError({"outcome": ["Choose verified or rejected."]})
    note = (note or "").strip()
    if outcome == VerificationStatus.REJECTED and not note:
        raise ValidationError({"note": ["Say why the document is rejected."]})
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document_id)
        if document.verification_status != VerificationStatus.PENDING:
            raise MoveNotAllowed(
                f"The document is already {document.verification_status}.", allowed=[]
            )
        document.verification_status = outcome
        document.verification_note = note
        document.verified_by_id = actor.user_id
        document.verified_at = timezone.now()
        document.save()
        if document.placement_id:
            _announce(placement_changed, placement_id=document.placement_id)
        _announce(worker_changed, worker_id=document.worker_id)
    return document


def _read_upload(upload) -> tuple[bytes, str]:
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError({"file": ["The file is larger than 10 MB."]})
    content = upload.read()
    if len(content) > MAX_DOCUMENT_BYTES:
        raise ValidationError({"file": ["The file is larger than 10 MB."]})
    if not content:
        raise ValidationError({"file": ["The file is empty."]})
    guess = filetype.guess(content[:8192])
    if guess is None or guess.mime not in ACCEPTED_TYPES:
        raise ValidationError(
            {"file": ["Upload a PDF, PNG or JPEG file; this file's content is none of them."]}
        )
    return content, guess.mime
