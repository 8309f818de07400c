"""What is owed to a worker: one entitlement per money finding, the payments made against it,
and the Bank of Russia key rates that price late wages (Labour Code art. 236)."""

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MONEY = {"max_digits": 12, "decimal_places": 2}


class EntitlementKind(models.TextChoices):
    UNPAID_WAGES = "unpaid_wages", _("Wages not paid")
    UNDERPAID_WAGES = "underpaid_wages", _("Wages below what the contract owes")
    EXCESS_DEDUCTIONS = "excess_deductions", _("Deductions above the legal limit")
    FINAL_SETTLEMENT = "final_settlement", _("Final settlement paid late")
    TAX_REFUND = "tax_refund", _("Income tax withheld above the resident rate")
    RECRUITMENT_FEE = "recruitment_fee", _("Recruitment fee charged to the worker")
    DISPUTED_WAGES = "disputed_wages", _("Wages the worker did not receive")


# Wages in the sense of Labour Code art. 236: late, they earn the worker compensation. The tax
# refund (Tax Code art. 231) and the agency's fee do not.
WAGE_KINDS = (
    EntitlementKind.UNPAID_WAGES,
    EntitlementKind.UNDERPAID_WAGES,
    EntitlementKind.EXCESS_DEDUCTIONS,
    EntitlementKind.FINAL_SETTLEMENT,
    EntitlementKind.DISPUTED_WAGES,
)


class OwedBy(models.TextChoices):
    EMPLOYER = "employer", _("The employer")
    AGENCY = "agency", _("The agency")


class Currency(models.TextChoices):
    RUB = "RUB", _("Roubles")
    INR = "INR", _("Rupees")


class EntitlementStatus(models.TextChoices):
    OPEN = "open", _("Owed")
    PARTLY_PAID = "partly_paid", _("Partly paid")
    PAID = "paid", _("Paid")
    WAIVED = "waived", _("Waived")


# Still owed: the engine does not close the finding of such an entitlement by itself.
OWED_STATUSES = (EntitlementStatus.OPEN, EntitlementStatus.PARTLY_PAID)


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Entitlement(models.Model):
    """An amount a money finding says the worker is owed, followed until it is paid."""

    finding = models.OneToOneField(
        "compliance.Finding", on_delete=models.CASCADE, related_name="entitlement"
    )
    placement = models.ForeignKey(
        "workers.Placement", on_delete=models.CASCADE, related_name="entitlements"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EntitlementKind.choices)
    period = models.CharField(_("period"), max_length=20, blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    # Follows the finding's evidence while the finding is open.
    amount_owed = models.DecimalField(_("amount owed"), **MONEY)
    # The sum of the payments the worker confirmed (or an official accepted); kept by the
    # services under the entitlement's row lock, so that the sweep can judge the status in SQL.
    paid_accepted = models.DecimalField(_("paid and accepted"), default=0, **MONEY)
    owed_by = models.CharField(_("owed by"), max_length=10, choices=OwedBy.choices)
    legal_source = models.TextField(_("legal source"), blank=True)
    # The last day the money could lawfully be paid; art. 236 compensation runs from the next
    # day. Empty for what earns none.
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=EntitlementStatus.choices,
        default=EntitlementStatus.OPEN,
        db_index=True,
    )
    waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    waived_at = models.DateTimeField(null=True, blank=True)
    waive_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("entitlement")
        verbose_name_plural = _("entitlements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_owed__gte=0) & models.Q(paid_accepted__gte=0),
                name="entitlement_amounts_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["placement", "status"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.placement_id} {self.period}".strip()

    @property
    def outstanding(self):
        """What is still owed: never below zero, however the amount owed moved."""
        return max(self.amount_owed - self.paid_accepted, 0)

    @property
    def is_wage(self) -> bool:
        return self.kind in WAGE_KINDS


class PaymentMethod(models.TextChoices):
    BANK_TRANSFER = "bank_transfer", _("Bank transfer")
    CARD = "card", _("To the worker's card")
    CASH = "cash", _("Cash")
    OTHER = "other", _("Other")


class PaymentAnswer(models.TextChoices):
    PENDING = "pending", _("Waiting for the worker")
    CONFIRMED = "confirmed", _("Confirmed by the worker")
    DISPUTED = "disputed", _("Disputed by the worker")
    ACCEPTED = "accepted", _("Accepted by an official")


# A payment that counts against what is owed.
ACCEPTED_ANSWERS = (PaymentAnswer.CONFIRMED, PaymentAnswer.ACCEPTED)


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Payment(models.Model):
    """A payment the owing party (or an official) says it made; it counts once the worker
    confirms it, or an official accepts it after the worker stayed silent."""

    entitlement = models.ForeignKey(Entitlement, on_delete=models.CASCADE, related_name="payments")
    amount = models.DecimalField(_("amount"), **MONEY)
    paid_on = models.DateField(_("paid on"))
    method = models.CharField(_("method"), max_length=15, choices=PaymentMethod.choices)
    reference = models.CharField(_("payment reference"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    answer = models.CharField(
        _("answer"), max_length=10, choices=PaymentAnswer.choices, default=PaymentAnswer.PENDING
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accept_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["paid_on", "pk"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="payment_amount_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.amount} on {self.paid_on}"


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class KeyRate(models.Model):
    """The Bank of Russia key rate in force from a day until the next row's day."""

    effective_from = models.DateField(_("in force from"), unique=True)
    rate_pct = models.DecimalField(_("key rate, % a year"), max_digits=5, decimal_places=2)
    source = models.TextField(_("source"))

    class Meta:
        ordering = ["effective_from"]
        verbose_name = _("key rate")
        verbose_name_plural = _("key rates")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rate_pct__gt=0) & models.Q(rate_pct__lt=100),
                name="key_rate_a_percentage",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rate_pct} % from {self.effective_from}"
