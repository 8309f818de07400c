"""The agency workspace (pipeline and workers) and the worker pages."""

from django.contrib import messages
from django.db.models import Exists, OuterRef, Subquery
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mobility.access import Role
from mobility.web import add_api_errors, for_roles, paginate, run_service, visible_or_404
from mobility.workspaces import sections_for
from workers.documents.forms import DocumentUploadForm
from workers.documents.selectors import documents_visible_to
from workers.models import Placement, PlacementStatus, Worker
from workers.placements import services as placements_services
from workers.placements.selectors import pipeline_counts, placements_visible_to
from workers.registry import services as registry_services
from workers.registry.forms import OpenPlacementForm, WorkerForm, WorkerSearchForm
from workers.registry.selectors import search_workers, sees_passport_numbers, workers_visible_to
from workers.registry.serializers import WorkerSerializer
from workers.registry.validation import mask_passport

PAGE_SIZE = 25


@for_roles(Role.AGENCY)
def workspace(request):
    """What waits for the agency (drafts not ready, findings to answer, documents rejected),
    then its pipeline (cases per status) and its workers, searchable and filtered."""
    search = WorkerSearchForm(request.GET or None)
    latest = Placement.objects.filter(worker_id=OuterRef("pk")).order_by("-created_at", "-pk")
    workers = workers_visible_to(request.user).annotate(
        case_status=Subquery(latest.values("status")[:1]),
        case_id=Subquery(latest.values("pk")[:1]),
    )
    if search.is_valid():
        workers = search_workers(workers, search.cleaned_data["q"])
        if search.cleaned_data["status"]:
            cases = Placement.objects.filter(
                worker_id=OuterRef("pk"), status=search.cleaned_data["status"]
            )
            workers = workers.filter(Exists(cases))
        if search.cleaned_data["state_of_origin"]:
            workers = workers.filter(state_of_origin=search.cleaned_data["state_of_origin"])
    page = paginate(request, workers, PAGE_SIZE)
    counts = pipeline_counts(request.user)
    pipeline = [(status, label, counts[status]) for status, label in PlacementStatus.choices]
    return render(
        request,
        "workers/registry/workspace.html",
        {
            "sections": sections_for(request),
            "pipeline": pipeline,
            "total_cases": sum(counts.values()),
            "search": search,
            "page": page,
        },
    )


@for_roles(Role.AGENCY)
def worker_new(request):
    return _worker_form(request, worker=None)


@for_roles(Role.AGENCY)
def worker_edit(request, pk):
    return _worker_form(request, worker=visible_or_404(workers_visible_to, request, pk))


def _worker_form(request, worker: Worker | None):
    """Register or edit a worker; WorkerSerializer checks the values, as for the API."""
    actor = request.actor
    form = WorkerForm(request.POST or None, instance=worker)
    if worker is not None:
        del form.fields["consent"]
    if request.method == "POST":
        body = WorkerSerializer(worker, data=request.POST)
        if body.is_valid():
            if worker is None:
                outcome = run_service(
                    request,
                    lambda: registry_services.register_worker(
                        actor=actor, data=body.validated_data
                    ),
                )
            else:
                outcome = run_service(
                    request,
                    lambda: registry_services.update_worker(
                        actor=actor, worker_id=worker.pk, data=body.validated_data
                    ),
                )
            if outcome:
                messages.success(
                    request,
                    _("The worker is registered.")
                    if worker is None
                    else _("The worker is updated."),
                )
                return redirect("worker-page", pk=outcome.value.pk)
        else:
            form.is_valid()
            form.errors.clear()
            add_api_errors(form, body)
    return render(request, "workers/registry/worker_form.html", {"form": form, "worker": worker})


@for_roles(Role.AGENCY, Role.EMPLOYER, Role.OFFICIAL)
def worker_page(request, pk):
    return worker_page_for(
        request, visible_or_404(workers_visible_to, request, pk, related=["agency"])
    )


def worker_page_for(request, worker: Worker, *, upload_form=None, status: int = 200):
    """The worker's page; a refused upload is shown again open, its errors beside its fields."""
    actor = request.actor
    is_agency = actor.role == Role.AGENCY
    is_employer = actor.role == Role.EMPLOYER
    passport = (
        worker.passport_number
        if sees_passport_numbers(actor)
        else mask_passport(worker.passport_number)
    )
    cases = (
        placements_visible_to(request.user)
        .filter(worker=worker)
        .select_related("job_order__employer")
    )
    documents = documents_visible_to(request.user).filter(worker=worker).select_related("placement")
    return render(
        request,
        "workers/registry/worker.html",
        {
            "worker": worker,
            "passport": passport,
            "show_contact": not is_employer,
            "cases": cases,
            "documents": documents,
            "may_edit": is_agency,
            "upload_form": upload_form or (DocumentUploadForm() if is_agency else None),
            "open_case_form": OpenPlacementForm(request.user) if is_agency else None,
            "personal_data_section": (
                reverse("worker-personal-data-section", args=[worker.pk])
                if actor.is_official
                else None
            ),
        },
        status=status,
    )


@for_roles(Role.AGENCY)
@require_POST
def worker_open_placement(request, pk):
    actor = request.actor
    worker = visible_or_404(workers_visible_to, request, pk)
    form = OpenPlacementForm(request.user, request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an open job order of an approved employer."))
        return redirect("worker-page", pk=worker.pk)
    outcome = run_service(
        request,
        lambda: placements_services.open_placement(
            actor=actor, worker=worker, job_order=form.cleaned_data["job_order"]
        ),
    )
    if outcome:
        messages.success(request, _("The case is opened as a draft."))
        return redirect("case-page", pk=outcome.value.pk)
    return redirect("worker-page", pk=worker.pk)
