"""One runner at a time for a background job delivered twice (SPEC §7)."""

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from django.db import DatabaseError, connection


@contextmanager
def alone(key: str) -> Iterator[bool]:
    """Whether no other worker holds `key` now; while it does, this one does not. A session
    lock of PostgreSQL, outside any transaction, so progress written meanwhile is seen at once,
    and it goes with the connection if the worker dies, so an interrupted job can start over."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(hashtext(%s))", [key])
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held:
            with suppress(DatabaseError), connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [key])
