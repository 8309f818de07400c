"""Rate limits of the public status lookup and grievance filing (SPEC §10): per client IP and
per typed reference, so that neither one address nor many addresses can guess dates of birth
for one case. Counts live in the Django cache (Redis), shared by every web process.

Both limits are one DRF throttle with fixed-window counters kept through Django's public cache
API, so they hold on Redis and on the database cache of the embedded setup alike. On Redis the
increment is an atomic INCR, so concurrent tries are all counted. Refused tries count too:
whoever keeps guessing stays refused until they stop for a whole window.
"""

import hashlib
import time

from django.core.cache import caches
from django.utils.translation import gettext_lazy as _
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

from workers.placements.references import normalise

TOO_MANY_TRIES = _("Too many tries. For your safety, please wait a few minutes and then try again.")
IP_SCOPE = "status_ip"
REFERENCE_SCOPE = "status_reference"


class StatusThrottle(BaseThrottle):
    THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
    scopes = (IP_SCOPE, REFERENCE_SCOPE)
    parse_rate = SimpleRateThrottle.parse_rate

    def __init__(self):
        self.rates = {scope: self.parse_rate(self.THROTTLE_RATES[scope]) for scope in self.scopes}
        self.wait_seconds: float | None = None

    def get_ident(self, request):
        # X-Forwarded-For is trusted only when the deployment says how many proxies set it;
        # otherwise anyone could claim a fresh address with each request.
        if api_settings.NUM_PROXIES is None:
            return request.META.get("REMOTE_ADDR", "")
        return super().get_ident(request)

    def idents(self, request) -> dict[str, str]:
        idents = {IP_SCOPE: self.get_ident(request)}
        typed = _typed_reference(request)
        if typed:
            canonical = normalise(typed) or normalise(typed, "GRV") or typed.strip().upper()
            idents[REFERENCE_SCOPE] = hashlib.sha256(canonical.encode()).hexdigest()[:32]
        return idents

    def allow_request(self, request, view) -> bool:
        now = time.time()
        windows = {}
        for scope, ident in self.idents(request).items():
            allowed, seconds = self.rates[scope]
            key = f"throttle:{scope}:{ident}:{int(now // seconds)}"
            windows[key] = (allowed, seconds)
        counts = _count_tries({key: seconds for key, (_a, seconds) in windows.items()})
        waits = [
            seconds - now % seconds
            for key, (allowed, seconds) in windows.items()
            if counts[key] > allowed
        ]
        if waits:
            self.wait_seconds = max(waits)
            return False
        return True

    def wait(self) -> float | None:
        return self.wait_seconds


def _count_tries(windows: dict[str, int]) -> dict[str, int]:
    """Add one try to each window's counter; the counts after it."""
    cache = caches["default"]
    return {key: _add_one(cache, key, timeout=seconds + 1) for key, seconds in windows.items()}


def _add_one(cache, key: str, *, timeout: int) -> int:
    try:
        return cache.incr(key)
    except ValueError:
        pass
    # incr() keeps a counter's expiry but cannot create one; add() creates it with its expiry.
    if cache.add(key, 1, timeout=timeout):
        return 1
    # Another process's first try of this window came in between.
    return cache.incr(key)


def _typed_reference(request) -> str:
    data = getattr(request, "data", None)
    if data is None:
        data = request.POST
    if not hasattr(data, "get"):
        return ""
    value = data.get("reference") or data.get("receipt") or ""
    return value if isinstance(value, str) else ""


def wait_before_next_try(request) -> float | None:
    """For pages: None when the request may go ahead, else the seconds to wait."""
    throttle = StatusThrottle()
    if throttle.allow_request(request, None):
        return None
    return throttle.wait() or 60
