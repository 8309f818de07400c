from rest_framework import mixins, viewsets
from rest_framework.exceptions import PermissionDenied

from employers.selectors import employers_visible_to
from employers.serializers import EmployerContactSerializer, EmployerSerializer
from mobility.access import Role, actor_for
from mobility.api import HistoryMixin


class EmployerViewSet(
    HistoryMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """Sponsoring employers. Russian-side officials register them; Indian-side officials read;
    an employer's own staff edit its contact data."""

    filterset_fields = ("sponsorship_status", "region", "sector")
    search_fields = ("legal_name", "inn")
    ordering_fields = ("legal_name", "region", "sector", "sponsorship_status", "created_at")

    def get_queryset(self):
        return employers_visible_to(self.request.user)

    def get_serializer_class(self):
        if actor_for(self.request.user).role == Role.EMPLOYER:
            return EmployerContactSerializer
        return EmployerSerializer

    def perform_create(self, serializer):
        actor = actor_for(self.request.user)
        if not actor.on_side("RU") or not actor.covers_region(serializer.validated_data["region"]):
            raise PermissionDenied("Only Russian-side officials for the region register employers.")
        serializer.save()

    def perform_update(self, serializer):
        actor = actor_for(self.request.user)
        if actor.role != Role.EMPLOYER and not actor.on_side("RU"):
            raise PermissionDenied("Only Russian-side officials and the employer's staff edit it.")
        region = serializer.validated_data.get("region")
        if region and not actor.covers_region(region) and actor.role != Role.EMPLOYER:
            raise PermissionDenied("That region is outside your remit.")
        serializer.save()
