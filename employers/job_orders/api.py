from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response

from employers.job_orders import services
from employers.job_orders.selectors import job_orders_visible_to
from employers.job_orders.serializers import JobOrderSerializer
from mobility.access import Role, actor_for
from mobility.api import HistoryMixin


class EmployerStaffWrite(BasePermission):
    """Every signed-in user reads the job orders its selector shows (none for a user without a
    role, so they get 404 like anyone out of scope); only employer staff write (on their own
    employer's, which the service checks)."""

    message = "Only the employer's own staff change job orders."

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        if view.action == "create":
            return actor_for(request.user).role == Role.EMPLOYER
        return True

    def has_object_permission(self, request, view, obj):
        return request.method in SAFE_METHODS or actor_for(request.user).role == Role.EMPLOYER


class JobOrderViewSet(HistoryMixin, viewsets.ModelViewSet):
    """Employers' job orders: drafted and edited by the employer, opened when the rulebook
    allows, read by officials and (open ones of approved employers) by agencies."""

    serializer_class = JobOrderSerializer
    permission_classes = [EmployerStaffWrite]
    filterset_fields = ("status", "employer", "work_region", "occupation")
    search_fields = ("title", "employer__legal_name")
    ordering_fields = (
        "created_at",
        "opened_at",
        "monthly_wage_rub",
        "positions",
        "title",
        "status",
    )

    def get_queryset(self):
        return job_orders_visible_to(self.request.user)

    def perform_create(self, serializer):
        serializer.instance = services.create_job_order(
            actor=actor_for(self.request.user), **serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = services.update_job_order(
            actor=actor_for(self.request.user),
            job_order_id=serializer.instance.pk,
            **serializer.validated_data,
        )

    def perform_destroy(self, instance):
        services.delete_job_order(actor=actor_for(self.request.user), job_order_id=instance.pk)

    def _move(self, move: str):
        job_order = self.get_object()
        job_order = services.move_job_order(
            actor=actor_for(self.request.user), job_order_id=job_order.pk, move=move
        )
        return Response(self.get_serializer(job_order).data)

    @extend_schema(request=None, responses=JobOrderSerializer)
    @action(detail=True, methods=["post"])
    def open(self, request, pk=None):
        return self._move("open")

    @extend_schema(request=None, responses=JobOrderSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._move("close")

    @extend_schema(request=None, responses=JobOrderSerializer)
    @action(detail=True, methods=["post"])
    def fill(self, request, pk=None):
        return self._move("fill")
