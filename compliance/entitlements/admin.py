"""Admin of the ledger: key rates are the officials' data to edit (a new Bank of Russia
decision is a row, not a deploy); entitlements and their payments are read-only, since they
move only through the ledger's services."""

from django.contrib import admin

from compliance.entitlements.models import Entitlement, KeyRate, Payment
from mobility.admin import SupportAdmin, SupportInline


@admin.register(KeyRate)
class KeyRateAdmin(admin.ModelAdmin):
    list_display = ("effective_from", "rate_pct", "source")
    ordering = ("-effective_from",)


class PaymentInline(SupportInline):
    model = Payment


@admin.register(Entitlement)
class EntitlementAdmin(SupportAdmin):
    list_display = ("placement", "kind", "period", "amount_owed", "paid_accepted", "status")
    list_filter = ("kind", "status", "owed_by")
    search_fields = ("placement__reference",)
    list_select_related = ("placement",)
    inlines = (PaymentInline,)
