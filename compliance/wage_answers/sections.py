"""The "Your wages" section of the worker's case page (workers/status/sections.py)."""

from compliance.wage_answers.selectors import wage_months
from workers.status.sections import add_case_section


def wages_context(request, case) -> dict:
    form = getattr(request, "wage_answer_form", None)
    failed = None
    if form is not None and form.errors:
        failed = form.data.get("month")
    return {
        "months": wage_months(case.pk),
        "reference": case.reference,
        "date_of_birth": request.POST.get("date_of_birth", ""),
        "failed_month": failed,
        "failed_form": form if failed else None,
        "answered_month": getattr(request, "wage_answered", None),
    }


def register() -> None:
    add_case_section(
        order=10, template="compliance/wage_answers/_section.html", context=wages_context
    )
