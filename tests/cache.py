"""Django's Redis cache for test runs: `clear()` takes out only this test process's keys (its
KEY_PREFIX) instead of flushing the Redis database, so the workers of `pytest -n 2` and two
runs on one machine do not reset each other's rate-limit counters mid-test."""

from django.core.cache.backends.redis import RedisCache


class TestRunRedisCache(RedisCache):
    def clear(self) -> bool:
        # The backend's own client: Django's cache API has no delete-by-pattern.
        client = self._cache.get_client(None, write=True)
        keys = list(client.scan_iter(match=self.make_key("*"), count=1000))
        if keys:
            client.delete(*keys)
        return True
