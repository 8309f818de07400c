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

LOOKUP = "workers/status/lookup.html"


def too_many_tries(request, template: str, context: dict):
    return render(request, template, {**context, "problem": TOO_MANY_TRIES}, status=429)


def posted_case(request):
    """The case a worker's form names by its key (reference and date of birth), for the forms
    on the case page: `(case, key, None)`, or `(None, None, page)` where the lookup page
    answers instead, rate-limited (429) and alike for any wrong part (404), as the lookup."""
    key = PlacementKeyForm(request.POST)
    if wait_before_next_try(request) is not None:
        return None, None, too_many_tries(request, LOOKUP, {"form": key})
    case = None
    if key.is_valid():
        case = find_placement(key.cleaned_data["reference"], key.cleaned_data["date_of_birth"])
    if case is None:
        page = render(request, LOOKUP, {"form": key, "problem": NO_SUCH_PLACEMENT}, status=404)
        return None, None, page
    return case, key.cleaned_data, None


def case_page(request, case, grievance_form=None, status=200, notice=None, problem=None):
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
    template = LOOKUP
    if request.method == "GET":
        return render(request, template, {"form": PlacementKeyForm()})
    form = PlacementKeyForm(request.POST)
    if wait_before_next_try(request) is not None:
        return too_many_tries(request, template, {"form": form})
    if not form.is_valid():
        return render(request, template, {"form": form}, status=400)
    case = find_placement(form.cleaned_data["reference"], form.cleaned_data["date_of_birth"])
    if case is None:
        return render(request, template, {"form": form, "problem": NO_SUCH_PLACEMENT}, status=404)
    return case_page(request, case)
