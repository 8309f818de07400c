"""The worker answers a wage month on the status page, with the case key the page carries:
the same rate limits and the same answer for a wrong key as the status lookup."""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.http import require_POST

from compliance.wage_answers.forms import WageAnswerForm
from compliance.wage_answers.services import answer_wage_month
from mobility.errors import MoveNotAllowed
from workers.status.forms import PlacementKeyForm
from workers.status.selectors import find_placement
from workers.status.texts import NO_SUCH_PLACEMENT
from workers.status.throttles import wait_before_next_try
from workers.status.views import _placement_page, _too_many_tries

LOOKUP = "workers/status/lookup.html"


@require_POST
def wage_answer(request):
    lookup_form = PlacementKeyForm(request.POST)
    if wait_before_next_try(request) is not None:
        return _too_many_tries(request, LOOKUP, {"form": lookup_form})
    case = None
    if lookup_form.is_valid():
        case = find_placement(
            lookup_form.cleaned_data["reference"], lookup_form.cleaned_data["date_of_birth"]
        )
    if case is None:
        return render(
            request, LOOKUP, {"form": lookup_form, "problem": NO_SUCH_PLACEMENT}, status=404
        )
    form = WageAnswerForm(request.POST)
    # The wage section reads the form back: its errors beside the month they are about.
    request.wage_answer_form = form
    if not form.is_valid():
        return _placement_page(request, case, status=400)
    data = form.cleaned_data
    try:
        answered = answer_wage_month(
            placement_id=case.pk,
            month=data["month"],
            answer=data["answer"],
            received_rub=data["received_rub"],
            note=data["note"],
        )
    except ValidationError as error:
        for name, problems in error.message_dict.items():
            form.add_error(name if name in form.fields else None, problems)
        return _placement_page(request, case, status=400)
    except MoveNotAllowed as error:
        form.add_error(None, error.message)
        return _placement_page(request, case, status=409)
    request.wage_answered = answered.key
    return _placement_page(request, case)
