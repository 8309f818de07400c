"""The kinds of report, one entry each: what it is called, the formats it comes in, who may ask
for it, how its filters are checked, what its data version is and how its file is written.

A kind registers itself here (`register`); the API, the pages, the task and the fingerprint
that lets a second request reuse a finished file read only this registry, so a new kind (the
compliance PDFs, the pact's statistics) is one entry and nothing else.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

from django.utils.functional import Promise
from rest_framework import serializers

from compliance.models import Report
from mobility.access import Actor, Role

# progress(done, total): the writer says how far it is; the service turns it into 0–100.
Progress = Callable[[int, int], None]
Writer = Callable[[Report, BinaryIO, Progress], None]


@dataclass(frozen=True)
class Kind:
    code: str
    title: str | Promise
    formats: tuple[str, ...]
    # Validates the request's `filters`; built with context {"actor": Actor} (the requester).
    # Its validated data, or its `to_json()` where it has one, is what the report keeps as its
    # filters (and fingerprints: keep it normalised); an error is a 400 and nothing is written.
    filters: type[serializers.Serializer]
    # (report, out_file, progress): writes the whole file into the open binary `out_file`;
    # the task has activated the report's language and its reader's time zone, and
    # `compliance.reports.scope.actor_of(report)` is whose rows it may hold. It may set
    # `report.rows`. The task stores the file and marks the report finished.
    write: Writer
    # A string that changes whenever the data behind the file does (services.data_version).
    version: Callable[[Actor, dict], str]
    roles: frozenset[Role] = field(default_factory=lambda: frozenset({Role.OFFICIAL}))
    # Reports about one month (filters["month"] as YYYY-MM) are listed by that month.
    monthly: bool = False

    def open_to(self, actor: Actor) -> bool:
        return actor.role in self.roles or (Role.OFFICIAL in self.roles and actor.is_official)


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    KINDS[kind.code] = kind
    return kind


def kinds_open_to(actor: Actor) -> list[Kind]:
    _load()
    return [kind for kind in KINDS.values() if kind.open_to(actor)]


def kind_named(code: str) -> Kind | None:
    _load()
    return KINDS.get(code)


def _load() -> None:
    # The kinds register on import; importing here keeps the registry complete for anyone
    # who reads it, whichever module was imported first.
    from compliance.reports import dashboard_tables, exports  # noqa: F401
    from compliance.reports.documents import kinds  # noqa: F401
