from rest_framework import serializers

from workers.models import (
    Agency,
    AgencyDecision,
    AgencyDecisionKind,
)

CONTACT_FIELDS = ("address", "contact_email", "contact_phone")


class AgencySerializer(serializers.ModelSerializer):
    class Meta:
        model = Agency
        fields = (
            "id",
            "name",
            "licence_number",
            "licence_valid_until",
            "status",
            "state",
            "address",
            "contact_email",
            "contact_phone",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("status", "created_at", "updated_at")


class AgencyContactSerializer(AgencySerializer):
    """What an agency's own staff may change: contact data only."""

    class Meta(AgencySerializer.Meta):
        read_only_fields = tuple(f for f in AgencySerializer.Meta.fields if f not in CONTACT_FIELDS)


class AgencyDecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=AgencyDecisionKind.choices)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class AgencyDecisionRecordSerializer(serializers.ModelSerializer):
    decided_by = serializers.StringRelatedField()

    class Meta:
        model = AgencyDecision
        fields = ("decision", "from_status", "to_status", "reason", "decided_by", "decided_at")
