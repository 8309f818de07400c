"""The one way the tests count SQL queries: a block that runs more queries than it may fails with
every statement it ran, numbered, so an N+1 shows itself in the failure message without a
rerun under `-v` (pytest-django's `django_assert_max_num_queries` prints them only then).

    with max_queries(8):
        client.get("/api/v1/findings/")

    with max_queries(12) as few:          # a page with a little data
        client.get(url)
    grow()
    with max_queries(len(few), compared_with=few):   # and with a lot: no more queries
        client.get(url)
"""

import difflib
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


class Queries:
    """The statements a block ran; filled when the block ends."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __len__(self) -> int:
        return len(self.statements)

    def listing(self) -> str:
        return "\n".join(f"{n:3}. {sql}" for n, sql in enumerate(self.statements, start=1))


def _shape(sql: str) -> str:
    """A statement with its literals taken out, so the same query for other rows compares equal."""
    return re.sub(r"'[^']*'|\b\d+\b", "?", sql)


@contextmanager
def max_queries(
    limit: int,
    *,
    exact: bool = False,
    only: str | None = None,
    compared_with: Queries | None = None,
) -> Iterator[Queries]:
    """Fail when the block runs more than `limit` queries (other than `limit` with `exact`).
    `only` counts just the statements containing that text (a table name, say);
    `compared_with` adds to the failure what this run asked beyond that earlier run."""
    queries = Queries()
    with CaptureQueriesContext(connection) as captured:
        yield queries
    queries.statements = [
        q["sql"] for q in captured.captured_queries if only is None or only in q["sql"]
    ]
    count = len(queries)
    if count == limit or (count < limit and not exact):
        return
    what = f"queries on {only!r}" if only else "queries"
    expected = f"exactly {limit}" if exact else f"at most {limit}"
    message = [f"{count} {what} where {expected} were expected:", queries.listing()]
    if compared_with is not None:
        diff = difflib.unified_diff(
            [_shape(sql) for sql in compared_with.statements],
            [_shape(sql) for sql in queries.statements],
            "the earlier run",
            "this run",
            lineterm="",
        )
        message += ["", "Compared with the earlier run:", *diff]
    pytest.fail("\n".join(message), pytrace=False)
