"""A JSON parser that refuses bodies nested deeper than any request of the API needs, before
the standard parser recurses into them (a deep body would exhaust Python's stack)."""

import re

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 32
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(c for c in range(256) if c not in b"[]{}")


def nesting_depth(body: bytes, limit: int = MAX_DEPTH) -> int:
    """How deep `body` nests arrays and objects, counted up to `limit` + 1 at most."""
    brackets = _STRINGS.sub(b"", body).translate(None, _NOT_BRACKETS)
    depth = deepest = 0
    for byte in brackets:
        depth += 1 if byte in b"[{" else -1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        body = stream.read() if stream is not None else b""
        if nesting_depth(body) > MAX_DEPTH:
            raise ParseError(f"JSON nested deeper than {MAX_DEPTH} levels is refused.")
        try:
            return super().parse(_Replay(body), media_type, parser_context)
        except RecursionError as error:
            raise ParseError("JSON nested too deeply.") from error


class _Replay:
    """The body already read, offered again to the standard parser."""

    def __init__(self, body: bytes):
        self._body = body

    def read(self, *args) -> bytes:
        body, self._body = self._body, b""
        return body
