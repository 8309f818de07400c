"""Listening to what the apps announce to each other, as another app would."""

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def announced(signal, argument: str) -> Iterator[list]:
    """The `argument` of every `signal` sent while the block runs (an id, usually), in order."""
    heard = []

    def listener(**kwargs):
        heard.append(kwargs[argument])

    signal.connect(listener)
    try:
        yield heard
    finally:
        signal.disconnect(listener)
