from rest_framework import serializers

from workers.models import Agency

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
