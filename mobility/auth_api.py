from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from mobility.parsers import BoundedJSONParser


class TokenView(ObtainAuthToken):
    """`POST /api/v1/auth/token/` with username and password -> {"token": ...}.

    django-axes refuses the credentials of an account locked out after repeated failures;
    the caller is told so instead of being told the password is wrong.
    """

    parser_classes = (FormParser, MultiPartParser, BoundedJSONParser)

    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        if not serializer.is_valid():
            if getattr(request, "axes_locked_out", False):
                return Response(
                    {"detail": _("Too many failed sign-ins. Try again in an hour.")},
                    status=status.HTTP_429_TOO_MANY_REQUESTS,
                )
            return Response(serializer.errors, status=status.HTTP_400_BAD_REQUEST)
        return super().post(request, *args, **kwargs)
