"""Personal-data requests (SPEC §10): an official exports everything held on a worker, or
erases a worker who was never placed.

The worker's rights come from the two laws the pact's data falls under: the right of access
(Digital Personal Data Protection Act 2023 of India, s. 11; Federal Law 152-FZ "On personal
data", art. 14) and the right to erasure once the purpose is spent or consent is withdrawn
(DPDP Act s. 8(7) and s. 12; 152-FZ art. 21 part 5). Both laws keep what another law requires
to be kept, and SPEC §10 draws the line for this system: only a worker "who was never placed"
is erased. An erasure is refused, every reason named, when the worker:

- was ever put forward to an employer: a case of theirs left draft for anything but
  withdrawal. From submission on, the employer holds the candidacy, the timeline is the pact's
  record of the recruitment (SPEC §4 `CaseEvent`: "every transition writes one"), and from the
  contract on, Russian labour and migration law keep the employer's and the authorities' copies
  for years. Erasing ours would leave the pact unable to answer for what others still hold.
- still has a draft case: the agency would be recruiting a person with no data; the agency
  withdraws it first (a draft withdrawn unsubmitted never reached anyone, SPEC §3).
- filed a grievance, open or closed: a complaint to officials and how they handled it is an
  administrative record (SPEC §4 grievances, with their deadlines), and erasing the person who
  complained would also erase the evidence against whoever they complained about.
- is the subject, directly or through a case, of a finding still open or acknowledged: an
  inquiry in progress (a suspected duplicate identity, a watchlist match) cannot lose its
  subject; once it is resolved or waived, the finding stays and names an erased worker.

An export is refused only for a worker already erased: nothing personal is left to send.

Erasure keeps the worker's row, so the cases and findings that name it keep their subject: the
personal fields become empty (null for the date of birth and passport; the preferred language
and the time consent was given stay, as neither names anyone and the second shows the
processing was lawful), `erased_at` is set, the
rows of the worker's change history lose the same values, the documents (their rows and their
files in storage) and earlier exports' archives are deleted, and the document history keeps no
file name or checksum. Every request, granted or refused, is a `PersonalDataRequest` row: who
asked, when, for which worker, and what came of it.
"""

import json
import logging
import tempfile
import uuid
import zipfile

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db import OperationalError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.models import (
    OPEN_FINDING_STATUSES,
    Finding,
    PersonalDataRequest,
    PersonalDataRequestKind,
    PersonalDataRequestStatus,
)
from compliance.personal_data import selectors, wording
from mobility.access import Actor
from mobility.errors import DomainError, NotFound
from mobility.locks import alone
from workers.models import (
    CaseEvent,
    Document,
    DocumentEvent,
    Grievance,
    PlacementStatus,
    Worker,
    WorkerEvent,
)
from workers.registry.selectors import workers_visible_to

logger = logging.getLogger(__name__)
Kind, Status = PersonalDataRequestKind, PersonalDataRequestStatus
UNFINISHED = (Status.QUEUED, Status.RUNNING)

# What an erasure writes over each personal field of the worker and of its history rows.
NEUTRAL = {
    "full_name": "",
    "date_of_birth": None,
    "sex": "",
    "passport_number": None,
    "passport_expiry": None,
    "state_of_origin": "",
    "phone": "",
    "email": "",
    "occupation": "",
}
NEUTRAL_DOCUMENT = {"original_name": "", "sha256": ""}
# Moves a case makes while it is still the agency's alone.
NOT_PLACED = ("", PlacementStatus.DRAFT, PlacementStatus.WITHDRAWN)


class PersonalDataRefused(DomainError):
    """The law requires keeping the data, or nothing is left to act on (HTTP 409); each
    reason is a sentence of its own."""

    status_code = 409

    def __init__(self, request: PersonalDataRequest) -> None:
        self.request = request
        self.reasons = wording.refusals_in_words(request)
        headline = (
            _("The worker's data cannot be erased.")
            if request.kind == Kind.ERASURE
            else _("The worker's data cannot be exported.")
        )
        super().__init__(headline)
        # What a page shows: the headline, then each reason.
        self.problems = [self.message, *self.reasons]

    def as_data(self) -> dict:
        return {"detail": self.message, "reasons": self.reasons}


