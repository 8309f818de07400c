import re
from datetime import date

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from compliance.finding_text import finding_message
from compliance.models import Finding, InsuranceCover, SafetyRecord, WageReport, WatchlistEntry
from compliance.selectors import placements_visible_to

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
    hours_worked = hours()
    overtime_hours = hours(required=False)
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
            "hours_worked",
            "overtime_hours",
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


class FindingSerializer(serializers.ModelSerializer):
    rule = serializers.CharField(source="rule.code")
    rule_title = serializers.CharField(source="rule.title")
    category = serializers.CharField(source="rule.category")
    legal_source = serializers.CharField(source="rule.legal_source")
    placement_reference = serializers.CharField(source="placement.reference", default=None)
    employer_name = serializers.CharField(source="employer.legal_name", default=None)
    agency_name = serializers.CharField(source="agency.name", default=None)
    message = serializers.SerializerMethodField()
    closed_by = serializers.CharField(source="closed_by.get_username", default=None)

    class Meta:
        model = Finding
        fields = (
            "id",
            "rule",
            "rule_title",
            "category",
            "severity",
            "status",
            "placement",
            "placement_reference",
            "employer",
            "employer_name",
            "agency",
            "agency_name",
            "worker",
            "period",
            "evidence",
            "message",
            "legal_source",
            "due_at",
            "first_detected_at",
            "last_detected_at",
            "closed_by",
            "closed_at",
            "close_reason",
        )
        read_only_fields = fields

    def get_message(self, finding) -> str:
        return finding_message(finding)


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class WatchlistEntrySerializer(serializers.ModelSerializer):
    added_by = serializers.CharField(source="added_by.get_username", read_only=True)

    class Meta:
        model = WatchlistEntry
        fields = ("id", "kind", "value", "reason", "added_by", "added_at")
        read_only_fields = ("added_by", "added_at")
        # The service compares the normalised value, so "a1234567" matches "A1234567".
        validators = []
