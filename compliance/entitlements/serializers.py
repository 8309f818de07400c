"""The ledger in the API: entitlements with their payments and art. 236 arithmetic, the
payment body, and the worker's view through the public status endpoints."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from compliance.entitlements.models import Entitlement, Payment, PaymentAnswer, PaymentMethod
from compliance.entitlements.selectors import compensation_of
from workers.status.serializers import CaseKeySerializer

MONEY = {"max_digits": 12, "decimal_places": 2}


class StretchSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField(help_text="Included.")
    days = serializers.IntegerField()
    outstanding = serializers.DecimalField(**MONEY)
    rate_pct = serializers.DecimalField(max_digits=5, decimal_places=2)
    amount = serializers.DecimalField(
        **MONEY, help_text="days × outstanding × rate / 150, to the kopeck."
    )


class PaymentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Payment
        fields = (
            "id",
            "amount",
            "paid_on",
            "method",
            "reference",
            "answer",
            "recorded_at",
            "answered_at",
            "accept_reason",
        )
        read_only_fields = fields


class _Compensated(serializers.Serializer):
    """The compensation fields, from the key rates the view read once for the whole list."""

    def _compensation(self, entitlement):
        cache = self.context.setdefault("compensations", {})
        if entitlement.pk not in cache:
            cache[entitlement.pk] = compensation_of(entitlement, self.context["rates"])
        return cache[entitlement.pk]


class EntitlementSerializer(_Compensated, serializers.ModelSerializer):
    outstanding = serializers.DecimalField(**MONEY, read_only=True)
    compensation_rub = serializers.SerializerMethodField(
        help_text="Labour Code art. 236, up to today or the day it was paid; null unless wages."
    )
    compensation = serializers.SerializerMethodField()
    placement_reference = serializers.CharField(source="placement.reference")
    payments = PaymentSerializer(many=True, read_only=True)

    class Meta:
        model = Entitlement
        fields = (
            "id",
            "placement",
            "placement_reference",
            "kind",
            "period",
            "currency",
            "amount_owed",
            "paid_accepted",
            "outstanding",
            "compensation_rub",
            "compensation",
            "owed_by",
            "legal_source",
            "due_on",
            "finding",
            "status",
            "waive_reason",
            "payments",
        )
        read_only_fields = fields

    @extend_schema_field(serializers.DecimalField(**MONEY, allow_null=True))
    def get_compensation_rub(self, entitlement):
        found = self._compensation(entitlement)
        return None if found is None else str(found.total)

    @extend_schema_field(StretchSerializer(many=True))
    def get_compensation(self, entitlement):
        found = self._compensation(entitlement)
        return [] if found is None else StretchSerializer(found.stretches, many=True).data


class PaymentBodySerializer(serializers.Serializer):
    amount = serializers.DecimalField(**MONEY, min_value=0)
    paid_on = serializers.DateField()
    method = serializers.ChoiceField(choices=PaymentMethod.choices)
    reference = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class AcceptSerializer(serializers.Serializer):
    payment = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    reason = serializers.CharField(max_length=2000)


class WaiveSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class PaymentAnswerSerializer(CaseKeySerializer):
    payment = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    answer = serializers.ChoiceField(choices=[PaymentAnswer.CONFIRMED, PaymentAnswer.DISPUTED])


class WorkerPaymentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    amount = serializers.DecimalField(**MONEY)
    paid_on = serializers.DateField()
    method = serializers.CharField()
    method_label = serializers.CharField()
    answer = serializers.CharField()
    answer_label = serializers.CharField()


class WorkerEntitlementSerializer(serializers.Serializer):
    reference = serializers.CharField(help_text="The case the amount is owed on.")
    kind = serializers.CharField()
    kind_label = serializers.CharField()
    period = serializers.CharField()
    period_label = serializers.CharField()
    currency = serializers.CharField()
    amount_owed = serializers.DecimalField(**MONEY)
    paid_accepted = serializers.DecimalField(**MONEY)
    outstanding = serializers.DecimalField(**MONEY)
    compensation_rub = serializers.DecimalField(**MONEY, allow_null=True)
    owed_by = serializers.CharField()
    owed_by_label = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    payments = WorkerPaymentSerializer(many=True)


class WorkerLedgerSerializer(serializers.Serializer):
    reference = serializers.CharField()
    entitlements = WorkerEntitlementSerializer(many=True)