def _official(actor: Actor) -> None:
    if not actor.is_official:
        # Other roles do not learn that the action exists (SPEC §3).
        raise NotFound


def _locked_worker(actor: Actor, worker_id: int) -> Worker:
    """The worker in the official's scope, locked; out of scope reads as absent."""
    worker = workers_visible_to(actor).select_for_update().filter(pk=worker_id).first()
    if worker is None:
        raise NotFound
    return worker


def _refuse(actor: Actor, worker: Worker, kind: str, refusals: list[dict]) -> PersonalDataRequest:
    return PersonalDataRequest.objects.create(
        kind=kind,
        worker=worker,
        worker_number=worker.pk,
        requested_by_id=actor.user_id,
        status=Status.REFUSED,
        refusals=refusals,
        finished_at=timezone.now(),
    )


def _erased(worker: Worker) -> list[dict]:
    if worker.erased_at is None:
        return []
    return [{"code": wording.ALREADY_ERASED, "on": worker.erased_at.isoformat()}]


def request_export(*, actor: Actor, worker_id: int) -> PersonalDataRequest:
    """An official in the worker's scope asks for everything held on them; it is prepared in
    the background. While one is being prepared, asking again answers that one."""
    _official(actor)
    # The task module imports this one, so it is imported when it is needed.
    from compliance.personal_data.tasks import export_personal_data

    with transaction.atomic(durable=True):
        worker = _locked_worker(actor, worker_id)
        refusals = _erased(worker)
        if refusals:
            refused = _refuse(actor, worker, Kind.EXPORT, refusals)
        else:
            refused = None
            running = worker.personal_data_requests.filter(
                kind=Kind.EXPORT, status__in=UNFINISHED
            ).first()
            if running is not None:
                # Sent again: a copy finding it being written stops, one finding it abandoned
                # (its message lost with a broker) writes it, so asking again never strands it.
                transaction.on_commit(lambda: export_personal_data.delay(running.pk), robust=True)
                return running
            export = PersonalDataRequest.objects.create(
                kind=Kind.EXPORT,
                worker=worker,
                worker_number=worker.pk,
                requested_by_id=actor.user_id,
            )
            # Robust: the request is recorded; a broker down now only delays the export.
            transaction.on_commit(lambda: export_personal_data.delay(export.pk), robust=True)
    if refused is not None:
        raise PersonalDataRefused(refused)
    return export


def run_export(request_id: int) -> None:
    """Write the archive of one export: `personal-data.json` (every field of the worker, their
    cases with timeline, history, evidence, grievances and findings) and every document file.
    Safe to deliver twice: a copy that finds the export being written, or written, stops."""
    with alone(f"personal-data-export:{request_id}") as only_runner:
        export = PersonalDataRequest.objects.filter(pk=request_id, kind=Kind.EXPORT).first()
        if not only_runner or export is None or export.status not in UNFINISHED:
            return
        try:
            _write_export(export)
        except OperationalError:
            raise
        except Exception:
            logger.exception("Personal-data export %s failed", request_id)
            PersonalDataRequest.objects.filter(pk=request_id, status__in=UNFINISHED).update(
                status=Status.FAILED,
                refusals=[{"code": wording.EXPORT_FAILED}],
                finished_at=timezone.now(),
            )


