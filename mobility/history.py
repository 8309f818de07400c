"""Readable change history of tracked objects (rows written by django-pghistory triggers,
so bulk and set-based writes are included).

`history_of` is the raw record the API returns (field names and stored values);
`history_in_words` is the same record as pages show it: field labels, and values the way the
page itself shows them (dates and money by `mobility.figures`, choices by their labels,
related rows by their names), without ids or bookkeeping timestamps."""

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy
from pghistory.models import MiddlewareEvents

from mobility import figures
from mobility.occupations import occupation_title

_ACTIONS = {"insert": "created", "update": "updated", "delete": "deleted"}
_ACTIONS_IN_WORDS = {
    "insert": gettext_lazy("Created"),
    "update": gettext_lazy("Changed"),
    "delete": gettext_lazy("Deleted"),
}
NOTHING = "—"


def _events(obj):
    return list(MiddlewareEvents.objects.tracks(obj).order_by("-pgh_created_at", "-pgh_id"))


def _users(events) -> dict:
    user_ids = {e.pgh_context.get("user") for e in events if e.pgh_context}
    return get_user_model().objects.in_bulk([u for u in user_ids if u is not None])


def _diff(event) -> dict:
    if event.pgh_label == "insert":
        return {k: [None, v] for k, v in event.pgh_data.items() if v not in (None, "", [])}
    return event.pgh_diff or {}


def history_of(obj) -> list[dict]:
    events = _events(obj)
    users = _users(events)
    rows = []
    for event in events:
        user = users.get((event.pgh_context or {}).get("user"))
        rows.append(
            {
                "at": event.pgh_created_at,
                "action": _ACTIONS.get(event.pgh_label, event.pgh_label),
                "user": user.get_username() if user else None,
                "changes": {k: {"from": old, "to": new} for k, (old, new) in _diff(event).items()},
            }
        )
    return rows


def _field(model, name: str):
    """The model field a history key is about (keys are attnames: `employer_id`)."""
    for candidate in (name, name.removesuffix("_id")):
        try:
            return model._meta.get_field(candidate)
        except FieldDoesNotExist:
            continue
    return None


def _is_bookkeeping(field) -> bool:
    # The row's id, its code (the page names the row already) and its automatic timestamps
    # say nothing a reader acts on.
    return (
        field is None
        or field.primary_key
        or field.name == "code"
        or getattr(field, "auto_now", False)
        or getattr(field, "auto_now_add", False)
    )


def _shown(field, value, words: dict[str, Callable] | None = None) -> str:
    """A stored value as the pages show it."""
    if value in (None, "", []):
        return NOTHING
    if words and field.name in words:
        return words[field.name](value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        related = field.related_model._base_manager.filter(pk=value).first()
        if related is None:
            return str(gettext_lazy("(removed)"))
        username = getattr(related, "get_username", None)
        # A rule is named by its title in the reader's language, not by its code.
        return username() if username else str(getattr(related, "title_in_words", related))
    if isinstance(field, models.BooleanField):
        return str(gettext_lazy("yes") if value else gettext_lazy("no"))
    if field.name == "occupation":
        return f"{value} – {occupation_title(value)}"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key.replace('_', ' ')}: {item}" for key, item in value.items())
    try:
        value = field.to_python(value)
    except ValidationError:
        return str(value)
    if isinstance(value, datetime):
        return figures.moment(value)
    if isinstance(value, date):
        return figures.day(value)
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return figures.roubles(value) if field.name.endswith("_rub") else figures.number(value)
    return str(value)


def history_in_words(
    obj, fields: tuple[str, ...] | None = None, words: dict[str, Callable] | None = None
) -> list[dict]:
    """The history as pages show it; `fields` (names) keeps only the changes that tell the
    object's story, and a row left with no change is dropped. `words` maps a field name to how
    its value reads, where the owning app knows better (a rule's parameters, its stored
    English)."""
    model = type(obj)
    events = _events(obj)
    users = _users(events)
    rows = []
    for event in events:
        changes = []
        for name, (old, new) in _diff(event).items():
            field = _field(model, name)
            if _is_bookkeeping(field) or (fields is not None and field.name not in fields):
                continue
            changes.append(
                {
                    "field": capfirst(str(field.verbose_name)),
                    "from": _shown(field, old, words),
                    "to": _shown(field, new, words),
                }
            )
        if fields is not None and not changes and event.pgh_label != "insert":
            continue
        user = users.get((event.pgh_context or {}).get("user"))
        rows.append(
            {
                "at": event.pgh_created_at,
                "action": _ACTIONS_IN_WORDS.get(event.pgh_label, event.pgh_label),
                "user": user.get_username() if user else None,
                "changes": changes,
            }
        )
    return rows
