"""Case pages for agencies, employers and officials; the officials' case list and agency pages."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mobility.access import Role
from mobility.web import (
    csv_download,
    for_roles,
    paginate,
    report_form_errors,
    run_service,
    visible_or_404,
)
from workers.documents import services as documents_services
from workers.documents.forms import DocumentUploadForm
from workers.documents.selectors import documents_visible_to
from workers.models import Placement, PlacementStatus
from workers.placements import lifecycle
from workers.placements import services as placements_services
from workers.placements.filters import PlacementFilter
from workers.placements.forms import PlacementFactsForm, move_form_class
from workers.placements.selectors import placements_visible_to, timeline_of

PAGE_SIZE = 25
RELATED = ("worker", "agency", "job_order__employer")


def _placement(request, pk) -> Placement:
    return visible_or_404(placements_visible_to, request, pk, related=RELATED)


def _facts_for(placement, actor) -> list[str]:
    role = lifecycle.role_on(placement, actor)
    names = [n for n, roles in placements_services.PLACEMENT_FIELD_ROLES.items() if role in roles]
    if placement.arrival_date is None:
        names = [n for n in names if n not in placements_services.ARRIVAL_DATES]
    return names


def _upload_form(placement, actor):
    if actor.role == Role.AGENCY:
        return DocumentUploadForm()
    if actor.role == Role.EMPLOYER:
        form = DocumentUploadForm()
        form.fields["kind"].choices = [
            (value, label)
            for value, label in form.fields["kind"].choices
            if value in documents_services.EMPLOYER_UPLOADS
        ]
        return form
    return None


@for_roles(Role.AGENCY, Role.EMPLOYER, Role.OFFICIAL)
def placement_page(request, pk):
    placement = _placement(request, pk)
    actor = request.actor
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
        "workers/placements/case.html",
        {
            "case": placement,
            "moves": moves,
            "timeline": timeline_of(placement),
            # The worker's own papers (passport, medical certificate) count for the case too.
            "documents": documents_visible_to(request.user)
            .filter(Q(placement=placement) | Q(worker=placement.worker_id, placement=None))
            .order_by("-uploaded_at"),
            "upload_form": _upload_form(placement, actor),
            "facts_form": PlacementFactsForm(names=facts, placement=placement) if facts else None,
            "is_terminal": lifecycle.is_terminal(placement.status),
        },
    )


@for_roles(Role.AGENCY, Role.EMPLOYER, Role.OFFICIAL)
@require_POST
def placement_move(request, pk, to):
    placement = _placement(request, pk)
    data = request.POST.dict()
    data.pop("csrfmiddlewaretoken", None)
    if run_service(
        request,
        lambda: placements_services.transition_placement(
            actor=request.actor, placement_id=placement.pk, to=to, data=data
        ),
    ):
        messages.success(
            request, _("The case is now: %(status)s.") % {"status": PlacementStatus(to).label}
        )
    return redirect("case-page", pk=placement.pk)


@for_roles(Role.AGENCY, Role.EMPLOYER, Role.OFFICIAL)
@require_POST
def placement_facts(request, pk):
    placement = _placement(request, pk)
    actor = request.actor
    form = PlacementFactsForm(request.POST, names=_facts_for(placement, actor))
    if not form.is_valid():
        report_form_errors(request, form)
    else:
        changes = {k: v for k, v in form.cleaned_data.items() if v is not None}
        if changes and run_service(
            request,
            lambda: placements_services.update_placement_facts(
                actor=actor, placement_id=placement.pk, changes=changes
            ),
        ):
            messages.success(request, _("The case is updated."))
    return redirect("case-page", pk=placement.pk)


@for_roles(Role.OFFICIAL)
def official_placements(request):
    """Every case in the official's scope, filtered; employers and agencies use their own
    workspaces."""
    queryset = placements_visible_to(request.user).select_related(*RELATED)
    filters = PlacementFilter(request.GET, queryset=queryset)
    cases = filters.qs if filters.is_valid() else queryset.none()
    if request.GET.get("export") == "csv":
        return _placements_csv(cases)
    return render(
        request,
        "workers/placements/official_list.html",
        {"filters": filters, "page": paginate(request, cases, PAGE_SIZE)},
    )


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


def _placements_csv(cases):
    """The filtered list as CSV; no passport numbers or contact data."""
    rows = (
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
        for case in cases.iterator(chunk_size=2000)
    )
    return csv_download("cases.csv", CSV_COLUMNS, rows)
