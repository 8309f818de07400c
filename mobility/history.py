"""Readable change history of tracked objects (rows written by django-pghistory triggers,
so bulk and set-based writes are included)."""

from django.contrib.auth import get_user_model
from pghistory.models import MiddlewareEvents

_ACTIONS = {"insert": "created", "update": "updated", "delete": "deleted"}


def history_of(obj) -> list[dict]:
    events = list(MiddlewareEvents.objects.tracks(obj).order_by("-pgh_created_at", "-pgh_id"))
    user_ids = {e.pgh_context.get("user") for e in events if e.pgh_context}
    users = get_user_model().objects.in_bulk([u for u in user_ids if u is not None])
    rows = []
    for event in events:
        user_id = (event.pgh_context or {}).get("user")
        user = users.get(user_id)
        diff = event.pgh_diff or {}
        if event.pgh_label == "insert":
            diff = {k: [None, v] for k, v in event.pgh_data.items() if v not in (None, "", [])}
        rows.append(
            {
                "at": event.pgh_created_at,
                "action": _ACTIONS.get(event.pgh_label, event.pgh_label),
                "user": user.get_username() if user else None,
                "changes": {k: {"from": old, "to": new} for k, (old, new) in diff.items()},
            }
        )
    return rows
