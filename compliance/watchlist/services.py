import re

import pghistory
from django.core.exceptions import ValidationError
from django.db import transaction

from compliance.findings.services import _require_official
from compliance.models import (
    WatchlistEntry,
    WatchlistKind,
)
from mobility.access import Actor

WATCHLIST_FORMATS = {
    WatchlistKind.INN: (re.compile(r"^\d{10}(\d{2})?$"), "An INN has 10 digits (12 for a person)."),
    WatchlistKind.LICENCE: (re.compile(r"^\S.{2,59}$"), "Give the licence number as issued."),
    WatchlistKind.PASSPORT: (
        re.compile(r"^[A-Z][0-9]{7}$"),
        "An Indian passport number is one letter and seven digits.",
    ),
}


def add_to_watchlist(*, actor: Actor, kind: str, value: str, reason: str) -> WatchlistEntry:
    """An official puts an INN, agency licence or passport number on the watchlist."""
    _require_official(actor)
    value = (value or "").strip().upper()
    problems = {}
    if not WATCHLIST_FORMATS[kind][0].match(value):
        problems["value"] = [WATCHLIST_FORMATS[kind][1]]
    if not (reason or "").strip():
        problems["reason"] = ["Say why this goes on the watchlist."]
    if problems:
        raise ValidationError(problems)
    with transaction.atomic(), pghistory.context(user=actor.user_id):
        if WatchlistEntry.objects.filter(kind=kind, value=value).exists():
            raise ValidationError({"value": [f"{value} is already on the watchlist."]})
        return WatchlistEntry.objects.create(
            kind=kind, value=value, reason=reason.strip(), added_by_id=actor.user_id
        )


def remove_from_watchlist(*, actor: Actor, entry_id: int, reason: str) -> None:
    """An official takes an entry off the watchlist; the reason stays in its history."""
    _require_official(actor)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": ["Say why this comes off the watchlist."]})
    with transaction.atomic(), pghistory.context(user=actor.user_id, reason=reason):
        WatchlistEntry.objects.select_for_update().get(pk=entry_id).delete()
