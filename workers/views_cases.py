"""Case pages for agencies, employers and officials; the officials' case list and agency pages."""

import csv

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from mobility.access import Role, actor_for
from mobility.regions import russian_regions
from workers import lifecycle, services
from workers.forms import AgencyDecisionForm, DocumentUploadForm, move_form_class
from workers.models import Agency, Placement, PlacementStatus
from workers.selectors import (
    agencies_visible_to,
    documents_visible_to,
    placements_visible_to,
    timeline_of,
)
from workers.views import PAGE_SIZE, _without_page, run_action


def _case(request, pk) -> Placement:
    queryset = placements_visible_to(request.user).select_related(
        "worker", "agency", "job_order__employer"
    )
    return get_object_or_404(queryset, pk=pk)


class CaseFactsForm(forms.Form):
    def __init__(self, *args, names=(), placement=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in names:
            field = Placement._meta.get_field(name)
            if name == "recruitment_fee_inr":
                self.fields[name] = forms.DecimalField(
                    label=field.verbose_name, min_value=0, max_digits=12, decimal_places=2
                )
            else:
                self.fields[name] = forms.DateField(
                    label=field.verbose_name,
                    required=False,
                    widget=forms.DateInput(attrs={"type": "date"}),
                )
            if placement is not None:
                self.fields[name].initial = getattr(placement, name)


def _facts_for(placement, actor) -> list[str]:
    role = lifecycle.role_on(placement, actor)
    names = [n for n, roles in services.CASE_FIELD_ROLES.items() if role in roles]
    if placement.arrival_date is None:
        names = [n for n in names if n not in services.ARRIVAL_DATES]
    return names


def _upload_form(placement, actor):
    if actor.role == Role.AGENCY:
        return DocumentUploadForm()
    if actor.role == Role.EMPLOYER:
        form = DocumentUploadForm()
        form.fields["kind"].choices = [
            (value, label)
            for value, label in form.fields["kind"].choices
            if value in services.EMPLOYER_UPLOADS
        ]
        return form
    return None


@login_required
def case_page(request, pk):
    placement = _case(request, pk)
    actor = actor_for(request.user)
    today = timezone.localdate()
    moves = [
        (
            move,
            move_form_class(move)(auto_id=f"move-{move.to}-%s"),
            lifecycle.open_requirements(move, placement, today),
        )
        for move in lifecycle.allowed_moves(placement, actor)
    ]
    facts = _facts_for(placement, actor)
    return render(
        request,
        "workers/cases/case.html",
        {
            "case": placement,
            "moves": moves,
            "timeline": timeline_of(placement),
            # The worker's own papers (passport, medical certificate) count for the case too.
            "documents": documents_visible_to(request.user)
            .filter(Q(placement=placement) | Q(worker=placement.worker_id, placement=None))
            .order_by("-uploaded_at"),
            "upload_form": _upload_form(placement, actor),
            "facts_form": CaseFactsForm(names=facts, placement=placement) if facts else None,
            "is_terminal": lifecycle.is_terminal(placement.status),
        },
    )


@login_required
@require_POST
def case_move(request, pk, to):
    placement = _case(request, pk)
    data = request.POST.dict()
    data.pop("csrfmiddlewaretoken", None)
    if run_action(
        request,
        lambda: services.transition_placement(
            actor=actor_for(request.user), placement_id=placement.pk, to=to, data=data
        ),
    ):
        messages.success(
            request, _("The case is now: %(status)s.") % {"status": PlacementStatus(to).label}
        )
    return redirect("case-page", pk=placement.pk)


@login_required
@require_POST
def case_facts(request, pk):
    placement = _case(request, pk)
    actor = actor_for(request.user)
    form = CaseFactsForm(request.POST, names=_facts_for(placement, actor))
    if not form.is_valid():
        for field, problems in form.errors.items():
            for problem in problems:
                messages.error(request, f"{field}: {problem}")
    else:
        changes = {k: v for k, v in form.cleaned_data.items() if v is not None}
        if changes and run_action(
            request,
            lambda: services.update_case_facts(
                actor=actor, placement_id=placement.pk, changes=changes
            ),
        ):
            messages.success(request, _("The case is updated."))
    return redirect("case-page", pk=placement.pk)


@login_required
@require_POST
def case_upload(request, pk):
    placement = _case(request, pk)
    form = DocumentUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for field, problems in form.errors.items():
            for problem in problems:
                messages.error(request, f"{field}: {problem}")
    elif run_action(
        request,
        lambda: services.add_document(
            actor=actor_for(request.user),
            kind=form.cleaned_data["kind"],
            upload=form.cleaned_data["file"],
            placement=placement,
            issued_on=form.cleaned_data["issued_on"],
            expires_on=form.cleaned_data["expires_on"],
        ),
    ):
        messages.success(request, _("The document is uploaded."))
    return redirect("case-page", pk=placement.pk)


@login_required
@require_POST
def document_verify(request, pk):
    document = get_object_or_404(documents_visible_to(request.user), pk=pk)
    if run_action(
        request,
        lambda: services.verify_document(
            actor=actor_for(request.user),
            document_id=document.pk,
            outcome=request.POST.get("outcome", ""),
            note=request.POST.get("note", ""),
        ),
    ):
        messages.success(request, _("The document check is recorded."))
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("worker-page", pk=document.worker_id)


class CaseFilter(django_filters.FilterSet):
    reference = django_filters.CharFilter(
        label=gettext_lazy("Reference"), field_name="reference", lookup_expr="iexact"
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=PlacementStatus.choices
    )
    region = django_filters.ChoiceFilter(
        label=gettext_lazy("Work region"),
        field_name="job_order__work_region",
        choices=russian_regions,
    )
    employer = django_filters.CharFilter(
        label=gettext_lazy("Employer"),
        field_name="job_order__employer__legal_name",
        lookup_expr="icontains",
    )
    agency = django_filters.CharFilter(
        label=gettext_lazy("Agency"), field_name="agency__name", lookup_expr="icontains"
    )

    class Meta:
        model = Placement
        fields = ()


@login_required
def official_cases(request):
    """Every case in the official's scope, filtered; employers and agencies use their own
    workspaces."""
    if not actor_for(request.user).is_official:
        raise PermissionDenied
    queryset = placements_visible_to(request.user).select_related(
        "worker", "agency", "job_order__employer"
    )
    filters = CaseFilter(request.GET, queryset=queryset)
    cases = filters.qs if filters.is_valid() else queryset.none()
    if request.GET.get("export") == "csv":
        return _cases_csv(cases)
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "workers/cases/official_list.html",
        {"filters": filters, "page": page, "query": _without_page(request.GET)},
    )


