"""Site-wide pages: home, health, and the error pages that must not fail themselves."""

import sys

from django.contrib.auth.views import LoginView
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from mobility.access import Role, actor_for
from mobility.api import RETRY_AFTER_SECONDS, UNAVAILABLE
from mobility.health import health


def home(request):
    return render(request, "home.html")


# Where each role's daily work starts.
WORKSPACES = {
    Role.AGENCY: "agency-workspace",
    Role.EMPLOYER: "employers:workspace",
    Role.OFFICIAL: "officials-workspace",
    Role.SUPERUSER: "admin:index",
}


class SignInView(LoginView):
    """Sign-in that lands each role on its own workspace, unless a page asked to be returned to."""

    def get_default_redirect_url(self):
        return reverse(WORKSPACES.get(actor_for(self.request.user).role, "home"))


@never_cache
@require_GET
def health_view(request):
    state, status = health()
    response = JsonResponse(state, status=status)
    if status == 503:
        # The load balancer and the API's clients read it alike: try again shortly.
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _error(request, status: int, title: str, message: str, data: dict):
    if request.path.startswith("/api/"):
        response = JsonResponse(data, status=status)
    else:
        # No request context: its processors would read the database that may be down.
        page = loader.render_to_string("error.html", {"title": title, "message": message})
        response = HttpResponse(page, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def bad_request(request, exception):
    if isinstance(exception, RequestDataTooBig):
        return _error(
            request,
            413,
            _("Too much at once"),
            _("What you sent is larger than 10 MB. Send a smaller file or fewer rows."),
            {"detail": "The request body is larger than the 10 MB this site accepts."},
        )
    return defaults.bad_request(request, exception)


def not_found(request, exception):
    """An API address that names nothing (an id that is not a number) answers like any other
    404 of the API: JSON, not the site's page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    """A database that is down or restarting is a 503 the client may retry, not a 500."""
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return _error(
            request,
            503,
            _("Briefly unavailable"),
            _("The service is briefly unavailable. Please try again in a minute."),
            UNAVAILABLE,
        )
    return defaults.server_error(request)
