"""Rate limits of the public status lookup and grievance filing (SPEC §10): per client IP and
per typed reference, so that neither one address nor many addresses can guess dates of birth
for one case. Counts live in the Django cache (Redis), shared by every web process.

Both limits are one DRF throttle with fixed-window counters. On Redis both counters are
incremented in one pipelined round trip (INCR is atomic, so concurrent tries are all counted);
the lookup is a hot public endpoint (bench/status_lookup.py). Any other cache backend gets the
same counts through the portable cache API. Refused tries count too: whoever keeps guessing
stays refused until they stop for a whole window.
"""

import hashlib
import time

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
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
    if isinstance(cache, RedisCache):
        keys = {key: cache.make_and_validate_key(key) for key in windows}
        # Django's Redis backend exposes no pipeline; its client does.
        client = cache._cache.get_client(write=True)
        pipeline = client.pipeline(transaction=False)
        for key, seconds in windows.items():
            pipeline.incr(keys[key])
            pipeline.expire(keys[key], seconds + 1, nx=True)
        results = pipeline.execute()
        return {key: results[2 * i] for i, key in enumerate(windows)}
    counts = {}
    for key, seconds in windows.items():
        cache.add(key, 0, timeout=seconds + 1)
        try:
            counts[key] = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=seconds + 1)
            counts[key] = 1
    return counts


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
