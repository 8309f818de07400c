from django.http import FileResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from compliance.personal_data import selectors, services
from compliance.personal_data.serializers import (
    ErasureSerializer,
    PersonalDataRequestSerializer,
    RefusalSerializer,
)
from mobility.access import actor_for
from workers.registry.selectors import workers_visible_to


def download_response(request) -> FileResponse:
    """The export's archive, always as an attachment, never shown in the browser."""
    return FileResponse(
        request.file.open("rb"),
        as_attachment=True,
        filename=f"personal-data-worker-{request.worker_number}-{request.finished_at:%Y-%m-%d}.zip",
        content_type="application/zip",
    )


@extend_schema(
    parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH, description="The worker.")]
)
class WorkerPersonalDataViewSet(viewsets.GenericViewSet):
    """An official's personal-data requests about one worker in their scope (SPEC §10); the
    worker does not exist for anyone else (404)."""

    serializer_class = PersonalDataRequestSerializer
    # Registered under `workers/{id}/` (compliance/api_routes.py), so the path names the worker.
    lookup_url_kwarg = "id"

    def get_queryset(self):
        if not actor_for(self.request.user).is_official:
            return workers_visible_to(None)
        return workers_visible_to(self.request.user)

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["id"])

    @extend_schema(
        methods=["POST"],
        request=None,
        responses={202: PersonalDataRequestSerializer, 409: RefusalSerializer},
    )
    @extend_schema(methods=["GET"], responses=PersonalDataRequestSerializer)
    @action(detail=False, methods=["get", "post"], url_path="data-export")
    def data_export(self, request, id=None):
        """POST asks for everything held on the worker, prepared in the background; GET is the
        latest export, with its progress and, once ready, where to download it."""
        worker = self.get_object()
        if request.method == "GET":
            export = selectors.latest_export(request.user, worker)
            if export is None:
                raise NotFound()
            return Response(PersonalDataRequestSerializer(export).data)
        export = services.request_export(actor=actor_for(request.user), worker_id=worker.pk)
        export.refresh_from_db()
        return Response(PersonalDataRequestSerializer(export).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        request=ErasureSerializer,
        responses={200: PersonalDataRequestSerializer, 409: RefusalSerializer},
    )
    @action(detail=False, methods=["post"])
    def erase(self, request, id=None):
        """Erases a worker who was never placed, with `{"confirm": true}`; refused, with every
        reason, where the law keeps the data."""
        worker = self.get_object()
        body = ErasureSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        erasure = services.erase_worker(
            actor=actor_for(request.user),
            worker_id=worker.pk,
            confirmed=body.validated_data["confirm"],
        )
        return Response(PersonalDataRequestSerializer(erasure).data)


class PersonalDataRequestViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The audit of personal-data requests about the workers in an official's scope."""

    serializer_class = PersonalDataRequestSerializer
    filterset_fields = ("kind", "status", "worker")
    ordering_fields = ("requested_at",)

    def get_queryset(self):
        return selectors.requests_visible_to(self.request.user)

    @extend_schema(responses={(200, "application/zip"): bytes})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        export = self.get_object()
        if export.status != services.Status.READY or not export.file:
            raise NotFound()
        return download_response(export)
