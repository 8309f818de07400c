"""Documents of workers and cases: uploads by agencies and employers, verification by
officials.

Each action takes the acting `Actor` and runs in its own (durable) transaction.
"""

import hashlib
import uuid
from datetime import date

import filetype
from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


ALREADY_UPLOADED = gettext_lazy("This file has already been uploaded here.")


TOO_LARGE = gettext_lazy("The file is larger than 10 MB.")


# No document of a living worker was issued earlier, and none is valid for longer.
EARLIEST_ISSUE = date(1950, 1, 1)
LONGEST_VALIDITY_YEARS = 20


def _check_document_dates(issued_on: date | None, expires_on: date | None) -> None:
    problems = {}
    today = timezone.localdate()
    if issued_on and issued_on > today:
        problems["issued_on"] = [_("The issue date is in the future.")]
    elif issued_on and issued_on < EARLIEST_ISSUE:
        problems["issued_on"] = [_("The issue date must be in 1950 or later.")]
    if issued_on and expires_on and expires_on <= issued_on:
        problems["expires_on"] = [_("The document must expire after it was issued.")]
    elif expires_on and expires_on > today + relativedelta(years=LONGEST_VALIDITY_YEARS):
        problems["expires_on"] = [_("No document is valid for more than 20 years; check the date.")]
    if problems:
        raise ValidationError(problems)


def add_document(
    *,
    actor: Actor,
    kind: str,
    upload: File,
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
        raise ActionForbidden(_("Officials read documents; agencies and employers upload them."))
    if (worker is None) == (placement is None):
        raise ValidationError(
            {"non_field_errors": [_("Attach the file to a worker or to a case.")]}
        )
    if actor.role == Role.EMPLOYER:
        if placement is None:
            raise ValidationError({"worker": [_("Employers attach documents to a case.")]})
        if kind not in EMPLOYER_UPLOADS:
            raise ValidationError({"kind": [_("Employers upload contracts and payslips only.")]})
    _check_document_dates(issued_on, expires_on)
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
        raise ValidationError({"file": [ALREADY_UPLOADED]})
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
        with transaction.atomic(durable=True):
            document.save()
    except IntegrityError:
        document.file.delete(save=False)
        raise ValidationError({"file": [ALREADY_UPLOADED]}) from None
    return document


def verify_document(*, actor: Actor, document_id: int, outcome: str, note: str) -> Document:
    """An official checks a pending document once: verified, or rejected with the reason. A
    rejected document no longer counts towards a case's requirements."""
    if not actor.is_official:
        raise ActionForbidden(_("Only officials verify documents."))
    if outcome not in (VerificationStatus.VERIFIED, VerificationStatus.REJECTED):
        raise ValidationError({"outcome": [_("Choose verified or rejected.")]})
    note = (note or "").strip()
    if outcome == VerificationStatus.REJECTED and not note:
        raise ValidationError({"note": [_("Say why the document is rejected.")]})
    with transaction.atomic(durable=True):
        document = Document.objects.select_for_update().get(pk=document_id)
        if document.verification_status != VerificationStatus.PENDING:
            raise MoveNotAllowed(
                _("The document is already %(status)s.")
                % {"status": document.get_verification_status_display().lower()},
                allowed=[],
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


def _read_upload(upload: File) -> tuple[bytes, str]:
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError({"file": [TOO_LARGE]})
    content = upload.read()
    if len(content) > MAX_DOCUMENT_BYTES:
        raise ValidationError({"file": [TOO_LARGE]})
    if not content:
        raise ValidationError({"file": [_("The file is empty.")]})
    guess = filetype.guess(content[:8192])
    if guess is None or guess.mime not in ACCEPTED_TYPES:
        raise ValidationError(
            {"file": [_("Upload a PDF, PNG or JPEG file; this file's content is none of them.")]}
        )
    return content, guess.mime
