"""The worker's answers to the wage months their employer reported: received as shown, or not
(with what actually arrived). Kept as a log, one row per answer: the latest one is the month's
answer, the earlier ones what the worker said before changing it."""

import pghistory
from django.db import models
from django.utils.translation import gettext_lazy as _

MONEY = {"max_digits": 12, "decimal_places": 2}
# How a finding the worker withdrew is closed: by no official's judgement.
WITHDRAWN_BY_WORKER = "withdrawn by the worker"


class WageAnswerKind(models.TextChoices):
    CONFIRMED = "confirmed", _("Received as shown")
    DISPUTED = "disputed", _("Not as shown")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class WageAnswer(models.Model):
    # The worker's word is evidence: a report they answered is not deleted from under it.
    wage_report = models.ForeignKey(
        "compliance.WageReport", on_delete=models.PROTECT, related_name="worker_answers"
    )
    answer = models.CharField(_("answer"), max_length=10, choices=WageAnswerKind.choices)
    # What the report said had reached the worker when they answered, and what did.
    reported_net_rub = models.DecimalField(_("net reported, RUB"), **MONEY)
    received_rub = models.DecimalField(_("received, RUB"), null=True, blank=True, **MONEY)
    note = models.TextField(_("note"), blank=True)
    # A dispute raises both for officials, in the transaction that records it.
    finding = models.OneToOneField(
        "compliance.Finding",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wage_answer",
    )
    grievance = models.OneToOneField(
        "workers.Grievance",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wage_answer",
    )
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-answered_at", "-pk"]
        indexes = [models.Index(fields=["wage_report", "-answered_at", "-id"])]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(answer="confirmed") & models.Q(received_rub__isnull=True))
                | (models.Q(answer="disputed") & models.Q(received_rub__gte=0)),
                name="wage_answer_received_for_disputes_only",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.wage_report} {self.answer}"
