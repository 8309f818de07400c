"""The officials' grievance queue and one grievance with its handling: assign, investigate,
resolve or reject with the outcome the worker reads, share with the employer."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from compliance.grievances import ladder
from compliance.grievances import services as grievances
from compliance.grievances.filters import GrievanceQueueFilter
from compliance.grievances.forms import (
    AssignForm,
    GrievanceAnswerForm,
    GrievanceKeyForm,
    OutcomeForm,
    SilenceForm,
)
from compliance.grievances.selectors import (
    clock_view,
    find_grievance,
    grievance_status,
    grievances_visible_to,
)
from compliance.grievances.services import file_grievance
from compliance.models import WageAnswer
from mobility.access import Role, actor_for
from mobility.errors import MoveNotAllowed
from mobility.history import history_in_words
from mobility.web import for_roles, paginate, query_without_page, run_service, unconfirmed
from workers.filtersets import rows_of
from workers.models import GrievanceStatus, Language
from workers.status.forms import GrievanceFilingForm
from workers.status.selectors import find_placement
from workers.status.texts import NO_SUCH_GRIEVANCE
from workers.status.throttles import wait_before_next_try
from workers.status.views import case_page, posted_case, too_many_tries


@require_http_methods(["POST"])
def grievance_filing(request):
    form = GrievanceFilingForm(request.POST)
    case, key, refusal = posted_case(request)
    if refusal is not None:
        return refusal
    if not form.is_valid():
        return case_page(request, case, grievance_form=form, status=400)
    grievance = file_grievance(
        placement=case,
        category=form.cleaned_data["category"],
        description=form.cleaned_data["description"],
    )
    return render(
        request,
        "compliance/grievances/status_received.html",
        {
            "grievance": grievance_status(grievance),
            "reference": case.reference,
            "date_of_birth": key["date_of_birth"].isoformat(),
        },
    )


# What the worker reads after answering; %(receipt)s is the complaint's receipt.
ANSWERED = {
    "resolved": gettext_lazy("Thank you. Complaint %(receipt)s is closed as resolved."),
    "not_resolved": gettext_lazy(
        "Thank you. Complaint %(receipt)s is open again and goes to a more senior official."
    ),
}


@require_http_methods(["POST"])
def grievance_answer(request):
    """The worker answers whether a complaint an official calls resolved is: on their case
    page, with the case's key, rate-limited like the lookup."""
    form = GrievanceAnswerForm(request.POST)
    case, _key, refusal = posted_case(request)
    if refusal is not None:
        return refusal
    if not form.is_valid():
        return case_page(request, case, status=400, problem=_("Choose yes or no."))
    data = form.cleaned_data
    try:
        grievance = grievances.answer_as_worker(
            reference=data["reference"],
            date_of_birth=data["date_of_birth"],
            receipt=data["receipt"],
            answer=data["answer"],
        )
    except MoveNotAllowed as refusal:
        return case_page(request, case, status=409, problem=refusal.message)
    if grievance is None:
        return case_page(request, case, status=404, problem=NO_SUCH_GRIEVANCE)
    case = find_placement(data["reference"], data["date_of_birth"])
    notice = ANSWERED[data["answer"]] % {"receipt": grievance.receipt}
    return case_page(request, case, notice=notice)


@require_http_methods(["GET", "POST"])
def grievance_follow(request):
    template = "compliance/grievances/status_follow.html"
    if request.method == "GET":
        return render(request, template, {"form": GrievanceKeyForm()})
    form = GrievanceKeyForm(request.POST)
    if wait_before_next_try(request) is not None:
        return too_many_tries(request, template, {"form": form})
    if not form.is_valid():
        return render(request, template, {"form": form}, status=400)
    grievance = find_grievance(form.cleaned_data["receipt"], form.cleaned_data["date_of_birth"])
    if grievance is None:
        return render(request, template, {"form": form, "problem": NO_SUCH_GRIEVANCE}, status=404)
    return render(request, template, {"form": form, "grievance": grievance})


def _with_clocks(grievance, now=None):
    grievance.acknowledgement = grievances.acknowledgement_clock(grievance)
    grievance.resolution = grievances.resolution_clock(grievance)
    grievance.clock = clock_view(grievance, now)
    return grievance


@require_GET
@for_roles(Role.OFFICIAL)
def queue(request):
    filterset = GrievanceQueueFilter(
        request.GET or None,
        queryset=ladder.by_urgency(grievances_visible_to(request.user), timezone.now()),
        request=request,
    )
    items = rows_of(filterset)
    page = paginate(request, items)
    return render(
        request,
        "compliance/grievances/list.html",
        {
            "filterset": filterset,
            "page": page,
            "rows": [_with_clocks(g) for g in page],
            "query": query_without_page(request),
        },
    )


@require_GET
@for_roles(Role.EMPLOYER)
def employer_grievances(request):
    """An employer sees that grievances exist against it; whose and what only once shared."""
    page = paginate(request, grievances_visible_to(request.user))
    return render(request, "compliance/grievances/employer_list.html", {"page": page, "query": ""})


