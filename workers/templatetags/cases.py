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
