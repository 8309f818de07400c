"""The agency registry for officials: list, registration by the Indian side, decisions."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mobility.access import Role
from mobility.web import for_roles, paginate, run_service, unconfirmed, visible_or_404
from workers.agencies import services
from workers.agencies.forms import AgencyDecisionForm, AgencyForm
from workers.agencies.selectors import agencies_visible_to
from workers.models import AgencyDecisionKind

PAGE_SIZE = 25


@for_roles(Role.OFFICIAL)
def agency_list(request):
    agencies = agencies_visible_to(request.user).order_by("name", "pk")
    return render(
        request,
        "workers/agencies/list.html",
        {
            "page": paginate(request, agencies, PAGE_SIZE),
            "may_register": request.actor.on_side("IN"),
        },
    )


@for_roles(Role.OFFICIAL)
def agency_new(request):
    """Indian-side officials register a licensed agency."""
    if not request.actor.on_side("IN"):
        raise Http404
    form = AgencyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in AgencyForm.Meta.fields}
        outcome = run_service(
            request, lambda: services.register_agency(actor=request.actor, data=data), form
        )
        if outcome:
            messages.success(request, _("The agency is registered."))
            return redirect("agency-page", pk=outcome.value.pk)
    return render(request, "workers/agencies/form.html", {"form": form})


@for_roles(Role.OFFICIAL, Role.AGENCY)
def agency_page(request, pk):
    agency = visible_or_404(agencies_visible_to, request, pk)
    on_indian_side = request.actor.on_side("IN")
    decisions = services.allowed_agency_decisions(agency.status) if on_indian_side else []
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


@for_roles(Role.OFFICIAL)
@require_POST
def agency_decide(request, pk):
    agency = visible_or_404(agencies_visible_to, request, pk)
    # Like registering one: Russian-side officials read agencies, they do not decide on them.
    if not request.actor.on_side("IN"):
        raise Http404
    decision = request.POST.get("decision", "")
    if decision in AgencyDecisionKind.values:
        # Only a recognised decision is asked about; anything else the service refuses.
        asked = unconfirmed(
            request,
            question=_("%(decision)s %(agency)s? The decision is recorded for good.")
            % {"decision": AgencyDecisionKind(decision).label, "agency": agency.name},
            action=_("Yes, record the decision"),
            back=reverse("agency-page", args=[agency.pk]),
            details=[(_("Reason"), request.POST.get("reason", ""))],
        )
        if asked is not None:
            return asked
    if run_service(
        request,
        lambda: services.decide_agency(
            actor=request.actor,
            agency_id=agency.pk,
            decision=decision,
            reason=request.POST.get("reason", ""),
        ),
    ):
        messages.success(request, _("The decision is recorded."))
    return redirect("agency-page", pk=agency.pk)
