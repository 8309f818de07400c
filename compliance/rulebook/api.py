"""`/api/v1/rules/` and `/api/v1/minimum-wages/`: everyone signed in reads the rulebook,
officials edit it (SPEC §3), and every edit is in the history."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from compliance.rulebook import services
from compliance.rulebook.models import MinimumWage, Rule, RuleParameter
from compliance.rulebook.serializers import (
    MinimumWageSerializer,
    RuleParameterSerializer,
    RuleSerializer,
)
from mobility.access import actor_for
from mobility.api import SUB_LIST, HistoryEntrySerializer, HistoryMixin, paginated
from mobility.history import history_of
from mobility.permissions import OfficialWritesOthersRead


class RuleViewSet(
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """The rule catalogue. Officials switch rules on or off, set their severity and add
    effective-dated parameter versions with `POST .../{id}/parameters/`."""

    serializer_class = RuleSerializer
    permission_classes = [OfficialWritesOthersRead]
    filterset_fields = ("category", "severity", "enabled")
    search_fields = ("code", "title", "legal_source")
    ordering_fields = ("code", "category", "severity")

    def get_queryset(self):
        return Rule.objects.select_related("corridor").prefetch_related("parameter_versions")

    def perform_update(self, serializer):
        serializer.instance = services.update_rule(
            actor=actor_for(self.request.user),
            rule_id=serializer.instance.pk,
            **serializer.validated_data,
        )

    @extend_schema(request=RuleParameterSerializer, responses=RuleParameterSerializer)
    @action(detail=True, methods=["post"])
    def parameters(self, request, pk=None):
        rule = self.get_object()
        body = RuleParameterSerializer(data=request.data, context={"rule": rule})
        body.is_valid(raise_exception=True)
        version = services.set_rule_parameters(
            actor=actor_for(request.user), rule_id=rule.pk, **body.validated_data
        )
        return Response(RuleParameterSerializer(version).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=HistoryEntrySerializer(many=True))
    @action(**SUB_LIST)
    def history(self, request, pk=None):
        """The rule's own edits and those of its parameter versions, newest first."""
        rule = self.history_object()
        entries = history_of(rule)
        for version in RuleParameter.objects.filter(rule=rule):
            entries.extend(history_of(version))
        entries.sort(key=lambda entry: entry["at"], reverse=True)
        return paginated(self, entries, HistoryEntrySerializer)


class MinimumWageViewSet(HistoryMixin, viewsets.ModelViewSet):
    """The minimum-wage table (an empty region is the federal MROT), kept as data officials
    edit when new figures are published."""

    serializer_class = MinimumWageSerializer
    permission_classes = [OfficialWritesOthersRead]
    queryset = MinimumWage.objects.all()
    filterset_fields = ("region", "effective_from")
    ordering_fields = ("region", "effective_from", "amount_rub")

    def perform_create(self, serializer):
        serializer.instance = services.save_minimum_wage(
            actor=actor_for(self.request.user),
            minimum_wage=MinimumWage(**serializer.validated_data),
        )

    def perform_update(self, serializer):
        minimum_wage = serializer.instance
        for name, value in serializer.validated_data.items():
            setattr(minimum_wage, name, value)
        serializer.instance = services.save_minimum_wage(
            actor=actor_for(self.request.user), minimum_wage=minimum_wage
        )

    def perform_destroy(self, instance):
        services.delete_minimum_wage(actor=actor_for(self.request.user), minimum_wage=instance)
