"""`/api/v1/imports/`: agency staff upload a CSV of workers or cases and follow the import."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from mobility.access import Role, actor_for
from mobility.permissions import has_role
from workers.imports.selectors import imports_visible_to
from workers.imports.serializers import (
    ImportListSerializer,
    ImportSerializer,
    ImportUploadSerializer,
)
from workers.imports.services import MAX_BYTES, FileTooLarge, start_import

# Room for the multipart boundaries and the other fields around the file itself.
ENVELOPE_BYTES = 64 * 1024


class ImportViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """CSV imports: validated in full, then imported in one transaction or not at all."""

    parser_classes = (MultiPartParser, FormParser)
    filterset_fields = ("kind", "status")
    ordering_fields = ("created_at",)

    def get_permissions(self):
        if self.action == "create":
            return [has_role(Role.AGENCY)()]
        return super().get_permissions()

    def get_queryset(self):
        return imports_visible_to(self.request.user)

    def get_serializer_class(self):
        if self.action == "create":
            return ImportUploadSerializer
        if self.action == "list":
            return ImportListSerializer
        return ImportSerializer

    @extend_schema(request=ImportUploadSerializer, responses={202: ImportSerializer})
    def create(self, request, *args, **kwargs):
        # Refuse an oversized upload before reading its body.
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BYTES + ENVELOPE_BYTES:
            raise FileTooLarge
        upload = ImportUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        record = start_import(
            actor=actor_for(request.user),
            kind=upload.validated_data["kind"],
            upload=upload.validated_data["file"],
        )
        record.refresh_from_db()
        return Response(ImportSerializer(record).data, status=status.HTTP_202_ACCEPTED)
