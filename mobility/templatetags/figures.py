"""Template filters that write figures and codes the way `mobility.figures` writes them in
sentences: `{{ job_order.work_region|region }}` shows "Москва" to a Russian reader."""

from django import template

from mobility import figures
from mobility.occupations import occupation_title as title_of
from mobility.regions import indian_state_name

register = template.Library()


@register.filter
def region(code: str) -> str:
    return figures.region(code) if code else ""


@register.filter
def state(code: str) -> str:
    return indian_state_name(code) if code else ""


@register.filter
def number(value) -> str:
    """`70000` → "70,000" in English, "70 000" in Russian."""
    return figures.number(value) if value is not None else ""


@register.filter
def roubles(amount) -> str:
    return figures.roubles(amount) if amount is not None else ""


@register.filter
def rupees(amount) -> str:
    return figures.rupees(amount) if amount is not None else ""


@register.filter
def hours(value) -> str:
    """`40.0` → "40 hours", `1.5` → "1.5 hours", in the reader's language."""
    return figures.hours(value) if value is not None else ""


@register.filter
def moment(value) -> str:
    return figures.moment(value) if value else ""


@register.filter
def occupation_title(code: str) -> str:
    """`7112` → "Bricklayers and related workers" in the reader's language."""
    return title_of(code) if code else ""


@register.filter
def money(amount, currency: str) -> str:
    """`{{ amount|money:"INR" }}`: rupees or roubles, as the amount's currency says."""
    if amount is None:
        return ""
    return figures.rupees(amount) if currency == "INR" else figures.roubles(amount)
