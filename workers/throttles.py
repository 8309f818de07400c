"""Rate limits of the public status lookup and grievance filing (SPEC §10): per client IP and
per typed reference, so that neither one address nor many addresses can guess dates of birth
for one case. Counts live in the Django cache (Redis), shared by every web process."""

import hashlib

from django.utils.translation import gettext_lazy as _
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from workers.references import normalise

TOO_MANY_TRIES = _("Too many tries. For your safety, please wait a few minutes and then try again.")


class StatusIPThrottle(SimpleRateThrottle):
    scope = "status_ip"

    def get_ident(self, request):
        # X-Forwarded-For is trusted only when the deployment says how many proxies set it;
        # otherwise anyone could claim a fresh address with each request.
        if api_settings.NUM_PROXIES is None:
            return request.META.get("REMOTE_ADDR", "")
        return super().get_ident(request)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class StatusReferenceThrottle(SimpleRateThrottle):
    """Counts tries per case reference or grievance receipt, however it is typed."""

    scope = "status_reference"

    def get_cache_key(self, request, view):
        typed = _typed_reference(request)
        if not typed:
            return None
        canonical = normalise(typed) or normalise(typed, "GRV") or typed.strip().upper()
        ident = hashlib.sha256(canonical.encode()).hexdigest()[:32]
        return self.cache_format % {"scope": self.scope, "ident": ident}


def _typed_reference(request) -> str:
    data = getattr(request, "data", None)
    if data is None:
        data = request.POST
    if not hasattr(data, "get"):
        return ""
    value = data.get("reference") or data.get("receipt") or ""
    return value if isinstance(value, str) else ""


STATUS_THROTTLES = (StatusIPThrottle, StatusReferenceThrottle)


def wait_before_next_try(request) -> float | None:
    """For pages: None when the request may go ahead, else the seconds to wait. Every
    throttle is asked, so each one counts the try, as DRF does for the API."""
    waits = []
    for throttle_class in STATUS_THROTTLES:
        throttle = throttle_class()
        if not throttle.allow_request(request, None):
            waits.append(throttle.wait() or 60)
    return max(waits) if waits else None
