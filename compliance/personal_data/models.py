from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonalDataRequestKind(models.TextChoices):
    EXPORT = "export", _("Export of everything held")
    ERASURE = "erasure", _("Erasure")


class PersonalDataRequestStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being prepared")
    READY = "ready", _("Ready to download")
    DONE = "done", _("Erased")
    REFUSED = "refused", _("Refused")
    FAILED = "failed", _("Failed")


class PersonalDataRequest(models.Model):
    """An official's export or erasure of one worker's personal data (SPEC §10), kept as the
    audit of who asked, when, for which worker and what came of it."""

    kind = models.CharField(_("kind"), max_length=10, choices=PersonalDataRequestKind.choices)
    # The worker's number stays when the agency later deletes the worker, so the audit keeps
    # saying whose data it was.
    worker = models.ForeignKey(
        "workers.Worker",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="personal_data_requests",
    )
    worker_number = models.PositiveBigIntegerField(_("worker number"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PersonalDataRequestStatus.choices,
        default=PersonalDataRequestStatus.QUEUED,
    )
    # Why a request was refused, as codes and the objects they name (rendered in the reader's
    # language by compliance.personal_data.wording).
    refusals = models.JSONField(default=list, blank=True)
    documents_total = models.PositiveIntegerField(default=0)
    documents_done = models.PositiveIntegerField(default=0)
    # The export's archive; emptied (and deleted from storage) when the worker is erased.
    file = models.FileField(upload_to="personal-data/%Y/%m/", blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("personal-data request")
        verbose_name_plural = _("personal-data requests")
        indexes = [models.Index(fields=["worker", "kind", "-requested_at"])]

    def __str__(self) -> str:
        return f"{self.kind} of worker #{self.worker_number} ({self.status})"
