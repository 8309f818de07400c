"""The agency workspace: pipeline, workers, worker pages. Case pages are in views_cases.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mobility.access import Role, actor_for
from mobility.errors import DomainError
from workers.documents import services as documents_services
from workers.documents.forms import DocumentUploadForm
from workers.documents.selectors import documents_visible_to
from workers.models import Placement, PlacementStatus, Worker
from workers.placements import services as placements_services
from workers.placements.selectors import pipeline_counts, placements_visible_to
from workers.registry import services as registry_services
from workers.registry.forms import OpenCaseForm, WorkerForm, WorkerSearchForm
from workers.registry.selectors import search_workers, workers_visible_to
from workers.registry.serializers import WorkerSerializer, mask_passport

PAGE_SIZE = 25


class Outcome:
    """What `run_action` did: `ok` and the service's return value."""

    def __init__(self, ok: bool, value=None):
        self.ok, self.value = ok, value

    def __bool__(self) -> bool:
        return self.ok


def run_action(request, action) -> Outcome:
    """Run a service; turn its refusals into messages a person can act on."""
    try:
        value = action()
    except DomainError as error:
        problems = getattr(error, "problems", None) or [error.message]
        for problem in problems:
            messages.error(request, problem)
        allowed = getattr(error, "allowed", None)
        if allowed:
            messages.info(request, _("Allowed now: %(moves)s") % {"moves": ", ".join(allowed)})
        return Outcome(False)
    except DjangoValidationError as error:
        by_field = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        for field, problems in by_field.items():
            for problem in problems:
                label = "" if field in ("", "__all__", "non_field_errors") else f"{field}: "
                messages.error(request, f"{label}{problem}")
        return Outcome(False)
    return Outcome(True, value)


def agency_actor(request):
    actor = actor_for(request.user)
    if actor.role != Role.AGENCY:
        raise PermissionDenied
    return actor


@login_required
def workspace(request):
    """The agency's pipeline (cases per status) and its workers, searchable and filtered."""
    agency_actor(request)
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
    page = Paginator(workers, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = pipeline_counts(request.user)
    pipeline = [(status, label, counts[status]) for status, label in PlacementStatus.choices]
    return render(
        request,
        "workers/registry/workspace.html",
        {
            "pipeline": pipeline,
            "total_cases": sum(counts.values()),
            "search": search,
            "page": page,
            "query": _without_page(request.GET),
        },
    )


def _without_page(params) -> str:
    params = params.copy()
    params.pop("page", None)
    return params.urlencode()


@login_required
def worker_new(request):
    return _worker_form(request, worker=None)


@login_required
def worker_edit(request, pk):
    agency_actor(request)
    return _worker_form(request, worker=get_object_or_404(workers_visible_to(request.user), pk=pk))


def _worker_form(request, worker: Worker | None):
    """Register or edit a worker; WorkerSerializer checks the values, as for the API."""
    actor = agency_actor(request)
    form = WorkerForm(request.POST or None, instance=worker)
    if worker is not None:
        del form.fields["consent"]
    if request.method == "POST":
        body = WorkerSerializer(worker, data=request.POST)
        if body.is_valid():
            if worker is None:
                outcome = run_action(
                    request,
                    lambda: registry_services.register_worker(
                        actor=actor, data=body.validated_data
                    ),
                )
            else:
                outcome = run_action(
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
            for field, problems in body.errors.items():
                for problem in problems:
                    form.add_error(field if field in form.fields else None, str(problem))
    return render(request, "workers/registry/worker_form.html", {"form": form, "worker": worker})


@login_required
def worker_page(request, pk):
    worker = get_object_or_404(workers_visible_to(request.user).select_related("agency"), pk=pk)
    actor = actor_for(request.user)
    is_agency = actor.role == Role.AGENCY
    is_employer = actor.role == Role.EMPLOYER
    passport = mask_passport(worker.passport_number) if is_employer else worker.passport_number
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
            "upload_form": DocumentUploadForm() if is_agency else None,
            "open_case_form": OpenCaseForm() if is_agency else None,
        },
    )


@login_required
@require_POST
def worker_upload(request, pk):
    actor = agency_actor(request)
    worker = get_object_or_404(workers_visible_to(request.user), pk=pk)
    form = DocumentUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for field, problems in form.errors.items():
            for problem in problems:
                messages.error(request, f"{field}: {problem}")
    elif run_action(
        request,
        lambda: documents_services.add_document(
            actor=actor,
            kind=form.cleaned_data["kind"],
            upload=form.cleaned_data["file"],
            worker=worker,
            issued_on=form.cleaned_data["issued_on"],
            expires_on=form.cleaned_data["expires_on"],
        ),
    ):
        messages.success(request, _("The document is uploaded."))
    return redirect("worker-page", pk=worker.pk)


@login_required
@require_POST
def worker_open_case(request, pk):
    actor = agency_actor(request)
    worker = get_object_or_404(workers_visible_to(request.user), pk=pk)
    form = OpenCaseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an open job order of an approved employer."))
        return redirect("worker-page", pk=worker.pk)
    outcome = run_action(
        request,
        lambda: placements_services.open_case(
            actor=actor, worker=worker, job_order=form.cleaned_data["job_order"]
        ),
    )
    if outcome:
        messages.success(request, _("The case is opened as a draft."))
        return redirect("case-page", pk=outcome.value.pk)
    return redirect("worker-page", pk=worker.pk)
