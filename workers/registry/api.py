from django.utils.translation import gettext as _
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.response import Response

from mobility.access import Role, actor_for
from mobility.api import HistoryMixin
from mobility.errors import ActionForbidden
from workers.registry import services
from workers.registry.filters import WorkerFilter
from workers.registry.selectors import sees_passport_numbers, workers_visible_to
from workers.registry.serializers import MaskedWorkerSerializer, WorkerSerializer


def _as_read(many: bool = False) -> PolymorphicProxySerializer:
    """A worker as their agency and officials read them, or masked as an employer does."""
    return PolymorphicProxySerializer(
        component_name="WorkerAsRead",
        serializers=[WorkerSerializer, MaskedWorkerSerializer],
        resource_type_field_name=None,
        many=many,
    )


@extend_schema_view(
    list=extend_schema(responses=_as_read(many=True)),
    retrieve=extend_schema(responses=_as_read()),
)
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
        # The schema describes the agency's writes (list and detail say both: `_as_read`).
        if getattr(self, "swagger_fake_view", False) or sees_passport_numbers(self.request.user):
            return WorkerSerializer
        return MaskedWorkerSerializer

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
            raise ActionForbidden(_("Only agency staff register workers."))
        return super().create(request, *args, **kwargs)

    def update(self, request, *args, **kwargs):
        worker = self.get_object()
        if actor_for(request.user).role != Role.AGENCY:
            raise ActionForbidden(_("Only the worker's agency edits a worker."))
        serializer = WorkerSerializer(worker, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        self.perform_update(serializer)
        return Response(WorkerSerializer(serializer.instance).data)

    def perform_destroy(self, instance):
        services.delete_worker(actor=actor_for(self.request.user), worker_id=instance.pk)

    def destroy(self, request, *args, **kwargs):
        self.perform_destroy(self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