# The changes that tell a grievance's story; the clocks and texts are shown above.
GRIEVANCE_STORY = (
    "status",
    "assignee",
    "shared_with_employer",
    "side",
    "level",
    "escalation_reason",
    "worker_answer",
    "close_reason",
)


@for_roles(Role.OFFICIAL)
def detail(request, pk: int):
    grievance = get_object_or_404(grievances_visible_to(request.user), pk=pk)
    actor = actor_for(request.user)
    handles = ladder.grievances_handled_by(request.user).filter(pk=grievance.pk).exists()
    assign_form = AssignForm(initial={"assignee": grievance.assignee_id or actor.user_id})
    outcome_form = OutcomeForm()
    silence_form = SilenceForm()
    if request.method == "POST":
        if not handles:
            raise Http404
        move, done = request.POST.get("move"), False
        if move == "assign":
            assign_form = AssignForm(request.POST)
            done = assign_form.is_valid() and run_service(
                request,
                lambda: grievances.assign_grievance(
                    actor=actor,
                    grievance_id=grievance.pk,
                    assignee_id=assign_form.cleaned_data["assignee"].pk,
                ),
                assign_form,
            )
        elif move == "investigate":
            done = run_service(
                request,
                lambda: grievances.start_investigation(actor=actor, grievance_id=grievance.pk),
            )
        elif move == "close":
            outcome_form = OutcomeForm(request.POST)
            data = outcome_form.cleaned_data if outcome_form.is_valid() else None
            text = data and run_service(
                request,
                lambda: grievances.outcome_text(
                    grievance, data["standard_outcome"], data["outcome"]
                ),
                outcome_form,
            )
            if text:
                proposing = data["status"] == GrievanceStatus.RESOLVED
                asked = unconfirmed(
                    request,
                    question=_(
                        "Tell the worker it is resolved? The worker will read the outcome and "
                        "is asked to confirm it; the grievance closes when they do."
                    )
                    if proposing
                    else _(
                        "Close this grievance? The worker will read the outcome, and the "
                        "grievance cannot be reopened."
                    ),
                    action=_("Yes, ask the worker") if proposing else _("Yes, close it"),
                    back=reverse("grievance", args=[grievance.pk]),
                    details=[
                        (
                            outcome_form.fields["status"].label,
                            GrievanceStatus(data["status"]).label,
                        ),
                        (_("What the worker will read"), text.value),
                    ],
                )
                if asked is not None:
                    return asked
            done = outcome_form.is_valid() and run_service(
                request,
                lambda: grievances.close_grievance(
                    actor=actor, grievance_id=grievance.pk, **outcome_form.cleaned_data
                ),
                outcome_form,
            )
        elif move == "close_after_silence":
            silence_form = SilenceForm(request.POST)
            done = silence_form.is_valid() and run_service(
                request,
                lambda: grievances.close_after_silence(
                    actor=actor,
                    grievance_id=grievance.pk,
                    reason=silence_form.cleaned_data["reason"],
                ),
                silence_form,
            )
        elif move == "share":
            asked = unconfirmed(
                request,
                question=_(
                    "Share this grievance with the employer? The employer will see which case "
                    "it is and what the worker wrote, and this cannot be taken back. Share it "
                    "only when the worker is safe to be named."
                ),
                action=_("Yes, share it"),
                back=reverse("grievance", args=[grievance.pk]),
                details=[(_("Case"), grievance.placement.reference)],
            )
            if asked is not None:
                return asked
            done = run_service(
                request,
                lambda: grievances.share_with_employer(actor=actor, grievance_id=grievance.pk),
            )
        else:
            messages.error(request, _("Choose an action."))
        if done:
            messages.success(request, _("The grievance is updated."))
            return redirect("grievance", pk=grievance.pk)
    is_open = handles and grievance.status in grievances.OPEN_GRIEVANCE_STATUSES
    forms_with_errors = (assign_form, outcome_form, silence_form)
    return render(
        request,
        "compliance/grievances/detail.html",
        {
            "grievance": _with_clocks(grievance),
            "handles": handles,
            "is_open": is_open,
            "awaiting_worker": grievance.status == GrievanceStatus.PROPOSED_RESOLVED,
            "silence_ends": grievances.silence_ends(grievance),
            "assign_form": assign_form,
            "outcome_form": outcome_form,
            "silence_form": silence_form,
            "worker_language": Language(grievances.worker_language(grievance)).label,
            "history": history_in_words(grievance, GRIEVANCE_STORY),
            # The finding of the worker's wage dispute that filed this grievance, if one did.
            "dispute_finding": WageAnswer.objects.filter(grievance=grievance)
            .values_list("finding_id", flat=True)
            .first(),
        },
        status=400 if any(form.errors for form in forms_with_errors) else 200,
    )
