from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from compliance import selectors, services
from compliance.filters import (
    FindingFilter,
    InsuranceCoverFilter,
    SafetyRecordFilter,
    WageReportFilter,
)
from compliance.serializers import (
    FindingSerializer,
    InsuranceCoverSerializer,
    ReasonSerializer,
    SafetyRecordSerializer,
    WageReportSerializer,
    WatchlistEntrySerializer,
)
from mobility.access import actor_for
from mobility.api import HistoryMixin
from mobility.permissions import IsOfficial


class EvidenceViewSet(
    HistoryMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """Evidence the employer reports on its cases: employers create and correct (PATCH), the
    case's agency and officials read; corrections are kept in the history."""

    http_method_names = ["get", "post", "patch", "head", "options"]
    selector = None
    record = None
    correct = None
    id_name = None

    def get_queryset(self):
        return type(self).selector(self.request.user)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        placement = data.pop("placement")
        serializer.instance = type(self).record(
            actor=actor_for(self.request.user), placement_id=placement.pk, **data
        )

    def perform_update(self, serializer):
        serializer.instance = type(self).correct(
            actor=actor_for(self.request.user),
            **{self.id_name: serializer.instance.pk},
            **serializer.validated_data,
        )


class WageReportViewSet(EvidenceViewSet):
    serializer_class = WageReportSerializer
    filterset_class = WageReportFilter
    ordering_fields = ("month", "paid_on", "gross_rub", "created_at")
    selector = selectors.wage_reports_visible_to
    record = services.record_wage_report
    correct = services.correct_wage_report
    id_name = "report_id"


class SafetyRecordViewSet(EvidenceViewSet):
    serializer_class = SafetyRecordSerializer
    filterset_class = SafetyRecordFilter
    ordering_fields = ("date", "created_at")
    selector = selectors.safety_records_visible_to
    record = services.record_safety_record
    correct = services.correct_safety_record
    id_name = "record_id"


class InsuranceCoverViewSet(EvidenceViewSet):
    serializer_class = InsuranceCoverSerializer
    filterset_class = InsuranceCoverFilter
    ordering_fields = ("valid_from", "valid_until", "created_at")
    selector = selectors.insurance_covers_visible_to
    record = services.record_insurance_cover
    correct = services.correct_insurance_cover
    id_name = "cover_id"


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
