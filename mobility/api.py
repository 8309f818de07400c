"""The API base every app shares: error handling and the history action."""

import logging

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError, InterfaceError, OperationalError
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from mobility.access import actor_for
from mobility.errors import DomainError, NotFound
from mobility.history import history_of

logger = logging.getLogger(__name__)
# While the database restarts or fails over: the client should retry, not give up.
UNAVAILABLE = {"detail": "The service is briefly unavailable; try again in a minute."}
RETRY_AFTER_SECONDS = 30


def unavailable() -> Response:
    response = Response(UNAVAILABLE, status=status.HTTP_503_SERVICE_UNAVAILABLE)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def exception_handler(exc, context):
    """Turn every error into a clear 4xx; an unexpected one is logged and still answered."""
    if isinstance(exc, NotFound):
        # Answered like Http404, so out of scope reads the same from a service and a lookup.
        exc = exceptions.NotFound()
    elif isinstance(exc, DomainError):
        return Response(exc.as_data(), status=exc.status_code)
    if isinstance(exc, (OperationalError, InterfaceError)):
        logger.error("Database unavailable at %s: %r", context.get("view"), exc)
        return unavailable()
    if isinstance(exc, RequestDataTooBig):
        return Response(
            {"detail": "The request body is larger than the 10 MB this API accepts."},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    elif isinstance(exc, DataError):
        # A value the database cannot hold (an id past bigint, a string too long for a filter).
        exc = exceptions.ValidationError({"non_field_errors": ["A value is out of range."]})
    elif isinstance(exc, IntegrityError):
        return Response(
            {"detail": "The change conflicts with existing data; reload and try again."},
            status=status.HTTP_409_CONFLICT,
        )
    elif isinstance(exc, (ValueError, OverflowError, TypeError)):
        logger.warning("Bad input reached %s: %r", context.get("view"), exc)
        exc = exceptions.ValidationError({"non_field_errors": ["The request is malformed."]})
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if (
        response is not None
        and isinstance(exc, exceptions.ValidationError)
        and isinstance(response.data, list)
    ):
        response.data = {"non_field_errors": response.data}
    return response


class HistoryEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    action = serializers.CharField()
    user = serializers.CharField(allow_null=True)
    changes = serializers.DictField()


def paginated(view, rows, serializer_class) -> Response:
    """An object's sub-list (its history, timeline, decisions) paged like every list of SPEC §9:
    `count`, `next`, `previous`, `results`."""
    page = view.paginate_queryset(rows)
    return view.get_paginated_response(serializer_class(page, many=True).data)


# A sub-list action filters nothing: the list's filters would only hide its parent object.
SUB_LIST = {"detail": True, "methods": ["get"], "filter_backends": []}


class HistoryMixin:
    """Adds `GET .../{id}/history/` for officials on a viewset of a tracked model."""

    def history_object(self):
        """The object whose history is asked for. The history is the officials' page: for any
        other role it answers 404 as a page of another role does (SPEC §1), after the scoped
        lookup, so that neither answer tells whether the object exists."""
        obj = self.get_object()
        if not actor_for(self.request.user).is_official:
            raise exceptions.NotFound()
        return obj

    @extend_schema(responses=HistoryEntrySerializer(many=True))
    @action(**SUB_LIST)
    def history(self, request, pk=None):
        return paginated(self, history_of(self.history_object()), HistoryEntrySerializer)
