"""The API of cases and their documents."""

from django.http import FileResponse
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from mobility.access import Role, actor_for
from mobility.api import HistoryMixin
from mobility.errors import ActionForbidden
from workers import services
from workers.selectors import documents_visible_to, placements_visible_to, timeline_of
from workers.serializers import (
    CaseEventSerializer,
    DocumentSerializer,
    DocumentUploadSerializer,
    DocumentVerificationSerializer,
    PlacementCreateSerializer,
    PlacementFactsSerializer,
    PlacementSerializer,
    TransitionDocumentationSerializer,
    TransitionSerializer,
)


class PlacementViewSet(
    HistoryMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """Cases. An agency opens them for its workers; everyone in scope moves them along the
    lifecycle (`transition`) as the table allows."""

    serializer_class = PlacementSerializer
    filterset_fields = {
        "status": ["exact", "in"],
        "agency": ["exact"],
        "worker": ["exact"],
        "job_order": ["exact"],
        "job_order__employer": ["exact"],
        "job_order__work_region": ["exact"],
        "created_at": ["gte", "lte"],
    }
    search_fields = ("=reference", "worker__full_name")
    ordering_fields = ("created_at", "updated_at", "status", "reference")

    def get_queryset(self):
        return placements_visible_to(self.request.user).select_related(
            "worker", "agency", "job_order__employer"
        )

    @extend_schema(request=PlacementCreateSerializer, responses=PlacementSerializer)
    def create(self, request, *args, **kwargs):
        if actor_for(request.user).role != Role.AGENCY:
            raise ActionForbidden("Only agency staff open cases.")
        body = PlacementCreateSerializer(data=request.data, context={"request": request})
        body.is_valid(raise_exception=True)
        placement = services.open_case(actor=actor_for(request.user), **body.validated_data)
        return Response(self._render(placement.pk), status=status.HTTP_201_CREATED)

    @extend_schema(request=PlacementFactsSerializer, responses=PlacementSerializer)
    def partial_update(self, request, pk=None):
        """Set the MVD notification, migration registration, medical examination and
        fingerprinting dates (employer, official) or the recruitment fee (agency, official)."""
        placement = self.get_object()
        body = PlacementFactsSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.update_case_facts(
            actor=actor_for(request.user), placement_id=placement.pk, changes=body.validated_data
        )
        return Response(self._render(placement.pk))

    @extend_schema(request=TransitionDocumentationSerializer, responses=PlacementSerializer)
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        """Move the case: `{"to": STATUS, "note": ..., ...the move's fields}`. 409 with the
        allowed moves when the table has no such move from the current status; 403 when your
        role may not make it; 400 naming every unmet requirement."""
        placement = self.get_object()
        body = TransitionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        fields = {k: v for k, v in request.data.items() if k != "to"}
        services.transition_placement(
            actor=actor_for(request.user),
            placement_id=placement.pk,
            to=body.validated_data["to"],
            data=fields,
        )
        return Response(self._render(placement.pk))

    @extend_schema(responses=CaseEventSerializer(many=True))
    @action(detail=True, methods=["get"])
    def timeline(self, request, pk=None):
        placement = self.get_object()
        return Response(CaseEventSerializer(timeline_of(placement), many=True).data)

    def _render(self, pk: int) -> dict:
        return PlacementSerializer(
            self.get_queryset().get(pk=pk), context=self.get_serializer_context()
        ).data


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
    @action(detail=True, methods=["post"], parser_classes=(JSONParser, FormParser))
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

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        document = self.get_object()
        return FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=document.original_name or document.file.name.rsplit("/", 1)[-1],
            content_type=document.content_type,
        )
