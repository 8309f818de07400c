from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from compliance.models import PersonalDataRequest, PersonalDataRequestStatus
from compliance.personal_data.wording import refusals_in_words


class PersonalDataRequestSerializer(serializers.ModelSerializer):
    """A request as its audit row: who asked, when, for which worker, and what came of it."""

    worker = serializers.IntegerField(source="worker_number", read_only=True)
    requested_by = serializers.CharField(source="requested_by.get_username", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    reasons = serializers.SerializerMethodField()
    download = serializers.SerializerMethodField()

    class Meta:
        model = PersonalDataRequest
        fields = (
            "id",
            "kind",
            "worker",
            "requested_by",
            "requested_at",
            "status",
            "status_label",
            "documents_total",
            "documents_done",
            "finished_at",
            "reasons",
            "download",
        )
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_reasons(self, request: PersonalDataRequest) -> list[str]:
        return refusals_in_words(request)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_download(self, request: PersonalDataRequest) -> str | None:
        if request.status != PersonalDataRequestStatus.READY or not request.file:
            return None
        return reverse("personal-data-request-download", args=[request.pk])


class ErasureSerializer(serializers.Serializer):
    confirm = serializers.BooleanField(
        help_text="True to confirm: the erasure cannot be undone.",
    )


class RefusalSerializer(serializers.Serializer):
    """A refused request: the headline, then every reason the law keeps the data."""

    detail = serializers.CharField()
    reasons = serializers.ListField(child=serializers.CharField())
