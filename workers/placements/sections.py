"""Sections of the staff's case page contributed by the apps above `workers` (what the case
owes the worker lives in `compliance`, which `workers` may not import). Those apps add their
sections when they start (`AppConfig.ready`); the page renders them in order, each with its own
context for the request and the case."""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string


@dataclass(frozen=True)
class CasePageSection:
    order: int
    template: str
    context: Callable[..., dict]


_SECTIONS: list[CasePageSection] = []


def add_case_page_section(*, order: int, template: str, context: Callable[..., dict]) -> None:
    if any(section.template == template for section in _SECTIONS):
        return
    _SECTIONS.append(CasePageSection(order, template, context))
    _SECTIONS.sort(key=lambda section: section.order)


def case_page_sections(request, placement) -> list[str]:
    return [
        render_to_string(section.template, section.context(request, placement), request=request)
        for section in _SECTIONS
    ]
