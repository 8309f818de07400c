from django.urls import reverse
from rest_framework import serializers

from workers.models import (
    Document,
    DocumentKind,
    Placement,
    Worker,
)
from workers.placements.selectors import placements_visible_to
from workers.registry.selectors import workers_visible_to


class DocumentSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = (
            "id",
            "worker",
            "placement",
            "kind",
            "kind_label",
            "original_name",
            "sha256",
            "content_type",
            "size",
            "issued_on",
            "expires_on",
            "verification_status",
            "verification_note",
            "verified_at",
            "uploaded_at",
            "download_url",
        )
        read_only_fields = fields

    def get_download_url(self, document) -> str:
        return reverse("document-download", kwargs={"pk": document.pk})


class DocumentVerificationSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=["verified", "rejected"])
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class DocumentUploadSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    file = serializers.FileField()
    worker = serializers.PrimaryKeyRelatedField(queryset=Worker.objects.none(), required=False)
    placement = serializers.PrimaryKeyRelatedField(
        queryset=Placement.objects.none(), required=False
    )
    issued_on = serializers.DateField(required=False)
    expires_on = serializers.DateField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.context.get("request"), "user", None)
        self.fields["worker"].queryset = workers_visible_to(user)
        self.fields["placement"].queryset = placements_visible_to(user).select_related("worker")
