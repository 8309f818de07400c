from rest_framework import serializers

from compliance.findings.wording import finding_message
from compliance.models import Finding


class FindingSerializer(serializers.ModelSerializer):
    rule = serializers.CharField(source="rule.code")
    rule_title = serializers.CharField(source="rule.title_in_words")
    category = serializers.CharField(source="rule.category")
    legal_source = serializers.CharField(source="rule.source_in_words")
    placement_reference = serializers.CharField(
        source="placement.reference", default=None, allow_null=True
    )
    employer_name = serializers.CharField(
        source="employer.legal_name", default=None, allow_null=True
    )
    agency_name = serializers.CharField(source="agency.name", default=None, allow_null=True)
    message = serializers.SerializerMethodField()
    closed_by = serializers.CharField(
        source="closed_by.get_username", default=None, allow_null=True
    )

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
