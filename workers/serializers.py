from decimal import Decimal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils.translation import gettext
from rest_framework import serializers

from employers.models import JobOrder, JobOrderStatus, SponsorshipStatus
from mobility.access import actor_for
from workers import lifecycle, validation
from workers.models import (
    Agency,
    AgencyDecision,
    AgencyDecisionKind,
    CaseEvent,
    Document,
    DocumentKind,
    Placement,
    PlacementStatus,
    Worker,
)
from workers.selectors import placements_visible_to, workers_visible_to
from workers.services import ARRIVAL_DATES

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
        extra_kwargs = {"passport_number": {"validators": []}}

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
    """What an employer sees of a candidate: no contact data, passport number masked."""

    passport_number = serializers.SerializerMethodField()

    class Meta:
        model = Worker
        fields = (
            "id",
            "full_name",
            "date_of_birth",
            "sex",
            "passport_number",
            "state_of_origin",
            "occupation",
            "preferred_language",
        )

    def get_passport_number(self, worker) -> str:
        return mask_passport(worker.passport_number)


def mask_passport(number: str) -> str:
    return "*" * (len(number) - 3) + number[-3:]


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
        queryset=JobOrder.objects.filter(
            status=JobOrderStatus.OPEN, employer__sponsorship_status=SponsorshipStatus.APPROVED
        ).select_related("employer"),
        error_messages={"does_not_exist": "Choose an open job order of an approved employer."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.context.get("request"), "user", None)
        self.fields["worker"].queryset = workers_visible_to(user)


class PlacementFactsSerializer(serializers.Serializer):
    """The facts of a case set outside lifecycle moves (PATCH)."""

    mvd_notified_on = serializers.DateField(required=False)
    migration_registered_on = serializers.DateField(required=False)
    medical_exam_on = serializers.DateField(required=False)
    fingerprinted_on = serializers.DateField(required=False)
    recruitment_fee_inr = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=Decimal("0"), required=False
    )

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


class TransitionSerializer(serializers.Serializer):
    to = serializers.ChoiceField(choices=PlacementStatus.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class TransitionDocumentationSerializer(TransitionSerializer):
    """The body as the API schema shows it: `to`, `note` and every field some move needs
    (workers.lifecycle.MOVES says which; the move's own form validates them)."""

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


class DocumentSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = (
            "id",
            "worker",
            "placement",
            "kind",
            "kind_label",
            "original_name",
            "sha256",
            "content_type",
            "size",
            "issued_on",
            "expires_on",
            "verification_status",
            "verification_note",
            "verified_at",
            "uploaded_at",
            "download_url",
        )
        read_only_fields = fields

    def get_download_url(self, document) -> str:
        return reverse("document-download", kwargs={"pk": document.pk})


class DocumentVerificationSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=["verified", "rejected"])
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class DocumentUploadSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    file = serializers.FileField()
    worker = serializers.PrimaryKeyRelatedField(queryset=Worker.objects.none(), required=False)
    placement = serializers.PrimaryKeyRelatedField(
        queryset=Placement.objects.none(), required=False
    )
    issued_on = serializers.DateField(required=False)
    expires_on = serializers.DateField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.context.get("request"), "user", None)
        self.fields["worker"].queryset = workers_visible_to(user)
        self.fields["placement"].queryset = placements_visible_to(user).select_related("worker")
