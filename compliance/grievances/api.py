from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from compliance.grievances import ladder
from compliance.grievances import services as grievances
from compliance.grievances.filters import EmployerGrievanceFilter, GrievanceFilter
from compliance.grievances.selectors import find_grievance, grievance_status, grievances_visible_to
from compliance.grievances.serializers import (
    AssignSerializer,
    EmployerGrievanceSerializer,
    GrievanceAnswerSerializer,
    GrievanceFilingSerializer,
    GrievanceKeySerializer,
    GrievanceSerializer,
    OutcomeSerializer,
    SilenceCloseSerializer,
)
from compliance.grievances.services import file_grievance
from mobility.access import actor_for
from mobility.api import HistoryMixin
from workers.models import GrievanceStatus
from workers.status.api import PublicStatusView
from workers.status.selectors import as_json, find_placement
from workers.status.serializers import (
    GrievanceStatusSerializer,
)
from workers.status.texts import NO_SUCH_GRIEVANCE, NO_SUCH_PLACEMENT


class GrievanceFilingView(PublicStatusView):
    @extend_schema(request=GrievanceFilingSerializer, responses={201: GrievanceStatusSerializer})
    def post(self, request):
        data = self.key(GrievanceFilingSerializer)
        case = find_placement(data["reference"], data["date_of_birth"])
        if case is None:
            raise NotFound(NO_SUCH_PLACEMENT)
        grievance = file_grievance(
            placement=case, category=data["category"], description=data["description"]
        )
        return Response(
            as_json(grievance_status(grievance)),
            status=status.HTTP_201_CREATED,
        )


class GrievanceLookupView(PublicStatusView):
    @extend_schema(request=GrievanceKeySerializer, responses={200: GrievanceStatusSerializer})
    def post(self, request):
        data = self.key(GrievanceKeySerializer)
        grievance = find_grievance(data["receipt"], data["date_of_birth"])
        if grievance is None:
            raise NotFound(NO_SUCH_GRIEVANCE)
        return Response(as_json(grievance))


class GrievanceAnswerView(PublicStatusView):
    """The worker's answer to an official's "resolved": `resolved` closes the grievance,
    `not_resolved` reopens it one level up. 409 when it is not waiting for an answer."""

    @extend_schema(request=GrievanceAnswerSerializer, responses={200: GrievanceStatusSerializer})
    def post(self, request):
        data = self.key(GrievanceAnswerSerializer)
        grievance = grievances.answer_as_worker(
            reference=data["reference"],
            date_of_birth=data["date_of_birth"],
            receipt=data["receipt"],
            answer=data["answer"],
        )
        if grievance is None:
            raise NotFound(NO_SUCH_GRIEVANCE)
        return Response(as_json(grievance_status(grievance)))


class GrievanceViewSet(HistoryMixin, viewsets.ReadOnlyModelViewSet):
    """Workers' grievances. Officials handle them; an employer sees those against it (details
    once shared); agencies see none."""

    ordering_fields = ("created_at", "acknowledgement_due", "resolution_due", "status", "level")
    HANDLING = ("assign", "investigate", "resolve", "reject", "close", "share")

    # An employer filtering or searching by case would learn whose grievance it is.
    @property
    def filterset_class(self):
        if actor_for(self.request.user).is_official:
            return GrievanceFilter
        return EmployerGrievanceFilter

    @property
    def search_fields(self):
        if actor_for(self.request.user).is_official:
            return ("receipt", "placement__reference")
        return ()

    def get_queryset(self):
        # Acting on one is for the officials of its level (the ladder); reading, for all
        # in scope. Another role that sees one is told it may not act (403).
        if self.action in self.HANDLING and actor_for(self.request.user).is_official:
            return ladder.grievances_handled_by(self.request.user)
        return grievances_visible_to(self.request.user)

    def get_serializer_class(self):
        if actor_for(self.request.user).is_official:
            return GrievanceSerializer
        return EmployerGrievanceSerializer

    def _respond(self, grievance):
        grievance = grievances_visible_to(self.request.user).get(pk=grievance.pk)
        return Response(GrievanceSerializer(grievance).data)

    @extend_schema(request=AssignSerializer, responses=GrievanceSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        grievance = self.get_object()
        body = AssignSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._respond(
            grievances.assign_grievance(
                actor=actor_for(request.user),
                grievance_id=grievance.pk,
                assignee_id=body.validated_data.get("assignee"),
            )
        )

    @extend_schema(request=None, responses=GrievanceSerializer)
    @action(detail=True, methods=["post"])
    def investigate(self, request, pk=None):
        grievance = self.get_object()
        return self._respond(
            grievances.start_investigation(actor=actor_for(request.user), grievance_id=grievance.pk)
        )

    def _close(self, request, status):
        grievance = self.get_object()
        actor = actor_for(request.user)
        grievances.require_official(actor)
        body = OutcomeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._respond(
            grievances.close_grievance(
                actor=actor,
                grievance_id=grievance.pk,
                status=status,
                outcome=body.validated_data.get("outcome", ""),
                standard_outcome=body.validated_data.get("standard_outcome", ""),
            )
        )

    @extend_schema(
        request=OutcomeSerializer,
        responses=GrievanceSerializer,
        description="Proposes it resolved: the worker is asked (status `proposed_resolved`).",
    )
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None):
        return self._close(request, GrievanceStatus.RESOLVED)

    @extend_schema(
        request=SilenceCloseSerializer,
        responses=GrievanceSerializer,
        description="Closes a proposed resolution as resolved once the worker has been silent "
        "for GRIEVANCE_SILENCE_DAYS; 409 before.",
    )
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        grievance = self.get_object()
        actor = actor_for(request.user)
        grievances.require_official(actor)
        body = SilenceCloseSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._respond(
            grievances.close_after_silence(
                actor=actor, grievance_id=grievance.pk, reason=body.validated_data["reason"]
            )
        )

    @extend_schema(request=OutcomeSerializer, responses=GrievanceSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._close(request, GrievanceStatus.REJECTED)

    @extend_schema(request=None, responses=GrievanceSerializer)
    @action(detail=True, methods=["post"])
    def share(self, request, pk=None):
        grievance = self.get_object()
        return self._respond(
            grievances.share_with_employer(actor=actor_for(request.user), grievance_id=grievance.pk)
        )
