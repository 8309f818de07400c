from django import template
from django.utils.translation import gettext

from workers.models import PlacementStatus
from workers.placements import lifecycle

register = template.Library()


@register.filter
def status_label(code: str) -> str:
    """The reader's-language label of a case status code."""
    try:
        return PlacementStatus(code).label
    except ValueError:
        return code or ""


@register.filter
def is_terminal(code: str) -> bool:
    return lifecycle.is_terminal(code)


@register.filter
def translated(msgid: str) -> str:
    """A stored English msgid (a timeline message) in the reader's language."""
    return gettext(msgid) if msgid else ""


@register.filter
def staff_message(event) -> str:
    """A timeline event as staff read it, in the third person (the worker reads the second)."""
    msgid = lifecycle.staff_message(event.from_status, event.to_status)
    return gettext(msgid) if msgid else ""
