"""Case pages for agencies, employers and officials; the officials' case list and agency pages."""

from datetime import date

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mobility import figures
from mobility.access import Role
from mobility.notifications.selectors import case_notifications_visible_to
from mobility.web import (
    for_roles,
    paginate,
    run_service,
    unconfirmed,
    visible_or_404,
)
from workers.documents import services as documents_services
from workers.documents.forms import DocumentUploadForm
from workers.documents.selectors import documents_visible_to
from workers.filtersets import rows_of
from workers.models import DocumentKind, Placement, PlacementStatus
from workers.placements import lifecycle
from workers.placements import services as placements_services
from workers.placements.filters import PlacementFilter
from workers.placements.forms import CONTRACT_FILE, PlacementFactsForm, page_move_form
from workers.placements.sections import case_page_sections
from workers.placements.selectors import placements_visible_to, timeline_of

PAGE_SIZE = 25
# The latest messages about a case; older ones stay in the admin.
NOTIFICATIONS_SHOWN = 50
RELATED = ("worker", "agency", "job_order__employer")


def _placement(request, pk) -> Placement:
    return visible_or_404(placements_visible_to, request, pk, related=RELATED)


def _facts_for(placement, actor) -> list[str]:
    role = lifecycle.role_on(placement, actor)
    names = [n for n, roles in placements_services.PLACEMENT_FIELD_ROLES.items() if role in roles]
    if placement.arrival_date is None:
        names = [n for n in names if n not in placements_services.ARRIVAL_DATES]
    if placement.end_date is None:
        names = [n for n in names if n != "mvd_end_notified_on"]
    if not placement.work_permit_number:
        names = [n for n in names if n not in placements_services.PERMIT_FACTS]
    return names


def _upload_form(placement, actor, form=None):
    if actor.role == Role.AGENCY:
        return form or DocumentUploadForm()
    if actor.role == Role.EMPLOYER:
        form = form or DocumentUploadForm()
        form.fields["kind"].choices = [
            (value, label)
            for value, label in form.fields["kind"].choices
            if value in documents_services.EMPLOYER_UPLOADS
        ]
        return form
    return None


def case_page(
    request, placement, *, bound=None, upload_form=None, facts_form=None, status: int = 200
):
    """The case page; a refused form (`bound`, a move's, `upload_form` or `facts_form`) is
    shown again open, with what was typed and each error beside its field."""
    actor = request.actor
    today = timezone.localdate()
    moves = [
        (
            move,
            bound
            if bound is not None and bound.move_to == move.to
            else page_move_form(move, placement),
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
            "refused": any(form is not None for form in (bound, upload_form, facts_form)),
            "timeline": timeline_of(placement),
            # The worker's own papers (passport, medical certificate) count for the case too.
            "documents": documents_visible_to(request.user)
            .filter(Q(placement=placement) | Q(worker=placement.worker_id, placement=None))
            .order_by("-uploaded_at"),
            "upload_form": _upload_form(placement, actor, upload_form),
            "facts_form": facts_form
            or (PlacementFactsForm(names=facts, placement=placement) if facts else None),
            "is_terminal": lifecycle.is_terminal(placement.status),
            "can_record_permit": "work_permit_region" in facts,
            "sections": case_page_sections(request, placement),
            "notifications": case_notifications_visible_to(request.user, placement.pk)[
                :NOTIFICATIONS_SHOWN
            ],
        },
        status=status,
    )


@for_roles(Role.AGENCY, Role.EMPLOYER, Role.OFFICIAL)
def placement_page(request, pk):
    return case_page(request, _placement(request, pk))


def _shown(value) -> str:
    return figures.day(value) if isinstance(value, date) else str(value)


def _moved(request, placement, to):
    messages.success(
        request, _("The case is now: %(status)s.") % {"status": PlacementStatus(to).label}
    )
    return redirect("case-page", pk=placement.pk)


@for_roles(Role.AGENCY, Role.EMPLOYER, Role.OFFICIAL)
@require_POST
def placement_move(request, pk, to):
    placement = _placement(request, pk)
    actor = request.actor
    move = lifecycle.move_for(placement.status, to)
    if move is None or not lifecycle.may_make(move, placement, actor):
        # The service words the refusal (and the moves allowed now).
        if run_service(
            request,
            lambda: placements_services.transition_placement(
                actor=actor, placement_id=placement.pk, to=to, data={}
            ),
        ):
            return _moved(request, placement, to)
        return redirect("case-page", pk=placement.pk)
    form = page_move_form(move, placement, request.POST, request.FILES)
    form.move_to = move.to
    if not form.is_valid():
        return case_page(request, placement, bound=form, status=400)
    if move.confirm:
        asked = unconfirmed(
            request,
            question=_(move.confirm),
            action=move.action,
            back=reverse("case-page", args=[placement.pk]),
            details=[
                (form.fields[name].label, _shown(form.cleaned_data[name])) for name in move.fields
            ],
        )
        if asked is not None:
            return asked
    contract = form.cleaned_data.get(CONTRACT_FILE)
    if contract and not run_service(
        request,
        lambda: documents_services.add_document(
            actor=actor, kind=DocumentKind.CONTRACT, upload=contract, placement=placement
        ),
        form,
        field=CONTRACT_FILE,
    ):
        return case_page(request, placement, bound=form, status=400)
    data = {name: form.data[name] for name in (*move.fields, "note") if name in form.data}
    if run_service(
        request,
        lambda: placements_services.transition_placement(
            actor=actor, placement_id=placement.pk, to=to, data=data
        ),
        form,
        field="__all__",
    ):
        return _moved(request, placement, to)
    if contract:
        # The file is on the case now; the form no longer offers it.
        form.fields.pop(CONTRACT_FILE, None)
    return case_page(request, _placement(request, pk), bound=form, status=400)


@for_roles(Role.AGENCY, Role.EMPLOYER, Role.OFFICIAL)
@require_POST
def placement_facts(request, pk):
    placement = _placement(request, pk)
    actor = request.actor
    form = PlacementFactsForm(request.POST, names=_facts_for(placement, actor))
    if not form.is_valid():
        return case_page(request, placement, facts_form=form, status=400)
    # A field left empty keeps what the case has.
    changes = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
    if changes:
        if not run_service(
            request,
            lambda: placements_services.update_placement_facts(
                actor=actor, placement_id=placement.pk, changes=changes
            ),
            form,
            field="__all__",
        ):
            return case_page(request, placement, facts_form=form, status=400)
        messages.success(request, _("The case is updated."))
    return redirect("case-page", pk=placement.pk)


@for_roles(Role.OFFICIAL)
def official_placements(request):
    """Every case in the official's scope, filtered; employers and agencies use their own
    workspaces."""
    queryset = placements_visible_to(request.user).select_related(*RELATED)
    filters = PlacementFilter(request.GET, queryset=queryset, request=request)
    cases = rows_of(filters)
    return render(
        request,
        "workers/placements/official_list.html",
        {"filters": filters, "page": paginate(request, cases, PAGE_SIZE)},
    )
