from decimal import Decimal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext
from rest_framework import serializers

from employers.job_orders.selectors import job_orders_visible_to
from employers.models import JobOrder
from mobility.access import actor_for
from workers.models import (
    CaseEvent,
    Placement,
    PlacementStatus,
    Worker,
)
from workers.placements import lifecycle
from workers.placements.forms import PermitOccupationField, PermitRegionField
from workers.placements.services import ARRIVAL_DATES, PERMIT_FACTS
from workers.registry.selectors import workers_visible_to


class PlacementSerializer(serializers.ModelSerializer):
    worker_name = serializers.CharField(source="worker.full_name", read_only=True)
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    job_title = serializers.CharField(source="job_order.title", read_only=True)
    employer = serializers.IntegerField(source="job_order.employer_id", read_only=True)
    employer_name = serializers.CharField(source="job_order.employer.legal_name", read_only=True)
    work_region = serializers.CharField(source="job_order.work_region", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    allowed_moves = serializers.SerializerMethodField()

    class Meta:
        model = Placement
        fields = (
            "id",
            "reference",
            "worker",
            "worker_name",
            "agency",
            "agency_name",
            "job_order",
            "job_title",
            "employer",
            "employer_name",
            "work_region",
            "status",
            "status_label",
            "allowed_moves",
            "contract_wage_rub",
            "contract_hours_per_week",
            "contract_start",
            "contract_end",
            "recruitment_fee_inr",
            "visa_number",
            "work_permit_number",
            "work_permit_valid_from",
            "work_permit_valid_until",
            *PERMIT_FACTS,
            "departure_date",
            "arrival_date",
            "employment_start",
            *ARRIVAL_DATES,
            "end_date",
            "termination_reason",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields

    def get_allowed_moves(self, placement) -> list[str]:
        actor = actor_for(self.context["request"].user)
        return [move.to for move in lifecycle.allowed_moves(placement, actor)]


class PlacementCreateSerializer(serializers.Serializer):
    worker = serializers.PrimaryKeyRelatedField(queryset=Worker.objects.none())
    job_order = serializers.PrimaryKeyRelatedField(
        queryset=JobOrder.objects.none(),
        error_messages={"does_not_exist": "Choose an open job order of an approved employer."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.context.get("request"), "user", None)
        self.fields["worker"].queryset = workers_visible_to(user)
        # Agencies, the only ones who open cases, see the open job orders of approved sponsors.
        self.fields["job_order"].queryset = job_orders_visible_to(user)


class PlacementFactsSerializer(serializers.Serializer):
    """The facts of a case set outside lifecycle moves (PATCH)."""

    mvd_start_notified_on = serializers.DateField(required=False)
    mvd_end_notified_on = serializers.DateField(required=False)
    work_permit_region = serializers.CharField(required=False, max_length=6)
    work_permit_occupation = serializers.CharField(required=False, max_length=200)
    migration_registered_on = serializers.DateField(required=False)
    medical_exam_on = serializers.DateField(required=False)
    fingerprinted_on = serializers.DateField(required=False)
    recruitment_fee_inr = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=Decimal("0"), required=False
    )

    # Validated as the page's form validates them: one decision for both.
    def validate_work_permit_region(self, value):
        return _cleaned(PermitRegionField(), value)

    def validate_work_permit_occupation(self, value):
        return _cleaned(PermitOccupationField(), value)

    def validate(self, attrs):
        unknown = sorted(set(self.initial_data) - set(self.fields))
        if unknown:
            raise serializers.ValidationError(
                {
                    name: [
                        "This field cannot be changed here; "
                        "use a lifecycle move (transition) or a field listed in the API schema."
                    ]
                    for name in unknown
                }
            )
        if not attrs:
            raise serializers.ValidationError("Send at least one field to change.")
        return attrs


def _cleaned(field, value):
    try:
        return field.clean(value)
    except DjangoValidationError as error:
        raise serializers.ValidationError(error.messages) from error


class TransitionSerializer(serializers.Serializer):
    to = serializers.ChoiceField(choices=PlacementStatus.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class TransitionDocumentationSerializer(TransitionSerializer):
    """The body as the API schema shows it: `to`, `note` and every field some move needs
    (workers.placements.lifecycle.MOVES says which; the move's own form validates them)."""

    reason = serializers.CharField(required=False)
    contract_wage_rub = serializers.DecimalField(max_digits=12, decimal_places=2, required=False)
    contract_hours_per_week = serializers.DecimalField(
        max_digits=4, decimal_places=1, required=False
    )
    contract_start = serializers.DateField(required=False)
    contract_end = serializers.DateField(required=False)
    visa_number = serializers.CharField(required=False)
    work_permit_number = serializers.CharField(required=False)
    work_permit_valid_from = serializers.DateField(required=False)
    work_permit_valid_until = serializers.DateField(required=False)
    work_permit_region = serializers.CharField(
        required=False, help_text="ISO 3166-2:RU code of the region that issued the permit."
    )
    work_permit_occupation = serializers.CharField(
        required=False, help_text="ISCO-08 code, or the occupation as the permit words it."
    )
    departure_date = serializers.DateField(required=False)
    arrival_date = serializers.DateField(required=False)
    employment_start = serializers.DateField(required=False)
    end_date = serializers.DateField(required=False)


class CaseEventSerializer(serializers.ModelSerializer):
    actor = serializers.StringRelatedField()
    message = serializers.SerializerMethodField()

    class Meta:
        model = CaseEvent
        fields = ("at", "actor", "from_status", "to_status", "public_message", "message", "note")

    def get_message(self, event) -> str:
        return gettext(event.public_message) if event.public_message else ""
