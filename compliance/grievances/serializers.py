from datetime import datetime

from rest_framework import serializers

from compliance.grievances import ladder
from compliance.grievances import services as grievances
from workers.models import EscalationReason, Grievance, GrievanceCategory, WorkerAnswer
from workers.status.serializers import DESCRIPTION_MAX, CaseKeySerializer


class GrievanceKeySerializer(serializers.Serializer):
    receipt = serializers.CharField(
        max_length=40, help_text="The grievance receipt number, e.g. GRV-4M8T-2C6Q."
    )
    date_of_birth = serializers.DateField()


class GrievanceAnswerSerializer(CaseKeySerializer):
    receipt = serializers.CharField(max_length=40, help_text="The complaint's receipt number.")
    answer = serializers.ChoiceField(
        choices=WorkerAnswer.choices,
        help_text="`resolved` closes it; `not_resolved` reopens it one level up.",
    )


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
    # Blank until it has been escalated, or until the worker has answered.
    escalation_reason = serializers.ChoiceField(
        choices=EscalationReason.choices, allow_blank=True, read_only=True
    )
    worker_answer = serializers.ChoiceField(
        choices=WorkerAnswer.choices, allow_blank=True, read_only=True
    )
    clock_state = serializers.SerializerMethodField(
        help_text="overdue, due_soon (past 75 % of the running clock), on_time, waiting (for "
        "the worker's answer) or closed."
    )
    silence_ends = serializers.SerializerMethodField(
        help_text="When an official may close a proposed resolution the worker has not answered."
    )

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
            "side",
            "level",
            "level_since",
            "escalation_reason",
            "acknowledged_at",
            "acknowledgement_due",
            "acknowledgement_overdue",
            "resolution_due",
            "resolution_overdue",
            "clock_state",
            "proposed_at",
            "silence_ends",
            "worker_answer",
            "worker_answered_at",
            "closed_at",
            "outcome",
            "close_reason",
            "created_at",
        )
        read_only_fields = fields

    def get_clock_state(self, grievance) -> str:
        return ladder.clock_state(grievance)

    def get_silence_ends(self, grievance) -> datetime | None:
        ends = grievances.silence_ends(grievance)
        return None if ends is None else serializers.DateTimeField().to_representation(ends)

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


class SilenceCloseSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=5000, help_text="Why it closes without the worker's answer; kept on record."
    )
