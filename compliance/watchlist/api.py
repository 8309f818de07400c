from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from compliance.findings.serializers import ReasonSerializer
from compliance.watchlist import selectors, services
from compliance.watchlist.serializers import WatchlistEntrySerializer
from mobility.access import actor_for
from mobility.api import HistoryMixin
from mobility.permissions import IsOfficial


class WatchlistViewSet(
    HistoryMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """The officials' watchlist of INNs, agency licences and passport numbers; a match raises
    WATCHLIST_MATCH. Removing an entry needs a reason: `POST .../{id}/remove/`."""

    serializer_class = WatchlistEntrySerializer
    permission_classes = [IsOfficial]
    filterset_fields = ("kind",)
    search_fields = ("value", "reason")

    def get_queryset(self):
        return selectors.watchlist_visible_to(self.request.user)

    def perform_create(self, serializer):
        serializer.instance = services.add_to_watchlist(
            actor=actor_for(self.request.user), **serializer.validated_data
        )

    @extend_schema(request=ReasonSerializer, responses={204: None})
    @action(detail=True, methods=["post"])
    def remove(self, request, pk=None):
        entry = self.get_object()
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.remove_from_watchlist(
            actor=actor_for(request.user), entry_id=entry.pk, reason=body.validated_data["reason"]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
