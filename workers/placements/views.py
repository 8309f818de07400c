"""Case pages for agencies, employers and officials; the officials' case list and agency pages."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mobility.access import Role, actor_for
from workers.documents import services as documents_services
from workers.documents.forms import DocumentUploadForm
from workers.documents.selectors import documents_visible_to
from workers.models import Placement, PlacementStatus
from workers.placements import lifecycle
from workers.placements import services as placements_services
from workers.placements.filters import CaseFilter
from workers.placements.forms import CaseFactsForm, move_form_class
from workers.placements.selectors import placements_visible_to, timeline_of
from workers.registry.views import PAGE_SIZE, _without_page, run_action


def _case(request, pk) -> Placement:
    queryset = placements_visible_to(request.user).select_related(
        "worker", "agency", "job_order__employer"
    )
    return get_object_or_404(queryset, pk=pk)


def _facts_for(placement, actor) -> list[str]:
    role = lifecycle.role_on(placement, actor)
    names = [n for n, roles in placements_services.CASE_FIELD_ROLES.items() if role in roles]
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
        lambda: placements_services.transition_placement(
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
            lambda: placements_services.update_case_facts(
                actor=actor, placement_id=placement.pk, changes=changes
            ),
        ):
            messages.success(request, _("The case is updated."))
    return redirect("case-page", pk=placement.pk)


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
        "workers/placements/official_list.html",
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
