"""The public status endpoints: a worker without an account looks up their case, files a
grievance and follows it, with the case reference (or receipt) and their date of birth.

No session authentication here: the endpoints change nothing a signed-in user owns, so they
need no CSRF token, and a browser's session cookie gives no extra rights on them.
"""

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound, Throttled
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from mobility.parsers import BoundedJSONParser
from workers.status.selectors import as_json, find_placement, placement_view
from workers.status.serializers import (
    CaseKeySerializer,
    CaseStatusSerializer,
)
from workers.status.texts import NO_SUCH_PLACEMENT
from workers.status.throttles import TOO_MANY_TRIES, StatusThrottle


class PublicStatusView(APIView):
    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (StatusThrottle,)
    parser_classes = (BoundedJSONParser, FormParser, MultiPartParser)
    renderer_classes = (JSONRenderer,)

    def throttled(self, request, wait):
        raise Throttled(wait=wait, detail=str(TOO_MANY_TRIES))

    def key(self, serializer_class):
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


class StatusLookupView(PublicStatusView):
    @extend_schema(request=CaseKeySerializer, responses={200: CaseStatusSerializer})
    def post(self, request):
        data = self.key(CaseKeySerializer)
        case = find_placement(data["reference"], data["date_of_birth"])
        if case is None:
            raise NotFound(NO_SUCH_PLACEMENT)
        return Response(as_json(placement_view(case)))