class _Echo:
    def write(self, value):
        return value


CSV_COLUMNS = (
    "reference",
    "status",
    "worker",
    "agency",
    "employer",
    "work_region",
    "contract_start",
    "employment_start",
    "updated_at",
)


def _cases_csv(cases):
    """The filtered list as CSV, streamed row by row so a large scope does not fill memory; no
    passport numbers or contact data."""
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(CSV_COLUMNS)
        for case in cases.iterator(chunk_size=2000):
            yield writer.writerow(
                (
                    case.reference,
                    case.status,
                    case.worker.full_name,
                    case.agency.name,
                    case.job_order.employer.legal_name,
                    case.job_order.work_region,
                    case.contract_start or "",
                    case.employment_start or "",
                    case.updated_at.isoformat(),
                )
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cases.csv"'
    return response


@login_required
def agency_list(request):
    if not actor_for(request.user).is_official:
        raise PermissionDenied
    agencies = agencies_visible_to(request.user).order_by("name", "pk")
    page = Paginator(agencies, PAGE_SIZE).get_page(request.GET.get("page"))
    may_register = actor_for(request.user).on_side("IN")
    return render(
        request, "workers/cases/agency_list.html", {"page": page, "may_register": may_register}
    )


class AgencyForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = (
            "name",
            "licence_number",
            "licence_valid_until",
            "state",
            "contact_email",
            "contact_phone",
            "address",
        )
        widgets = {"licence_valid_until": forms.DateInput(attrs={"type": "date"})}


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
    return render(request, "workers/cases/agency_form.html", {"form": form})


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
        "workers/cases/agency.html",
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
