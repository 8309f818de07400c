import hashlib
import uuid
from datetime import date

import filetype
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from mobility.access import Actor, Role
from mobility.errors import ActionForbidden, MoveNotAllowed
from workers.models import (
    Document,
    DocumentKind,
    Placement,
    VerificationStatus,
    Worker,
)
from workers.placements.services import _announce
from workers.placements.signals import placement_changed, worker_changed

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
