"""Pages: the employer's workspace (sponsorship, quota use, job orders) and the officials'
employer list and employer page with the sponsorship decisions."""

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from employers.job_orders.selectors import job_orders_visible_to
from employers.models import JobOrderStatus, SponsorshipDecisionKind
from employers.sponsorship import services
from employers.sponsorship.forms import (
    ContactForm,
    DecisionForm,
    EmployerFilterForm,
    EmployerRegistrationForm,
)
from employers.sponsorship.selectors import employers_visible_to, with_quota_use
from mobility.access import Role
from mobility.history import history_in_words
from mobility.web import for_roles, paginate, run_service, unconfirmed, visible_or_404
from mobility.workspaces import sections_for

PAGE_SIZE = 25


@for_roles(Role.EMPLOYER)
def workspace(request):
    """The employer's inbox (what waits for it, oldest first), then its sponsorship, quota and
    job orders."""
    employer = get_object_or_404(
        with_quota_use(employers_visible_to(request.user)), pk=request.actor.employer_id
    )
    status = request.GET.get("status", "")
    job_orders = job_orders_visible_to(request.user)
    if status in JobOrderStatus.values:
        job_orders = job_orders.filter(status=status)
    page = paginate(request, job_orders, PAGE_SIZE)
    return render(
        request,
        "employers/sponsorship/workspace.html",
        {
            "employer": employer,
            "page": page,
            "status": status,
            "statuses": JobOrderStatus.choices,
            "latest_decision": employer.decisions.select_related("decided_by").first(),
            # What waits for the employer comes first: candidates, contracts, arrivals, wages,
            # findings (added by the apps that own them).
            "sections": sections_for(request),
        },
    )


@for_roles(Role.EMPLOYER)
def contact_edit(request):
    employer_id = request.actor.employer_id
    employer = get_object_or_404(employers_visible_to(request.user), pk=employer_id)
    form = ContactForm(request.POST or None, instance=employer)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            request,
            lambda: services.update_employer(
                actor=request.actor, employer_id=employer_id, **form.cleaned_data
            ),
            form,
        )
    ):
        messages.success(request, _("Contact details saved."))
        return redirect("employers:workspace")
    return render(request, "employers/sponsorship/contact_form.html", {"form": form})


@for_roles(Role.OFFICIAL)
def official_employer_list(request):
    form = EmployerFilterForm(request.GET or None)
    employers = with_quota_use(employers_visible_to(request.user))
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            employers = employers.filter(
                Q(legal_name__icontains=data["q"]) | Q(inn__startswith=data["q"])
            )
        for name in ("sponsorship_status", "region", "sector"):
            if data[name]:
                employers = employers.filter(**{name: data[name]})
    page = paginate(request, employers.order_by("legal_name", "pk"), PAGE_SIZE)
    template = (
        "employers/sponsorship/_employer_results.html"
        if request.headers.get("HX-Request")
        else "employers/sponsorship/official_employer_list.html"
    )
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "may_register": request.actor.on_side("RU"),
        },
    )


@for_roles(Role.OFFICIAL)
def official_employer_register(request):
    """Russian-side officials register an applicant; it starts as `applied`."""
    if not request.actor.on_side("RU"):
        raise Http404
    form = EmployerRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = run_service(
            request,
            lambda: services.register_employer(actor=request.actor, **form.cleaned_data),
            form,
            field="region",
        )
        if outcome:
            messages.success(request, _("Employer registered; its application awaits a decision."))
            return redirect("employers:official-employer", pk=outcome.value.pk)
    return render(request, "employers/sponsorship/employer_form.html", {"form": form})


def _decision_forms(request, employer) -> list[tuple[str, DecisionForm]]:
    if not services.may_decide(request.actor, employer):
        return []
    return [
        (kind, DecisionForm(initial={"decision": kind, "quota": employer.quota or None}))
        for kind in services.allowed_decisions(employer.sponsorship_status)
    ]


@for_roles(Role.OFFICIAL)
def official_employer_detail(request, pk):
    employer = get_object_or_404(with_quota_use(employers_visible_to(request.user)), pk=pk)
    return render(
        request,
        "employers/sponsorship/official_employer_detail.html",
        {
            "employer": employer,
            "decision_forms": _decision_forms(request, employer),
            "decisions": employer.decisions.select_related("decided_by"),
            "job_orders": employer.job_orders.all()[:50],
            "history": history_in_words(employer),
        },
    )


# A sponsorship decision cannot be taken back (a later decision is a new one): the page asks.
DECISION_QUESTIONS = {
    SponsorshipDecisionKind.APPROVE: lambda name: {
        "question": _("Approve %(employer)s as a sponsor?") % {"employer": name},
        "action": _("Yes, approve sponsorship"),
    },
    SponsorshipDecisionKind.REJECT: lambda name: {
        "question": _("Reject the application of %(employer)s?") % {"employer": name},
        "action": _("Yes, reject the application"),
    },
    SponsorshipDecisionKind.SUSPEND: lambda name: {
        "question": _(
            "Suspend the sponsorship of %(employer)s? It may not sign new contracts meanwhile."
        )
        % {"employer": name},
        "action": _("Yes, suspend sponsorship"),
    },
    SponsorshipDecisionKind.REVOKE: lambda name: {
        "question": _("Revoke the sponsorship of %(employer)s? This cannot be undone.")
        % {"employer": name},
        "action": _("Yes, revoke sponsorship"),
    },
}


@for_roles(Role.OFFICIAL)
@require_POST
def official_employer_decide(request, pk):
    employer = visible_or_404(employers_visible_to, request, pk)
    # Indian-side officials read the sponsor's page but have no decision to make on it.
    if not services.may_decide(request.actor, employer):
        raise Http404
    form = DecisionForm(request.POST)
    if not form.is_valid():
        for problems in form.errors.values():
            for problem in problems:
                messages.error(request, problem)
        return redirect("employers:official-employer", pk=pk)
    decision = form.cleaned_data["decision"]
    asked = unconfirmed(
        request,
        back=reverse("employers:official-employer", args=[pk]),
        details=[
            (form.fields["quota"].label, form.cleaned_data["quota"] or ""),
            (form.fields["reason"].label, form.cleaned_data["reason"]),
        ],
        **DECISION_QUESTIONS[decision](employer.legal_name),
    )
    if asked is not None:
        return asked
    if run_service(
        request,
        lambda: services.decide_sponsorship(
            actor=request.actor,
            employer_id=employer.pk,
            decision=form.cleaned_data["decision"],
            quota=form.cleaned_data["quota"],
            reason=form.cleaned_data["reason"],
        ),
    ):
        messages.success(request, _("Decision recorded."))
    return redirect("employers:official-employer", pk=pk)
