"""Pages: the employer's workspace (sponsorship, quota use, job orders) and the officials'
employer list and employer page with the sponsorship decisions."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from employers.job_orders.selectors import job_orders_visible_to
from employers.models import JobOrderStatus
from employers.sponsorship import services
from employers.sponsorship.forms import (
    ContactForm,
    DecisionForm,
    EmployerFilterForm,
    EmployerRegistrationForm,
)
from employers.sponsorship.selectors import employers_visible_to, with_quota_use
from mobility.access import Role, actor_for
from mobility.errors import DomainError, RequirementsUnmet
from mobility.history import history_of

PAGE_SIZE = 25


def report_error(request, error: DomainError) -> None:
    """Shows a refused action on the page the way the API answers it: each unmet requirement
    on its own line."""
    if isinstance(error, RequirementsUnmet):
        for problem in error.problems:
            messages.error(request, problem)
    else:
        messages.error(request, error.message)


def _own_employer_id(request) -> int:
    actor = actor_for(request.user)
    if actor.role != Role.EMPLOYER:
        raise Http404
    return actor.employer_id


def _add_form_errors(form, error: ValidationError) -> None:
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


@login_required
def workspace(request):
    employer_id = _own_employer_id(request)
    employer = get_object_or_404(with_quota_use(employers_visible_to(request.user)), pk=employer_id)
    status = request.GET.get("status", "")
    job_orders = job_orders_visible_to(request.user)
    if status in JobOrderStatus.values:
        job_orders = job_orders.filter(status=status)
    page = Paginator(job_orders, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "employers/sponsorship/workspace.html",
        {
            "employer": employer,
            "page": page,
            "status": status,
            "query": urlencode({"status": status}) if status else "",
            "statuses": JobOrderStatus.choices,
            "latest_decision": employer.decisions.select_related("decided_by").first(),
        },
    )


@login_required
def contact_edit(request):
    employer_id = _own_employer_id(request)
    employer = get_object_or_404(employers_visible_to(request.user), pk=employer_id)
    form = ContactForm(request.POST or None, instance=employer)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_employer(
                actor=request.user, employer_id=employer_id, **form.cleaned_data
            )
        except ValidationError as error:
            _add_form_errors(form, error)
        else:
            messages.success(request, _("Contact details saved."))
            return redirect("employers:workspace")
    return render(request, "employers/sponsorship/contact_form.html", {"form": form})


def _require_official(request) -> None:
    if not actor_for(request.user).is_official:
        raise Http404


@login_required
def official_employer_list(request):
    _require_official(request)
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
    page = Paginator(employers.order_by("legal_name", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
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
            "query": query.urlencode(),
            "may_register": actor_for(request.user).on_side("RU"),
        },
    )


@login_required
def official_employer_register(request):
    """Russian-side officials register an applicant; it starts as `applied`."""
    _require_official(request)
    if not actor_for(request.user).on_side("RU"):
        raise Http404
    form = EmployerRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            employer = services.register_employer(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error("region", error.message)
        except ValidationError as error:
            _add_form_errors(form, error)
        else:
            messages.success(request, _("Employer registered; its application awaits a decision."))
            return redirect("employers:official-employer", pk=employer.pk)
    return render(request, "employers/sponsorship/employer_form.html", {"form": form})


def _decision_forms(request, employer) -> list[tuple[str, DecisionForm]]:
    if not services.may_decide(request.user, employer):
        return []
    return [
        (kind, DecisionForm(initial={"decision": kind, "quota": employer.quota or None}))
        for kind in services.allowed_decisions(employer.sponsorship_status)
    ]


@login_required
def official_employer_detail(request, pk):
    _require_official(request)
    employer = get_object_or_404(with_quota_use(employers_visible_to(request.user)), pk=pk)
    return render(
        request,
        "employers/sponsorship/official_employer_detail.html",
        {
            "employer": employer,
            "decision_forms": _decision_forms(request, employer),
            "decisions": employer.decisions.select_related("decided_by"),
            "job_orders": employer.job_orders.all()[:50],
            "history": history_of(employer),
        },
    )


@login_required
@require_POST
def official_employer_decide(request, pk):
    _require_official(request)
    employer = get_object_or_404(employers_visible_to(request.user), pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        for problems in form.errors.values():
            for problem in problems:
                messages.error(request, problem)
        return redirect("employers:official-employer", pk=pk)
    try:
        services.decide_sponsorship(
            actor=request.user,
            employer_id=employer.pk,
            decision=form.cleaned_data["decision"],
            quota=form.cleaned_data["quota"],
            reason=form.cleaned_data["reason"],
        )
    except DomainError as error:
        report_error(request, error)
    else:
        messages.success(request, _("Decision recorded."))
    return redirect("employers:official-employer", pk=pk)
