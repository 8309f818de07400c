"""An agency's register of its workers: registering, editing and deleting them.

Each action takes the acting `Actor`, runs in its own (durable) transaction and tells other apps
through `worker_changed`, sent on commit.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mobility.access import Actor, Role
from mobility.errors import ActionForbidden, MoveNotAllowed, NotFound
from workers.models import (
    Document,
    Worker,
)
from workers.placements.services import _announce
from workers.placements.signals import worker_changed


def register_worker(*, actor: Actor, data: dict) -> Worker:
    """An agency registers its own worker; consent to data processing is recorded as a time."""
    if actor.role != Role.AGENCY:
        raise ActionForbidden(_("Only agency staff register workers."))
    with transaction.atomic(durable=True):
        worker = Worker.objects.create(agency_id=actor.agency_id, consent_at=timezone.now(), **data)
        _announce(worker_changed, worker_id=worker.pk)
    return worker


def _locked_worker(actor: Actor, worker_id: int) -> Worker:
    """The agency's own worker; another agency's does not exist for it."""
    try:
        return Worker.objects.select_for_update().get(pk=worker_id, agency_id=actor.agency_id)
    except Worker.DoesNotExist:
        raise NotFound from None


def update_worker(*, actor: Actor, worker_id: int, data: dict) -> Worker:
    """Only the worker's own agency edits the worker's data, and never an erased worker's: an
    erasure is not undone by filling the fields in again."""
    if actor.role != Role.AGENCY:
        raise ActionForbidden(_("Only the worker's agency edits a worker."))
    with transaction.atomic(durable=True):
        worker = _locked_worker(actor, worker_id)
        if worker.erased_at is not None:
            raise MoveNotAllowed(
                _(
                    "This worker's personal data was erased; if the person comes back, "
                    "register them again."
                )
            )
        for name, value in data.items():
            setattr(worker, name, value)
        worker.save()
        _announce(worker_changed, worker_id=worker.pk)
    return worker


def delete_worker(*, actor: Actor, worker_id: int) -> None:
    """An agency may delete a worker it registered by mistake, never one with a case: the case
    history must survive (officials erase personal data through their own procedure)."""
    if actor.role != Role.AGENCY:
        raise ActionForbidden(_("Only the worker's agency deletes a worker."))
    with transaction.atomic(durable=True):
        worker = _locked_worker(actor, worker_id)
        if worker.placements.exists():
            raise MoveNotAllowed(_("A worker with cases cannot be deleted; withdraw the cases."))
        files = [document.file.name for document in worker.documents.all()]
        worker.delete()
        storage = Document._meta.get_field("file").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in files])
