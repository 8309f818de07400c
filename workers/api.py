from rest_framework import mixins, viewsets
from rest_framework.exceptions import PermissionDenied

from mobility.access import Role, actor_for
from mobility.api import HistoryMixin
from workers.selectors import agencies_visible_to
from workers.serializers import AgencyContactSerializer, AgencySerializer


class AgencyViewSet(
    HistoryMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """Licensed recruitment agencies. Indian-side officials register them; an agency's own
    staff edit its contact data."""

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
        if not actor_for(self.request.user).on_side("IN"):
            raise PermissionDenied("Only Indian-side officials register agencies.")
        serializer.save()

    def perform_update(self, serializer):
        actor = actor_for(self.request.user)
        if actor.role != Role.AGENCY and not actor.on_side("IN"):
            raise PermissionDenied("Only Indian-side officials and the agency's staff edit it.")
        serializer.save()
