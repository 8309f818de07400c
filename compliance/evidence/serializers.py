import re
from datetime import date

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from compliance.models import InsuranceCover, SafetyRecord, WageReport
from workers.placements.selectors import placements_visible_to

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@extend_schema_field({"type": "string", "pattern": r"^\d{4}-\d{2}$", "example": "2025-10"})
class MonthField(serializers.Field):
    """A calendar month as `YYYY-MM`, stored as its first day."""

    default_error_messages = {"invalid": "Give the month as YYYY-MM, e.g. 2025-10."}

    def to_internal_value(self, data):
        match = MONTH.match(str(data).strip())
        if not match or not 1 <= int(match[2]) <= 12 or int(match[1]) < 1900:
            self.fail("invalid")
        return date(int(match[1]), int(match[2]), 1)

    def to_representation(self, value):
        return f"{value:%Y-%m}"


class ScopedPlacementField(serializers.PrimaryKeyRelatedField):
    """A case id among those the caller may see; any other id reads as not existing."""

    def get_queryset(self):
        return placements_visible_to(self.context["request"].user)


def money(**kwargs):
    return serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0, **kwargs)


def hours(**kwargs):
    return serializers.DecimalField(max_digits=6, decimal_places=1, min_value=0, **kwargs)


class EvidenceSerializer(serializers.ModelSerializer):
    placement = ScopedPlacementField()
    placement_reference = serializers.CharField(source="placement.reference", read_only=True)

    def get_fields(self):
        fields = super().get_fields()
        if self.instance is not None:
            # A report belongs to its case for good; a wrong case is a new report.
            fields["placement"].read_only = True
        return fields


class WageReportSerializer(EvidenceSerializer):
    month = MonthField()
    gross_rub = money()
    tax_withheld_rub = money(required=False)
    deductions_rub = money()
    net_paid_rub = money()
    # Empty while nothing has been paid (RULES.md amendments).
    paid_on = serializers.DateField(required=False, allow_null=True)
    advance_paid_on = serializers.DateField(required=False, allow_null=True)
    hours_worked = hours()
    overtime_hours = hours(required=False)
    overtime_pay_rub = money(required=False, allow_null=True)
    employer_contributions_rub = money(required=False, allow_null=True)

    class Meta:
        model = WageReport
        fields = (
            "id",
            "placement",
            "placement_reference",
            "month",
            "gross_rub",
            "tax_withheld_rub",
            "deductions_rub",
            "net_paid_rub",
            "paid_on",
            "advance_paid_on",
            "hours_worked",
            "overtime_hours",
            "overtime_pay_rub",
            "employer_contributions_rub",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("created_at", "updated_at")
        # One report a month is checked by the service, whose message points to PATCH.
        validators = []


class SafetyRecordSerializer(EvidenceSerializer):
    class Meta:
        model = SafetyRecord
        fields = (
            "id",
            "placement",
            "placement_reference",
            "kind",
            "date",
            "severity",
            "description",
            "created_at",
        )
        read_only_fields = ("created_at",)


class InsuranceCoverSerializer(EvidenceSerializer):
    class Meta:
        model = InsuranceCover
        fields = (
            "id",
            "placement",
            "placement_reference",
            "kind",
            "policy_number",
            "valid_from",
            "valid_until",
            "created_at",
        )
        read_only_fields = ("created_at",)
