from django.http import FileResponse
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from compliance.models import ReportStatus
from compliance.reports import services
from compliance.reports.selectors import reports_visible_to
from compliance.reports.serializers import (
    ReportRequestSerializer,
    ReportSerializer,
    reader_language,
)
from mobility.access import actor_for


def download_response(report) -> FileResponse:
    """The file, always as an attachment; 404 until it is finished."""
    if report.status != ReportStatus.FINISHED or not report.file:
        raise NotFound()
    return FileResponse(
        report.file.open("rb"),
        as_attachment=True,
        filename=f"{report.kind.removeprefix('export_')}-{report.pk}.{report.format}",
        content_type=services.CONTENT_TYPES.get(report.format, "application/octet-stream"),
    )


class ReportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Reports and exports prepared in the background (SPEC §7). POST asks for one and answers
    202 with its id; its detail shows `status` and `progress`, and `download_url` once finished.
    A report belongs to the scope it was made in: whoever acts in that scope reads it, anyone
    else gets 404, at the download too."""

    serializer_class = ReportSerializer
    filterset_fields = ("kind", "format", "status", "language")
    ordering_fields = ("created_at", "finished_at", "month")

    def get_queryset(self):
        return reports_visible_to(self.request.user)

    @extend_schema(request=ReportRequestSerializer, responses={202: ReportSerializer})
    def create(self, request, *args, **kwargs):
        body = ReportRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        report = services.request_report(
            actor=actor_for(request.user),
            kind=data["kind"],
            file_format=data["format"],
            filters=data.get("filters"),
            language=data.get("language") or reader_language(),
        )
        report.refresh_from_db()
        return Response(ReportSerializer(report).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        return download_response(self.get_object())
