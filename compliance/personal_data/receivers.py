"""An export's archive holds everything on a worker: it goes when the worker goes."""

from django.db import transaction

from compliance.models import PersonalDataRequest


def on_worker_deleted(sender, instance, **kwargs) -> None:
    """The agency deleted a worker registered by mistake: the audit rows stay (they keep the
    worker's number), the archives of their exports are deleted from storage."""
    exports = PersonalDataRequest.objects.filter(worker_number=instance.pk).exclude(file="")
    storage = PersonalDataRequest._meta.get_field("file").storage
    names = list(exports.values_list("file", flat=True))
    exports.update(file="")
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
