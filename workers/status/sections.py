"""Sections of the worker's case page contributed by the apps above `workers`.

The status page belongs to `workers`, but what a worker is asked about or owed (wage months,
amounts owed) lives in `compliance`, which `workers` may not import. Those apps add their
sections here when they start (their `AppConfig.ready`); the page renders them in order, each
with its own context for the case found by the worker's key.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string


@dataclass(frozen=True)
class CaseSection:
    order: int
    template: str
    # The section's context for this request and the case found by the worker's key.
    context: Callable[..., dict]


_SECTIONS: list[CaseSection] = []


def add_case_section(*, order: int, template: str, context: Callable[..., dict]) -> None:
    if any(section.template == template for section in _SECTIONS):
        return
    _SECTIONS.append(CaseSection(order, template, context))
    _SECTIONS.sort(key=lambda section: section.order)


def case_sections(request, case) -> list[str]:
    return [
        render_to_string(section.template, section.context(request, case), request=request)
        for section in _SECTIONS
    ]
