"""Test overrides of mobility.settings: plain HTTP test servers and a fast password hasher."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
# Uploads of a test run go to a scratch folder, never into the working tree's var/media; the
# Celery workers that tests start inherit the variable and so read the same files.
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="mobility-test-media-"))

from mobility.settings import *  # noqa: E402,F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests flush and fill the cache: keep them off the Redis database a running app on the same
# machine uses, so neither sees the other's cached figures or rate-limit counters.
if CACHES["default"]["BACKEND"].endswith("RedisCache"):  # noqa: F405
    # MOBILITY_TEST_CACHE_DB lets test runs side by side keep apart too.
    _db = os.environ.get("MOBILITY_TEST_CACHE_DB", "15")
    CACHES["default"]["LOCATION"] = CACHES["default"]["LOCATION"].rsplit("/", 1)[0] + f"/{_db}"  # noqa: F405
    # The workers of `pytest -n` share that database: each keeps to keys of its own, and a
    # test's cache.clear() clears only those (Celery workers a test starts inherit the name).
    CACHES["default"]["BACKEND"] = "tests.cache.TestRunRedisCache"  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = "tests-" + os.environ.get("PYTEST_XDIST_WORKER", "main")  # noqa: F405