def _write_export(export: PersonalDataRequest) -> None:
    worker = Worker.objects.select_related("agency").get(pk=export.worker_id)
    documents = list(selectors.documents_of(worker))
    PersonalDataRequest.objects.filter(pk=export.pk).update(
        status=Status.RUNNING, documents_total=len(documents), documents_done=0
    )
    with tempfile.TemporaryFile() as archive_file:
        with zipfile.ZipFile(archive_file, "w", zipfile.ZIP_DEFLATED) as archive:
            held = selectors.personal_data_of(worker, documents)
            archive.writestr(
                selectors.DATA_FILE,
                json.dumps(held, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            )
            for done, document in enumerate(documents, start=1):
                with document.file.open("rb") as stored:
                    archive.writestr(selectors.archive_name(document), stored.read())
                PersonalDataRequest.objects.filter(pk=export.pk).update(documents_done=done)
        archive_file.seek(0)
        stored = None
        try:
            with transaction.atomic(durable=True):
                locked = PersonalDataRequest.objects.select_for_update().get(pk=export.pk)
                if locked.status not in UNFINISHED:
                    return
                locked.file.save(f"{uuid.uuid4().hex}.zip", File(archive_file), save=False)
                stored = locked.file.name
                locked.status = Status.READY
                locked.finished_at = timezone.now()
                locked.save(update_fields=["file", "status", "finished_at"])
        except Exception:
            # A transaction that did not commit leaves no archive behind in storage.
            if stored:
                locked.file.storage.delete(stored)
            raise


def erasure_refusals(worker: Worker) -> list[dict]:
    """Why the law keeps this worker's data (the module's docstring says why each one), or
    nothing when the worker may be erased."""
    refusals = _erased(worker)
    if refusals:
        return refusals
    cases = worker.placements.order_by("pk")
    left_the_agency = set(
        CaseEvent.objects.filter(placement__worker=worker)
        .exclude(to_status__in=NOT_PLACED)
        .values_list("placement_id", flat=True)
    )
    for case in cases:
        if case.status not in NOT_PLACED or case.pk in left_the_agency:
            refusals.append({"code": wording.PLACED, "case": case.reference})
        elif case.status == PlacementStatus.DRAFT:
            refusals.append({"code": wording.DRAFT_CASE, "case": case.reference})
    for receipt in Grievance.objects.filter(placement__worker=worker).order_by("pk"):
        refusals.append({"code": wording.GRIEVANCE, "receipt": receipt.receipt})
    open_findings = (
        Finding.objects.filter(Q(worker=worker) | Q(placement__worker=worker))
        .filter(status__in=OPEN_FINDING_STATUSES)
        .select_related("rule")
        .order_by("pk")
    )
    for finding in open_findings:
        refusals.append({"code": wording.OPEN_FINDING, "rule": finding.rule.title_in_words})
    return refusals


def erase_worker(*, actor: Actor, worker_id: int, confirmed: bool) -> PersonalDataRequest:
    """An official in the worker's scope erases a worker who was never placed (see the
    module's docstring), once they confirm it; a refusal changes nothing but its audit row."""
    _official(actor)
    if not confirmed:
        raise ValidationError(
            {"confirm": _("Confirm the erasure: it cannot be undone.")}, code="required"
        )
    with transaction.atomic(durable=True):
        worker = _locked_worker(actor, worker_id)
        refusals = erasure_refusals(worker)
        if refusals:
            refused = _refuse(actor, worker, Kind.ERASURE, refusals)
        else:
            refused = None
            erasure = _erase(actor, worker)
    if refused is not None:
        raise PersonalDataRefused(refused)
    return erasure


def _erase(actor: Actor, worker: Worker) -> PersonalDataRequest:
    documents = list(selectors.documents_of(worker))
    exports = list(
        worker.personal_data_requests.filter(kind=Kind.EXPORT).exclude(file="").order_by("pk")
    )
    files = [d.file.name for d in documents] + [e.file.name for e in exports]
    Document.objects.filter(pk__in=[d.pk for d in documents]).delete()
    DocumentEvent.objects.filter(pgh_obj_id__in=[d.pk for d in documents]).update(
        **NEUTRAL_DOCUMENT
    )
    PersonalDataRequest.objects.filter(pk__in=[e.pk for e in exports]).update(file="")
    for name, value in NEUTRAL.items():
        setattr(worker, name, value)
    worker.erased_at = timezone.now()
    worker.save()
    # The history keeps its rows, when and by whom, without the values erased (the new row
    # the save just wrote is already neutral).
    WorkerEvent.objects.filter(pgh_obj_id=worker.pk).update(**NEUTRAL)
    erasure = PersonalDataRequest.objects.create(
        kind=Kind.ERASURE,
        worker=worker,
        worker_number=worker.pk,
        requested_by_id=actor.user_id,
        status=Status.DONE,
        finished_at=worker.erased_at,
    )
    storage = Document._meta.get_field("file").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in files])
    return erasure
