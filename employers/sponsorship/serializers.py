from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from employers.models import Employer, SponsorshipDecision, SponsorshipDecisionKind
from employers.sponsorship.services import CONTACT_FIELDS
from mobility.regions import russian_regions


class EmployerSerializer(serializers.ModelSerializer):
    inn = serializers.CharField(
        max_length=10,
        validators=[
            *Employer._meta.get_field("inn").validators,
            UniqueValidator(Employer.objects.all(), message="An employer with this INN exists."),
        ],
    )
    quota_used = serializers.IntegerField(read_only=True, default=None)

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
            "quota_used",
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


class SponsorshipDecisionSerializer(serializers.ModelSerializer):
    decided_by = serializers.CharField(source="decided_by.get_username", read_only=True)
    # Plain strings: the schema names the sponsorship-status enum once, on the employer.
    from_status = serializers.CharField(read_only=True)
    to_status = serializers.CharField(read_only=True)

    class Meta:
        model = SponsorshipDecision
        fields = (
            "id",
            "decision",
            "from_status",
            "to_status",
            "quota",
            "reason",
            "decided_by",
            "decided_at",
        )
        read_only_fields = fields


class DecisionInputSerializer(serializers.Serializer):
    """The body of `POST /api/v1/employers/{id}/decide/`; whether the move is allowed and what
    it needs is the service's decision table."""

    decision = serializers.ChoiceField(choices=SponsorshipDecisionKind.choices)
    quota = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=1_000_000
    )
    reason = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")


def validate_russian_region(value: str) -> None:
    if value and value not in dict(russian_regions()):
        raise serializers.ValidationError(
            f"{value} is not an ISO 3166-2:RU region code (e.g. RU-MOW)."
        )
