"""The worker answers a wage month on the status page, with the case key the page carries:
the same rate limits and the same answer for a wrong key as the status lookup."""

from django.core.exceptions import ValidationError
from django.views.decorators.http import require_POST

from compliance.wage_answers.forms import WageAnswerForm
from compliance.wage_answers.services import answer_wage_month
from mobility.errors import MoveNotAllowed
from workers.status.views import case_page, posted_case


@require_POST
def wage_answer(request):
    case, _key, refusal = posted_case(request)
    if refusal is not None:
        return refusal
    form = WageAnswerForm(request.POST)
    # The wage section reads the form back: its errors beside the month they are about.
    request.wage_answer_form = form
    if not form.is_valid():
        return case_page(request, case, status=400)
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
        return case_page(request, case, status=400)
    except MoveNotAllowed as error:
        form.add_error(None, error.message)
        return case_page(request, case, status=409)
    request.wage_answered = answered.key
    return case_page(request, case)
