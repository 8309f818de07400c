"""`/api/v1/check-runs/`: officials judge one case now, or start a sweep of every case."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from compliance.checks import engine
from compliance.checks.filters import CheckRunFilter
from compliance.checks.selectors import check_runs_visible_to
from compliance.checks.serializers import CheckRunSerializer, StartCheckSerializer
from compliance.models import CheckRunStatus, CheckRunTrigger
from mobility.permissions import IsOfficial
from workers.placements.selectors import placements_visible_to


class CheckRunViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """List and read check runs; POST `{"placement": id}` judges that case now and answers
    with the finished run (201); POST `{}` or `{"scope": "all"}` queues a sweep (202)."""

    permission_classes = [IsOfficial]
    serializer_class = CheckRunSerializer
    filterset_class = CheckRunFilter
    ordering_fields = ["created_at", "finished_at", "status"]
    search_fields = []

    def get_queryset(self):
        return check_runs_visible_to(self.request.user)

    def get_serializer_class(self):
        return StartCheckSerializer if self.action == "create" else CheckRunSerializer

    @extend_schema(
        request=StartCheckSerializer,
        responses={
            201: OpenApiResponse(CheckRunSerializer, description="The case, evaluated now."),
            202: OpenApiResponse(CheckRunSerializer, description="The sweep, queued."),
        },
    )
    def create(self, request, *args, **kwargs):
        start = StartCheckSerializer(data=request.data)
        start.is_valid(raise_exception=True)
        placement_id = start.validated_data.get("placement")
        if placement_id is not None:
            placement = get_object_or_404(placements_visible_to(request.user), pk=placement_id)
            run = engine.evaluate_placement(
                placement.pk, trigger=CheckRunTrigger.USER, user=request.user
            )
            return Response(CheckRunSerializer(run).data, status=status.HTTP_201_CREATED)
        run = engine.start_sweep(trigger=CheckRunTrigger.USER, user=request.user)
        return Response(
            {"id": run.pk, "status": CheckRunStatus.QUEUED, **CheckRunSerializer(run).data},
            status=status.HTTP_202_ACCEPTED,
        )
