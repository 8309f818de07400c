from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mobility.access import actor_for
from workers.agencies import services
from workers.agencies.forms import AgencyDecisionForm, AgencyForm
from workers.agencies.selectors import agencies_visible_to
from workers.registry.views import PAGE_SIZE, run_action


@login_required
def agency_list(request):
    if not actor_for(request.user).is_official:
        raise PermissionDenied
    agencies = agencies_visible_to(request.user).order_by("name", "pk")
    page = Paginator(agencies, PAGE_SIZE).get_page(request.GET.get("page"))
    may_register = actor_for(request.user).on_side("IN")
    return render(
        request, "workers/agencies/list.html", {"page": page, "may_register": may_register}
    )


@login_required
def agency_new(request):
    """Indian-side officials register a licensed agency."""
    actor = actor_for(request.user)
    if not actor.on_side("IN"):
        raise PermissionDenied
    form = AgencyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in AgencyForm.Meta.fields}
        outcome = run_action(request, lambda: services.register_agency(actor=actor, data=data))
        if outcome:
            messages.success(request, _("The agency is registered."))
            return redirect("agency-page", pk=outcome.value.pk)
    return render(request, "workers/agencies/form.html", {"form": form})


@login_required
def agency_page(request, pk):
    agency = get_object_or_404(agencies_visible_to(request.user), pk=pk)
    actor = actor_for(request.user)
    decisions = services.allowed_agency_decisions(agency.status) if actor.on_side("IN") else []
    form = AgencyDecisionForm()
    form.fields["decision"].choices = [
        (value, label) for value, label in form.fields["decision"].choices if value in decisions
    ]
    return render(
        request,
        "workers/agencies/detail.html",
        {
            "agency": agency,
            "decision_form": form if decisions else None,
            "decisions": agency.decisions.select_related("decided_by"),
        },
    )


@login_required
@require_POST
def agency_decide(request, pk):
    agency = get_object_or_404(agencies_visible_to(request.user), pk=pk)
    if run_action(
        request,
        lambda: services.decide_agency(
            actor=actor_for(request.user),
            agency_id=agency.pk,
            decision=request.POST.get("decision", ""),
            reason=request.POST.get("reason", ""),
        ),
    ):
        messages.success(request, _("The decision is recorded."))
    return redirect("agency-page", pk=agency.pk)
