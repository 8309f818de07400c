from django import template

from mobility.occupations import occupation_title as title_of

register = template.Library()


@register.filter
def occupation_title(code: str) -> str:
    """`7112` → `7112 – Bricklayers and related workers`."""
    return f"{code} – {title_of(code)}" if code else ""
