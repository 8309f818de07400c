"""Officials' watchlist of employer INNs, agency licences and passport numbers.

Each action takes the acting `Actor`, runs in its own (durable) transaction and names its user
(and, for a removal, the reason) in the history context.
"""

import re

import pghistory
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.models import (
    WatchlistEntry,
    WatchlistKind,
)
from mobility.access import Actor
from mobility.errors import ActionForbidden

WATCHLIST_FORMATS = {
    WatchlistKind.INN: (
        re.compile(r"^\d{10}(\d{2})?$"),
        gettext_lazy("An INN has 10 digits (12 for a person)."),
    ),
    WatchlistKind.LICENCE: (
        re.compile(r"^\S.{2,59}$"),
        gettext_lazy("Give the licence number as issued."),
    ),
    WatchlistKind.PASSPORT: (
        re.compile(r"^[A-Z][0-9]{7}$"),
        gettext_lazy("An Indian passport number is one letter and seven digits."),
    ),
}


def _require_official(actor: Actor) -> None:
    if not actor.is_official:
        raise ActionForbidden(_("Only officials keep the watchlist."))


def add_to_watchlist(*, actor: Actor, kind: str, value: str, reason: str) -> WatchlistEntry:
    """An official puts an INN, agency licence or passport number on the watchlist."""
    _require_official(actor)
    value = (value or "").strip().upper()
    problems = {}
    if not WATCHLIST_FORMATS[kind][0].match(value):
        problems["value"] = [WATCHLIST_FORMATS[kind][1]]
    if not (reason or "").strip():
        problems["reason"] = [_("Say why this goes on the watchlist.")]
    if problems:
        raise ValidationError(problems)
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        if WatchlistEntry.objects.filter(kind=kind, value=value).exists():
            raise ValidationError(
                {"value": [_("%(value)s is already on the watchlist.") % {"value": value}]}
            )
        return WatchlistEntry.objects.create(
            kind=kind, value=value, reason=reason.strip(), added_by_id=actor.user_id
        )


def remove_from_watchlist(*, actor: Actor, entry_id: int, reason: str) -> None:
    """An official takes an entry off the watchlist; the reason stays in its history."""
    _require_official(actor)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why this comes off the watchlist.")]})
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id, reason=reason):
        WatchlistEntry.objects.select_for_update().get(pk=entry_id).delete()
