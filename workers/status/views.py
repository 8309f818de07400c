"""The public status pages: a worker finds their case, files a grievance and follows it, in
English, Russian or Hindi, on a small phone. Same rules as the API (workers/status_api.py):
one answer for a wrong reference or date of birth, and the same rate limits."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from workers.status.forms import GrievanceFilingForm, PlacementKeyForm
from workers.status.sections import case_sections
from workers.status.selectors import find_placement, placement_view
from workers.status.texts import NO_SUCH_PLACEMENT
from workers.status.throttles import TOO_MANY_TRIES, wait_before_next_try


def _too_many_tries(request, template: str, context: dict):
    return render(request, template, {**context, "problem": TOO_MANY_TRIES}, status=429)


def _placement_page(request, case, grievance_form=None, status=200, notice=None, problem=None):
    """The worker's case; `notice` and `problem` say how their last answer went."""
    initial = {"reference": case.reference, "date_of_birth": request.POST.get("date_of_birth")}
    return render(
        request,
        "workers/status/case.html",
        {
            "case": placement_view(case),
            "sections": case_sections(request, case),
            "grievance_form": grievance_form or GrievanceFilingForm(initial=initial),
            "notice": notice,
            "problem": problem,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def status_lookup(request):
    template = "workers/status/lookup.html"
    if request.method == "GET":
        return render(request, template, {"form": PlacementKeyForm()})
    form = PlacementKeyForm(request.POST)
    if wait_before_next_try(request) is not None:
        return _too_many_tries(request, template, {"form": form})
    if not form.is_valid():
        return render(request, template, {"form": form}, status=400)
    case = find_placement(form.cleaned_data["reference"], form.cleaned_data["date_of_birth"])
    if case is None:
        return render(request, template, {"form": form, "problem": NO_SUCH_PLACEMENT}, status=404)
    return _placement_page(request, case)
