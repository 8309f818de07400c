import django_filters
from django.db.models import Exists, OuterRef
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from mobility.access import Role, actor_for
from mobility.api import HistoryMixin
from mobility.errors import ActionForbidden
from workers import services
from workers.models import Placement, PlacementStatus, Worker
from workers.selectors import agencies_visible_to, workers_visible_to
from workers.serializers import (
    AgencyContactSerializer,
    AgencyDecisionRecordSerializer,
    AgencyDecisionSerializer,
    AgencySerializer,
    MaskedWorkerSerializer,
    WorkerSerializer,
)


class AgencyViewSet(
    HistoryMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """Licensed recruitment agencies. Indian-side officials register them and decide on their
    standing; an agency's own staff edit its contact data."""

    filterset_fields = ("status", "state")
    search_fields = ("name", "licence_number")
    ordering_fields = ("name", "licence_valid_until", "status", "created_at")

    def get_queryset(self):
        return agencies_visible_to(self.request.user)

    def get_serializer_class(self):
        if actor_for(self.request.user).role == Role.AGENCY:
            return AgencyContactSerializer
        return AgencySerializer

    def perform_create(self, serializer):
        serializer.instance = services.register_agency(
            actor=actor_for(self.request.user), data=serializer.validated_data
        )

    def perform_update(self, serializer):
        actor = actor_for(self.request.user)
        if actor.role != Role.AGENCY and not actor.on_side("IN"):
            raise ActionForbidden("Only Indian-side officials and the agency's staff edit it.")
        serializer.save()

    @extend_schema(request=AgencyDecisionSerializer, responses=AgencySerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        """Suspend, reinstate or revoke the agency (Indian-side officials; a reason is
        required; 409 with the allowed decisions for one its status does not allow)."""
        agency = self.get_object()
        body = AgencyDecisionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        agency = services.decide_agency(
            actor=actor_for(request.user),
            agency_id=agency.pk,
            decision=body.validated_data["decision"],
            reason=body.validated_data.get("reason", ""),
        )
        return Response(AgencySerializer(agency).data)

    @extend_schema(responses=AgencyDecisionRecordSerializer(many=True))
    @action(detail=True, methods=["get"])
    def decisions(self, request, pk=None):
        agency = self.get_object()
        records = agency.decisions.select_related("decided_by")
        return Response(AgencyDecisionRecordSerializer(records, many=True).data)


class WorkerFilter(django_filters.FilterSet):
    case_status = django_filters.ChoiceFilter(
        choices=PlacementStatus.choices, method="filter_case_status", label="Has a case in status"
    )

    class Meta:
        model = Worker
        fields = ("agency", "state_of_origin", "occupation", "preferred_language", "sex")

    def filter_case_status(self, queryset, name, value):
        cases = Placement.objects.filter(worker_id=OuterRef("pk"), status=value)
        return queryset.filter(Exists(cases))


class WorkerViewSet(HistoryMixin, viewsets.ModelViewSet):
    """Workers: their agency registers and edits them; employers read the candidates on their
    job orders (passport number masked); officials read."""

    filterset_class = WorkerFilter
    ordering_fields = ("full_name", "created_at", "passport_expiry")
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    @property
    def search_fields(self):
        # Searching by passport number would let an employer probe the masked digits.
        if actor_for(self.request.user).role == Role.EMPLOYER:
            return ("full_name",)
        return ("full_name", "=passport_number")

    def get_queryset(self):
        return workers_visible_to(self.request.user)

    def get_serializer_class(self):
        if actor_for(self.request.user).role == Role.EMPLOYER:
            return MaskedWorkerSerializer
        return WorkerSerializer

    def perform_create(self, serializer):
        serializer.instance = services.register_worker(
            actor=actor_for(self.request.user), data=serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = services.update_worker(
            actor=actor_for(self.request.user),
            worker_id=serializer.instance.pk,
            data=serializer.validated_data,
        )

    def create(self, request, *args, **kwargs):
        if actor_for(request.user).role != Role.AGENCY:
            raise ActionForbidden("Only agency staff register workers.")
        return super().create(request, *args, **kwargs)

    def update(self, request, *args, **kwargs):
        worker = self.get_object()
        if actor_for(request.user).role != Role.AGENCY:
            raise ActionForbidden("Only the worker's agency edits a worker.")
        serializer = WorkerSerializer(worker, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        self.perform_update(serializer)
        return Response(WorkerSerializer(serializer.instance).data)

    def perform_destroy(self, instance):
        services.delete_worker(actor=actor_for(self.request.user), worker_id=instance.pk)

    def destroy(self, request, *args, **kwargs):
        self.perform_destroy(self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
