from rest_framework import serializers

from employers.models import JobOrder
from employers.sponsorship.serializers import validate_russian_region
from mobility.occupations import validate_occupation


class JobOrderSerializer(serializers.ModelSerializer):
    employer_name = serializers.CharField(source="employer.legal_name", read_only=True)
    occupation = serializers.CharField(max_length=4, validators=[validate_occupation])
    # A string checked against the region list, so the schema has one region enum (employer's).
    work_region = serializers.CharField(
        max_length=6, required=False, allow_blank=True, validators=[validate_russian_region]
    )
    hours_per_week = serializers.DecimalField(
        max_digits=4, decimal_places=1, min_value=1, max_value=168
    )
    monthly_wage_rub = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)
    monthly_deduction_rub = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=0, required=False
    )
    overtime_rate = serializers.DecimalField(
        max_digits=4, decimal_places=2, min_value=1, max_value=10, required=False
    )
    positions = serializers.IntegerField(min_value=1, max_value=100_000)
    contract_months = serializers.IntegerField(min_value=1, max_value=120)

    class Meta:
        model = JobOrder
        fields = (
            "id",
            "employer",
            "employer_name",
            "title",
            "occupation",
            "positions",
            "monthly_wage_rub",
            "hours_per_week",
            "overtime_rate",
            "accommodation_provided",
            "meals_provided",
            "monthly_deduction_rub",
            "work_region",
            "contract_months",
            "status",
            "opened_at",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("employer", "status", "opened_at", "created_at", "updated_at")
