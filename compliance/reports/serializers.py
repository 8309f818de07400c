from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from compliance.models import Report, ReportStatus
from compliance.reports.kinds import kind_named


def reader_language() -> str:
    language = (get_language() or "en").split("-")[0]
    return language if language in dict(settings.LANGUAGES) else "en"


class ReportRequestSerializer(serializers.Serializer):
    """What to prepare. The service checks each field against the kind (compliance.reports
    .kinds), so that an unknown kind, a format it does not come in or a filter it refuses is
    one clear 400 and nothing is written."""

    kind = serializers.CharField(help_text="e.g. export_cases, export_findings.")
    format = serializers.CharField(help_text="csv or xlsx for exports; pdf for the PDF kinds.")
    filters = serializers.JSONField(
        required=False,
        default=dict,
        help_text="For an export: the list endpoint's query parameters as an object.",
    )
    language = serializers.CharField(
        required=False, help_text="en, ru or hi; by default the request's language."
    )


class ReportSerializer(serializers.ModelSerializer):
    kind_title = serializers.SerializerMethodField()
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    requested_by = serializers.CharField(
        source="requested_by.get_username", default=None, read_only=True
    )
    month = serializers.DateField(format="%Y-%m", read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = (
            "id",
            "kind",
            "kind_title",
            "format",
            "language",
            "filters",
            "month",
            "status",
            "status_label",
            "progress",
            "rows",
            "requested_by",
            "created_at",
            "started_at",
            "finished_at",
            "download_url",
        )
        read_only_fields = fields

    def get_kind_title(self, report: Report) -> str:
        kind = kind_named(report.kind)
        return str(kind.title) if kind else report.kind

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_download_url(self, report: Report) -> str | None:
        if report.status != ReportStatus.FINISHED or not report.file:
            return None
        return reverse("report-download", args=[report.pk])
