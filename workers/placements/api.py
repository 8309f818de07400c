"""The API of cases and their documents."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from mobility.access import Role, actor_for
from mobility.api import SUB_LIST, HistoryMixin, paginated
from mobility.errors import ActionForbidden
from workers.placements import services
from workers.placements.filters import PlacementApiFilter
from workers.placements.selectors import placements_visible_to, timeline_of
from workers.placements.serializers import (
    CaseEventSerializer,
    PlacementCreateSerializer,
    PlacementFactsSerializer,
    PlacementSerializer,
    TransitionDocumentationSerializer,
    TransitionSerializer,
)


class PlacementViewSet(
    HistoryMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """Cases. An agency opens them for its workers; everyone in scope moves them along the
    lifecycle (`transition`) as the table allows."""

    serializer_class = PlacementSerializer
    filterset_class = PlacementApiFilter
    search_fields = ("=reference", "worker__full_name")
    ordering_fields = ("created_at", "updated_at", "status", "reference")

    def get_queryset(self):
        return placements_visible_to(self.request.user).select_related(
            "worker", "agency", "job_order__employer"
        )

    @extend_schema(request=PlacementCreateSerializer, responses=PlacementSerializer)
    def create(self, request, *args, **kwargs):
        if actor_for(request.user).role != Role.AGENCY:
            raise ActionForbidden(_("Only agency staff open cases."))
        body = PlacementCreateSerializer(data=request.data, context={"request": request})
        body.is_valid(raise_exception=True)
        placement = services.open_placement(actor=actor_for(request.user), **body.validated_data)
        return Response(self._render(placement.pk), status=status.HTTP_201_CREATED)

    @extend_schema(request=PlacementFactsSerializer, responses=PlacementSerializer)
    def partial_update(self, request, pk=None):
        """Set the MVD notification, migration registration, medical examination and
        fingerprinting dates (employer, official) or the recruitment fee (agency, official)."""
        placement = self.get_object()
        body = PlacementFactsSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.update_placement_facts(
            actor=actor_for(request.user), placement_id=placement.pk, changes=body.validated_data
        )
        return Response(self._render(placement.pk))

    @extend_schema(request=TransitionDocumentationSerializer, responses=PlacementSerializer)
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        """Move the case: `{"to": STATUS, "note": ..., ...the move's fields}`. 409 with the
        allowed moves when the table has no such move from the current status; 403 when your
        role may not make it; 400 naming every unmet requirement."""
        placement = self.get_object()
        body = TransitionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        fields = {k: v for k, v in request.data.items() if k != "to"}
        services.transition_placement(
            actor=actor_for(request.user),
            placement_id=placement.pk,
            to=body.validated_data["to"],
            data=fields,
        )
        return Response(self._render(placement.pk))

    @extend_schema(responses=CaseEventSerializer(many=True))
    @action(**SUB_LIST)
    def timeline(self, request, pk=None):
        return paginated(self, timeline_of(self.get_object()), CaseEventSerializer)

    def _render(self, pk: int) -> dict:
        return PlacementSerializer(
            self.get_queryset().get(pk=pk), context=self.get_serializer_context()
        ).data
