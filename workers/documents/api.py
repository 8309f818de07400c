from django.http import FileResponse
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from mobility.access import actor_for
from mobility.parsers import BoundedJSONParser
from workers.documents import services
from workers.documents.selectors import documents_visible_to
from workers.documents.serializers import (
    DocumentSerializer,
    DocumentUploadSerializer,
    DocumentVerificationSerializer,
)


class DocumentViewSet(
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """Documents of workers and cases, uploaded as multipart and downloaded only through
    `download`, which checks access."""

    serializer_class = DocumentSerializer
    parser_classes = (MultiPartParser, FormParser)
    filterset_fields = ("kind", "worker", "placement", "verification_status")
    ordering_fields = ("uploaded_at", "kind", "expires_on")

    def get_queryset(self):
        return documents_visible_to(self.request.user)

    @extend_schema(request=DocumentUploadSerializer, responses=DocumentSerializer)
    def create(self, request, *args, **kwargs):
        body = DocumentUploadSerializer(data=request.data, context={"request": request})
        body.is_valid(raise_exception=True)
        data = body.validated_data
        document = services.add_document(
            actor=actor_for(request.user),
            kind=data["kind"],
            upload=data["file"],
            worker=data.get("worker"),
            placement=data.get("placement"),
            issued_on=data.get("issued_on"),
            expires_on=data.get("expires_on"),
        )
        return Response(DocumentSerializer(document).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=DocumentVerificationSerializer, responses=DocumentSerializer)
    @action(detail=True, methods=["post"], parser_classes=(BoundedJSONParser, FormParser))
    def verify(self, request, pk=None):
        """Officials: `{"outcome": "verified"|"rejected", "note": ...}` on a pending document
        (a rejection needs a note; 409 once decided)."""
        document = self.get_object()
        body = DocumentVerificationSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        document = services.verify_document(
            actor=actor_for(request.user),
            document_id=document.pk,
            outcome=body.validated_data["outcome"],
            note=body.validated_data.get("note", ""),
        )
        return Response(DocumentSerializer(document).data)

    # Served as stored: one of the types an upload may be.
    @extend_schema(
        responses={(200, content_type): bytes for content_type in services.ACCEPTED_TYPES}
    )
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        document = self.get_object()
        return FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=document.original_name or document.file.name.rsplit("/", 1)[-1],
            content_type=document.content_type,
        )
