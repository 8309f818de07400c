from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from compliance.findings import selectors, services
from compliance.findings.filters import FindingFilter
from compliance.findings.serializers import FindingSerializer, ReasonSerializer
from compliance.wage_answers.services import share_wage_dispute
from mobility.access import actor_for
from mobility.api import HistoryMixin


class FindingViewSet(HistoryMixin, viewsets.ReadOnlyModelViewSet):
    """Findings of the rules; each says in words what was expected, what was found and which
    law requires it. Officials acknowledge, resolve or waive them (the last two with a
    reason); everyone else reads their own."""

    serializer_class = FindingSerializer
    filterset_class = FindingFilter
    search_fields = ("rule__code", "rule__title", "placement__reference", "period")
    ordering_fields = ("due_at", "first_detected_at", "last_detected_at", "severity", "status")

    def get_queryset(self):
        return selectors.findings_visible_to(self.request.user)

    def _respond(self, finding):
        finding = self.get_queryset().get(pk=finding.pk)
        return Response(FindingSerializer(finding, context=self.get_serializer_context()).data)

    @extend_schema(request=None, responses=FindingSerializer)
    @action(detail=True, methods=["post"])
    def acknowledge(self, request, pk=None):
        finding = self.get_object()
        return self._respond(
            services.acknowledge_finding(actor=actor_for(request.user), finding_id=finding.pk)
        )

    def _close(self, request, move):
        finding = self.get_object()
        actor = actor_for(request.user)
        if not actor.is_official:
            return Response(
                {"detail": "Only officials acknowledge, resolve or waive findings."},
                status=status.HTTP_403_FORBIDDEN,
            )
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._respond(
            services.close_finding(
                actor=actor, finding_id=finding.pk, move=move, reason=body.validated_data["reason"]
            )
        )

    @extend_schema(request=ReasonSerializer, responses=FindingSerializer)
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None):
        return self._close(request, "resolve")

    @extend_schema(request=ReasonSerializer, responses=FindingSerializer)
    @action(detail=True, methods=["post"])
    def waive(self, request, pk=None):
        return self._close(request, "waive")

    @extend_schema(request=None, responses=FindingSerializer)
    @action(detail=True, methods=["post"])
    def share(self, request, pk=None):
        """Share a worker's wage dispute (this finding and its grievance) with the employer."""
        finding = self.get_object()
        return self._respond(
            share_wage_dispute(actor=actor_for(request.user), finding_id=finding.pk)
        )
