"""`/api/v1/check-runs/`: officials judge one case now, or start a sweep of every case."""

from django.shortcuts import get_object_or_404
from django_filters import rest_framework as filters
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from compliance import engine
from compliance.models import CheckRun, CheckRunStatus, CheckRunTrigger
from compliance.selectors import placements_visible_to
from mobility.permissions import IsOfficial


class CheckRunSerializer(serializers.ModelSerializer):
    requested_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = CheckRun
        fields = [
            "id",
            "scope",
            "placement",
            "trigger",
            "requested_by",
            "status",
            "created_at",
            "started_at",
            "finished_at",
            "chunks_total",
            "chunks_done",
            "subjects_evaluated",
            "findings_opened",
            "findings_resolved",
            "error",
        ]
        read_only_fields = fields


class StartCheckSerializer(serializers.Serializer):
    placement = serializers.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
    scope = serializers.ChoiceField(choices=["all"], required=False)

    def validate(self, attrs):
        if "placement" in attrs and "scope" in attrs:
            raise serializers.ValidationError(
                "Give either a case (placement) or the scope all, not both."
            )
        return attrs


class CheckRunFilter(filters.FilterSet):
    class Meta:
        model = CheckRun
        fields = ["status", "trigger", "scope", "placement"]


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
        return CheckRun.objects.select_related("requested_by")

    def get_serializer_class(self):
        return StartCheckSerializer if self.action == "create" else CheckRunSerializer

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
