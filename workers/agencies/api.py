from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from mobility.access import Role, actor_for
from mobility.api import SUB_LIST, HistoryMixin, paginated
from mobility.errors import ActionForbidden
from workers.agencies import services
from workers.agencies.selectors import agencies_visible_to
from workers.agencies.serializers import (
    AgencyContactSerializer,
    AgencyDecisionRecordSerializer,
    AgencyDecisionSerializer,
    AgencySerializer,
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
            raise ActionForbidden(_("Only Indian-side officials and the agency's staff edit it."))
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
    @action(**SUB_LIST)
    def decisions(self, request, pk=None):
        records = self.get_object().decisions.select_related("decided_by")
        return paginated(self, records, AgencyDecisionRecordSerializer)
