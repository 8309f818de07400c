"""What is owed, in the API: the ledger scoped like the findings, payments recorded by whoever
owes, an official's acceptance after the worker's silence and waiver; and the worker's own
view and answers through the public status endpoints (no account: the case key)."""

from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from compliance.entitlements import selectors, services
from compliance.entitlements.filters import EntitlementFilter
from compliance.entitlements.serializers import (
    AcceptSerializer,
    EntitlementSerializer,
    PaymentAnswerSerializer,
    PaymentBodySerializer,
    PaymentSerializer,
    WaiveSerializer,
    WorkerLedgerSerializer,
)
from mobility.access import actor_for
from mobility.api import HistoryMixin
from workers.status.api import PublicStatusView
from workers.status.selectors import as_json, find_placement
from workers.status.serializers import CaseKeySerializer
from workers.status.texts import NO_SUCH_PLACEMENT


class EntitlementViewSet(HistoryMixin, viewsets.ReadOnlyModelViewSet):
    """Amounts owed to workers, one per money finding, with the payments made against them and,
    for wages, the compensation of Labour Code art. 236 day by day. Whoever owes records
    payments; the worker confirms them; officials accept after the worker's silence or waive."""

    serializer_class = EntitlementSerializer
    filterset_class = EntitlementFilter
    ordering_fields = ("created_at", "amount_owed", "status")

    def get_queryset(self):
        return selectors.with_payments(selectors.entitlements_visible_to(self.request.user))

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "rates": selectors.key_rates()}

    def _respond(self, pk, code=status.HTTP_200_OK):
        entitlement = self.get_queryset().get(pk=pk)
        return Response(self.get_serializer(entitlement).data, status=code)

    @extend_schema(request=PaymentBodySerializer, responses={201: PaymentSerializer})
    @action(detail=True, methods=["post"])
    def payments(self, request, pk=None):
        entitlement = self.get_object()
        body = PaymentBodySerializer(data=request.data)
        body.is_valid(raise_exception=True)
        payment = services.record_payment(
            actor=actor_for(request.user), entitlement_id=entitlement.pk, **body.validated_data
        )
        return Response(PaymentSerializer(payment).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AcceptSerializer, responses=EntitlementSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        """An official counts a payment the worker left unanswered for WAGE_ANSWER_DAYS."""
        entitlement = self.get_object()
        body = AcceptSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        payment = entitlement.payments.filter(pk=body.validated_data["payment"]).first()
        if payment is None:
            raise NotFound()
        services.accept_unanswered_payment(
            actor=actor_for(request.user),
            payment_id=payment.pk,
            reason=body.validated_data["reason"],
        )
        return self._respond(entitlement.pk)

    @extend_schema(request=WaiveSerializer, responses=EntitlementSerializer)
    @action(detail=True, methods=["post"])
    def waive(self, request, pk=None):
        entitlement = self.get_object()
        body = WaiveSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.waive_entitlement(
            actor=actor_for(request.user),
            entitlement_id=entitlement.pk,
            reason=body.validated_data["reason"],
        )
        return self._respond(entitlement.pk)


class WorkerLedgerView(PublicStatusView):
    @extend_schema(request=CaseKeySerializer, responses={200: WorkerLedgerSerializer})
    def post(self, request):
        data = self.key(CaseKeySerializer)
        case = find_placement(data["reference"], data["date_of_birth"])
        if case is None:
            raise NotFound(NO_SUCH_PLACEMENT)
        return Response(as_json(selectors.worker_ledger(case)))


class WorkerPaymentAnswerView(PublicStatusView):
    @extend_schema(request=PaymentAnswerSerializer, responses={200: WorkerLedgerSerializer})
    def post(self, request):
        data = self.key(PaymentAnswerSerializer)
        case = find_placement(data["reference"], data["date_of_birth"])
        if case is None:
            raise NotFound(NO_SUCH_PLACEMENT)
        services.answer_payment(case=case, payment_id=data["payment"], answer=data["answer"])
        return Response(as_json(selectors.worker_ledger(case)))
