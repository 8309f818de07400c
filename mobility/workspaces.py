"""The sections of each role's workspace, contributed by the apps that own their data.

A workspace page belongs to the app lowest in the layers (the employer's to `employers`), but
what the person must act on first lives above it: candidates in `workers`, wage reports and
findings in `compliance`. An app may not import the apps above it, so those apps add their
sections here when they start (their `AppConfig.ready`) and the page renders what it finds, in
the order each section asks for.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

from mobility.access import Role


@dataclass(frozen=True)
class Section:
    order: int
    template: str
    # The section's context for this request: counts and the first rows of its queue.
    context: Callable[..., dict]


_SECTIONS: dict[Role, list[Section]] = {}


def add_section(role: Role, *, order: int, template: str, context: Callable[..., dict]) -> None:
    sections = _SECTIONS.setdefault(role, [])
    if any(section.template == template for section in sections):
        return
    sections.append(Section(order, template, context))
    sections.sort(key=lambda section: section.order)


def sections_for(request) -> list[str]:
    """Each section of the signed-in role's workspace, rendered with its own context (and the
    request's: its forms need the CSRF token), in order."""
    return [
        render_to_string(section.template, section.context(request), request=request)
        for section in _SECTIONS.get(request.actor.role, [])
    ]
