from rest_framework import mixins, viewsets

from compliance.evidence import selectors, services
from compliance.evidence.filters import InsuranceCoverFilter, SafetyRecordFilter, WageReportFilter
from compliance.evidence.serializers import (
    InsuranceCoverSerializer,
    SafetyRecordSerializer,
    WageReportSerializer,
)
from mobility.access import actor_for
from mobility.api import HistoryMixin


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
