from rest_framework import serializers

from compliance.grievances import services as grievances
from workers.models import Grievance, GrievanceCategory
from workers.status.serializers import DESCRIPTION_MAX, CaseKeySerializer


class GrievanceKeySerializer(serializers.Serializer):
    receipt = serializers.CharField(
        max_length=40, help_text="The grievance receipt number, e.g. GRV-4M8T-2C6Q."
    )
    date_of_birth = serializers.DateField()


class GrievanceFilingSerializer(CaseKeySerializer):
    category = serializers.ChoiceField(choices=GrievanceCategory.choices)
    description = serializers.CharField(max_length=DESCRIPTION_MAX)


class GrievanceSerializer(serializers.ModelSerializer):
    """What officials see of a grievance, with its SLA clocks."""

    placement_reference = serializers.CharField(source="placement.reference", read_only=True)
    employer = serializers.IntegerField(source="placement.job_order.employer_id", read_only=True)
    assignee = serializers.CharField(source="assignee.get_username", default=None, allow_null=True)
    acknowledgement_overdue = serializers.SerializerMethodField()
    resolution_overdue = serializers.SerializerMethodField()

    class Meta:
        model = Grievance
        fields = (
            "id",
            "receipt",
            "placement",
            "placement_reference",
            "employer",
            "category",
            "description",
            "status",
            "assignee",
            "shared_with_employer",
            "acknowledged_at",
            "acknowledgement_due",
            "acknowledgement_overdue",
            "resolution_due",
            "resolution_overdue",
            "closed_at",
            "outcome",
            "created_at",
        )
        read_only_fields = fields

    def get_acknowledgement_overdue(self, grievance) -> bool:
        return grievances.acknowledgement_clock(grievance).overdue

    def get_resolution_overdue(self, grievance) -> bool:
        return grievances.resolution_clock(grievance).overdue


class EmployerGrievanceSerializer(serializers.ModelSerializer):
    """An employer learns that a grievance exists against it; whose it is and what it says only
    once an official shares it (SPEC §3)."""

    SHARED_ONLY = ("placement", "placement_reference", "description", "outcome")
    SOMETIMES_OMITTED = SHARED_ONLY

    placement_reference = serializers.CharField(source="placement.reference", read_only=True)

    class Meta:
        model = Grievance
        fields = (
            "id",
            "category",
            "status",
            "shared_with_employer",
            "created_at",
            "closed_at",
            "placement",
            "placement_reference",
            "description",
            "outcome",
        )
        read_only_fields = fields

    def to_representation(self, grievance):
        data = super().to_representation(grievance)
        if not grievance.shared_with_employer:
            for name in self.SHARED_ONLY:
                data.pop(name)
        return data


class AssignSerializer(serializers.Serializer):
    assignee = serializers.IntegerField(required=False, help_text="user id; yourself if omitted")


class OutcomeSerializer(serializers.Serializer):
    standard_outcome = serializers.ChoiceField(
        choices=list(grievances.STANDARD_OUTCOMES),
        required=False,
        allow_blank=True,
        help_text="A standard outcome, stored in the worker's language.",
    )
    outcome = serializers.CharField(
        max_length=5000,
        required=False,
        allow_blank=True,
        help_text="The official's own note, stored as written (after the standard outcome).",
    )
