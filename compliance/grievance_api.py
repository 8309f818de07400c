from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from compliance import grievances
from compliance.filters import EmployerGrievanceFilter, GrievanceFilter
from compliance.selectors import grievances_visible_to
from mobility.access import actor_for
from mobility.api import HistoryMixin
from workers.models import Grievance, GrievanceStatus


class GrievanceSerializer(serializers.ModelSerializer):
    """What officials see of a grievance, with its SLA clocks."""

    placement_reference = serializers.CharField(source="placement.reference", read_only=True)
    employer = serializers.IntegerField(source="placement.job_order.employer_id", read_only=True)
    assignee = serializers.CharField(source="assignee.get_username", default=None)
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
    outcome = serializers.CharField(max_length=5000)


class GrievanceViewSet(HistoryMixin, viewsets.ReadOnlyModelViewSet):
    """Workers' grievances. Officials handle them; an employer sees those against it (details
    once shared); agencies see none."""

    ordering_fields = ("created_at", "acknowledgement_due", "resolution_due", "status")

    # An employer filtering or searching by case would learn whose grievance it is.
    @property
    def filterset_class(self):
        if actor_for(self.request.user).is_official:
            return GrievanceFilter
        return EmployerGrievanceFilter

    @property
    def search_fields(self):
        if actor_for(self.request.user).is_official:
            return ("receipt", "placement__reference")
        return ()

    def get_queryset(self):
        return grievances_visible_to(self.request.user)

    def get_serializer_class(self):
        if actor_for(self.request.user).is_official:
            return GrievanceSerializer
        return EmployerGrievanceSerializer

    def _respond(self, grievance):
        grievance = self.get_queryset().get(pk=grievance.pk)
        return Response(GrievanceSerializer(grievance).data)

    @extend_schema(request=AssignSerializer, responses=GrievanceSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        grievance = self.get_object()
        body = AssignSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._respond(
            grievances.assign_grievance(
                actor=actor_for(request.user),
                grievance_id=grievance.pk,
                assignee_id=body.validated_data.get("assignee"),
            )
        )

    @extend_schema(request=None, responses=GrievanceSerializer)
    @action(detail=True, methods=["post"])
    def investigate(self, request, pk=None):
        grievance = self.get_object()
        return self._respond(
            grievances.start_investigation(actor=actor_for(request.user), grievance_id=grievance.pk)
        )

    def _close(self, request, status):
        grievance = self.get_object()
        actor = actor_for(request.user)
        grievances.require_official(actor)
        body = OutcomeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._respond(
            grievances.close_grievance(
                actor=actor,
                grievance_id=grievance.pk,
                status=status,
                outcome=body.validated_data["outcome"],
            )
        )

    @extend_schema(request=OutcomeSerializer, responses=GrievanceSerializer)
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None):
        return self._close(request, GrievanceStatus.RESOLVED)

    @extend_schema(request=OutcomeSerializer, responses=GrievanceSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._close(request, GrievanceStatus.REJECTED)

    @extend_schema(request=None, responses=GrievanceSerializer)
    @action(detail=True, methods=["post"])
    def share(self, request, pk=None):
        grievance = self.get_object()
        return self._respond(
            grievances.share_with_employer(actor=actor_for(request.user), grievance_id=grievance.pk)
        )
