from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from workers.models import (
    Worker,
)
from workers.registry import validation

# The identity fields only an erased worker goes without (SPEC §10).
ERASED_ONLY = ("date_of_birth", "passport_number", "passport_expiry")


class WorkerSerializer(serializers.ModelSerializer):
    """A worker as their own agency and officials see them; validation happens here, at the
    edge, so a page, the API and an import refuse the same things."""

    consent = serializers.BooleanField(
        write_only=True,
        required=False,
        help_text="The worker agrees to the processing of their data; required to register.",
    )

    class Meta:
        model = Worker
        fields = (
            "id",
            "agency",
            "full_name",
            "date_of_birth",
            "sex",
            "passport_number",
            "passport_expiry",
            "state_of_origin",
            "phone",
            "email",
            "occupation",
            "preferred_language",
            "consent",
            "consent_at",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("agency", "consent_at", "created_at", "updated_at")
        # Null only once erased (an erased worker reads with them null); never sent as null.
        extra_kwargs = {
            "passport_number": {"validators": [], "required": True},
            "date_of_birth": {"required": True},
            "passport_expiry": {"required": True},
        }

    def to_internal_value(self, data):
        missing = {
            name: [self.fields[name].error_messages["required"]]
            for name in ERASED_ONLY
            if hasattr(data, "get") and name in data and data.get(name) is None
        }
        if missing:
            raise serializers.ValidationError(missing)
        return super().to_internal_value(data)

    def validate_full_name(self, value):
        return validation.check_full_name(value)

    def validate_passport_number(self, value):
        value = validation.check_passport_number(value)
        others = Worker.objects.filter(passport_number=value)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            # Deliberately silent about which agency holds it.
            raise serializers.ValidationError(
                "A worker with this passport number is already registered."
            )
        return value

    def validate_passport_expiry(self, value):
        return validation.check_passport_expiry(value)

    def validate_date_of_birth(self, value):
        return validation.check_date_of_birth(value)

    def validate_state_of_origin(self, value):
        return validation.check_state_of_origin(value)

    def validate_phone(self, value):
        return validation.check_phone(value)

    def validate_occupation(self, value):
        return validation.check_occupation(value)

    def validate(self, attrs):
        consent = attrs.pop("consent", None)
        if self.instance is None:
            try:
                validation.check_consent(consent)
            except DjangoValidationError as error:
                raise serializers.ValidationError({"consent": error.messages}) from None
        # An HTML form without the box reads as False; only an explicit "consent": false counts.
        if consent is False and "consent" in self.initial_data:
            raise serializers.ValidationError(
                {"consent": ["Consent cannot be withdrawn here; ask an official to erase data."]}
            )
        return attrs


class MaskedWorkerSerializer(serializers.ModelSerializer):
    """What an employer sees of a candidate: no contact data, passport number masked, the age
    instead of the date of birth (with a grievance's receipt, the date of birth would open the
    worker's grievance at the public lookup)."""

    passport_number = serializers.SerializerMethodField()
    age = serializers.IntegerField(read_only=True)

    class Meta:
        model = Worker
        fields = (
            "id",
            "full_name",
            "age",
            "sex",
            "passport_number",
            "state_of_origin",
            "occupation",
            "preferred_language",
        )

    def get_passport_number(self, worker) -> str:
        return validation.mask_passport(worker.passport_number)
