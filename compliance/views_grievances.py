"""The officials' grievance queue and one grievance with its handling: assign, investigate,
resolve or reject with the outcome the worker reads, share with the employer."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from compliance import grievances
from compliance.filters import GrievanceFilter
from compliance.pages import attempt, for_roles, paginate, query_without_page
from compliance.selectors import grievances_visible_to
from mobility.access import Role, actor_for
from mobility.history import history_of
from workers.models import GrievanceStatus


class GrievanceQueueFilter(GrievanceFilter):
    class Meta(GrievanceFilter.Meta):
        fields = ()


def _with_clocks(grievance):
    grievance.acknowledgement = grievances.acknowledgement_clock(grievance)
    grievance.resolution = grievances.resolution_clock(grievance)
    return grievance


@require_GET
@for_roles(Role.OFFICIAL)
def queue(request):
    filterset = GrievanceQueueFilter(
        request.GET or None, queryset=grievances_visible_to(request.user).order_by("resolution_due")
    )
    items = filterset.qs if filterset.is_bound and filterset.is_valid() else filterset.queryset
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


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=gettext_lazy("Assign to"), queryset=grievances.officials_to_assign()
    )


class OutcomeForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Close as"),
        choices=[
            (GrievanceStatus.RESOLVED, GrievanceStatus.RESOLVED.label),
            (GrievanceStatus.REJECTED, GrievanceStatus.REJECTED.label),
        ],
    )
    outcome = forms.CharField(
        label=gettext_lazy("Outcome the worker will read"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )


@for_roles(Role.OFFICIAL)
def detail(request, pk: int):
    grievance = get_object_or_404(grievances_visible_to(request.user), pk=pk)
    actor = actor_for(request.user)
    assign_form = AssignForm(initial={"assignee": grievance.assignee_id or actor.user_id})
    outcome_form = OutcomeForm()
    if request.method == "POST":
        move, done = request.POST.get("move"), False
        if move == "assign":
            assign_form = AssignForm(request.POST)
            done = assign_form.is_valid() and attempt(
                request,
                lambda: grievances.assign_grievance(
                    actor=actor,
                    grievance_id=grievance.pk,
                    assignee_id=assign_form.cleaned_data["assignee"].pk,
                ),
                assign_form,
            )
        elif move == "investigate":
            done = attempt(
                request,
                lambda: grievances.start_investigation(actor=actor, grievance_id=grievance.pk),
            )
        elif move == "close":
            outcome_form = OutcomeForm(request.POST)
            done = outcome_form.is_valid() and attempt(
                request,
                lambda: grievances.close_grievance(
                    actor=actor, grievance_id=grievance.pk, **outcome_form.cleaned_data
                ),
                outcome_form,
            )
        elif move == "share" and request.POST.get("confirm") == "yes":
            done = attempt(
                request,
                lambda: grievances.share_with_employer(actor=actor, grievance_id=grievance.pk),
            )
        else:
            messages.error(request, _("Confirm the action first."))
        if done:
            messages.success(request, _("The grievance is updated."))
            return redirect("grievance", pk=grievance.pk)
    is_open = grievance.status in grievances.OPEN_GRIEVANCE_STATUSES
    return render(
        request,
        "compliance/grievances/detail.html",
        {
            "grievance": _with_clocks(grievance),
            "is_open": is_open,
            "assign_form": assign_form,
            "outcome_form": outcome_form,
            "history": history_of(grievance),
        },
        status=400 if assign_form.errors or outcome_form.errors else 200,
    )
