"""Input and output of the worker's wage endpoints (no account; the case key opens them)."""

from datetime import date, datetime

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from compliance.models import WageAnswerKind
from workers.status.serializers import CaseKeySerializer

NOTE_MAX = 2000
ANSWERS = ("pending", "confirmed", "disputed", "no_answer")


@extend_schema_field({"type": "string", "pattern": r"^\d{4}-\d{2}$", "example": "2026-10"})
class MonthField(serializers.Field):
    """A month as `YYYY-MM`; its first day inside."""

    default_error_messages = {"invalid": "A month is written YYYY-MM, e.g. 2026-10."}

    def to_internal_value(self, data) -> date:
        try:
            return datetime.strptime(str(data), "%Y-%m").date()
        except ValueError:
            self.fail("invalid")

    def to_representation(self, value: date) -> str:
        return f"{value:%Y-%m}"


class WageAnswerInputSerializer(CaseKeySerializer):
    month = MonthField(help_text="The month answered, YYYY-MM.")
    answer = serializers.ChoiceField(choices=WageAnswerKind.values)
    received_rub = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        min_value=0,
        required=False,
        allow_null=True,
        help_text="What actually arrived, in roubles: required for a dispute.",
    )
    note = serializers.CharField(max_length=NOTE_MAX, required=False, allow_blank=True)


class WageMonthSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM")
    month_label = serializers.CharField()
    gross_rub = serializers.DecimalField(max_digits=12, decimal_places=2)
    tax_withheld_rub = serializers.DecimalField(max_digits=12, decimal_places=2)
    deductions_rub = serializers.DecimalField(max_digits=12, decimal_places=2)
    deductions_for = serializers.ListField(
        child=serializers.CharField(), help_text="What the deductions were for, in words."
    )
    net_paid_rub = serializers.DecimalField(max_digits=12, decimal_places=2)
    paid_on = serializers.DateField(allow_null=True)
    reported_at = serializers.DateTimeField()
    answer_due = serializers.DateTimeField(
        help_text="After this, a month still unanswered is `no_answer`."
    )
    answer = serializers.ChoiceField(choices=ANSWERS)
    received_rub = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    note = serializers.CharField()
    answered_at = serializers.DateTimeField(allow_null=True)
    can_change = serializers.BooleanField(
        help_text="False once an official has acted on the dispute this answer raised."
    )


class WageMonthsSerializer(serializers.Serializer):
    reference = serializers.CharField()
    months = WageMonthSerializer(many=True)
