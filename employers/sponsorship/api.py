from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from employers.sponsorship import services
from employers.sponsorship.selectors import employers_visible_to, with_quota_use
from employers.sponsorship.serializers import (
    DecisionInputSerializer,
    EmployerContactSerializer,
    EmployerSerializer,
    SponsorshipDecisionSerializer,
)
from mobility.access import Role, actor_for
from mobility.api import SUB_LIST, HistoryMixin, paginated


class EmployerViewSet(
    HistoryMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """Sponsoring employers. Russian-side officials register them and decide their sponsorship;
    Indian-side officials read; an employer's own staff edit its contact data."""

    filterset_fields = ("sponsorship_status", "region", "sector")
    search_fields = ("legal_name", "inn")
    ordering_fields = ("legal_name", "region", "sector", "sponsorship_status", "created_at")

    def get_queryset(self):
        return with_quota_use(employers_visible_to(self.request.user))

    def get_serializer_class(self):
        if actor_for(self.request.user).role == Role.EMPLOYER:
            return EmployerContactSerializer
        return EmployerSerializer

    def _reads_decisions(self) -> bool:
        """Officials and the employer's own staff read its decisions; agencies see only that
        the sponsor is approved."""
        actor = actor_for(self.request.user)
        return actor.is_official or actor.role == Role.EMPLOYER

    def retrieve(self, request, *args, **kwargs):
        employer = self.get_object()
        data = self.get_serializer(employer).data
        if self._reads_decisions():
            data["decisions"] = SponsorshipDecisionSerializer(
                employer.decisions.select_related("decided_by"), many=True
            ).data
            data["allowed_decisions"] = services.allowed_decisions(employer.sponsorship_status)
        return Response(data)

    def perform_create(self, serializer):
        employer = services.register_employer(
            actor=actor_for(self.request.user), **serializer.validated_data
        )
        serializer.instance = self._counted(employer.pk)

    def perform_update(self, serializer):
        employer = services.update_employer(
            actor=actor_for(self.request.user),
            employer_id=serializer.instance.pk,
            **serializer.validated_data,
        )
        serializer.instance = self._counted(employer.pk)

    def _counted(self, pk: int):
        """The employer read back with its `quota_used`, which every answer carries."""
        return self.get_queryset().get(pk=pk)

    @extend_schema(request=DecisionInputSerializer, responses=SponsorshipDecisionSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        employer = self.get_object()
        body = DecisionInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        decision = services.decide_sponsorship(
            actor=actor_for(request.user), employer_id=employer.pk, **body.validated_data
        )
        return Response(SponsorshipDecisionSerializer(decision).data, status=status.HTTP_200_OK)

    @extend_schema(responses=SponsorshipDecisionSerializer(many=True))
    @action(**SUB_LIST)
    def decisions(self, request, pk=None):
        employer = self.get_object()
        if not self._reads_decisions():
            raise PermissionDenied("Only officials and the employer's staff read its decisions.")
        decisions = employer.decisions.select_related("decided_by")
        return paginated(self, decisions, SponsorshipDecisionSerializer)
