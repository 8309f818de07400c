"""Production settings plus the bench's bare view; used only by bench/status_lookup.py."""

from mobility.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
SECURE_SSL_REDIRECT = False
DEBUG = False
LOGGING = {"version": 1, "root": {"level": "WARNING"}}
