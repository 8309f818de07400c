"""Input and output of the public status endpoints (no account; the worker's own words)."""

from rest_framework import serializers

DESCRIPTION_MAX = 5000


class CaseKeySerializer(serializers.Serializer):
    reference = serializers.CharField(
        max_length=40, help_text="The case reference, e.g. IRM-7K3F-9Q2P."
    )
    date_of_birth = serializers.DateField(help_text="The worker's date of birth, YYYY-MM-DD.")


class GrievanceStatusSerializer(serializers.Serializer):
    receipt = serializers.CharField()
    category = serializers.CharField()
    category_label = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    outcome = serializers.CharField()
    filed_at = serializers.DateTimeField()
    acknowledgement_due = serializers.DateTimeField()
    resolution_due = serializers.DateTimeField()
    closed_at = serializers.DateTimeField(allow_null=True, help_text="Null while it is open.")
    awaiting_answer = serializers.BooleanField(
        help_text="An official proposed it resolved: answer with /api/v1/status/grievances/answer/."
    )


class StepSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    message = serializers.CharField()


class ContractSummarySerializer(serializers.Serializer):
    terms_signed = serializers.BooleanField(
        help_text="False while the terms shown are the job offer's, not yet a signed contract."
    )
    monthly_wage_rub = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    hours_per_week = serializers.DecimalField(max_digits=4, decimal_places=1, allow_null=True)
    start = serializers.DateField(allow_null=True)
    end = serializers.DateField(allow_null=True)
    employer = serializers.CharField()
    work_region = serializers.CharField()
    work_region_name = serializers.CharField()


class CaseStatusSerializer(serializers.Serializer):
    reference = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    updated_at = serializers.DateTimeField()
    current_step = serializers.CharField()
    next_step = serializers.CharField()
    worker_name = serializers.CharField(help_text="Initials only, e.g. R**** K****.")
    contract = ContractSummarySerializer()
    timeline = StepSerializer(many=True)
    grievances = GrievanceStatusSerializer(many=True)
