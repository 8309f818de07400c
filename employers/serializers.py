from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from employers.models import Employer

CONTACT_FIELDS = ("address", "contact_email", "contact_phone")


class EmployerSerializer(serializers.ModelSerializer):
    inn = serializers.CharField(
        max_length=10,
        validators=[
            *Employer._meta.get_field("inn").validators,
            UniqueValidator(Employer.objects.all(), message="An employer with this INN exists."),
        ],
    )

    class Meta:
        model = Employer
        fields = (
            "id",
            "legal_name",
            "inn",
            "ogrn",
            "region",
            "sector",
            "address",
            "contact_email",
            "contact_phone",
            "sponsorship_status",
            "quota",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("sponsorship_status", "quota", "created_at", "updated_at")


class EmployerContactSerializer(EmployerSerializer):
    """What an employer's own staff may change: contact data only."""

    class Meta(EmployerSerializer.Meta):
        read_only_fields = tuple(
            f for f in EmployerSerializer.Meta.fields if f not in CONTACT_FIELDS
        )
