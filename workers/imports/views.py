"""The agency's CSV import pages: upload, progress while it runs, and the per-row report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from mobility.access import Role, actor_for
from mobility.errors import DomainError
from workers.imports.forms import ImportUploadForm
from workers.imports.rows import PLACEMENT_OPTIONAL, PLACEMENT_REQUIRED, WORKER_CHECKS
from workers.imports.selectors import imports_visible_to
from workers.imports.services import start_import, written_rows
from workers.models import ImportStatus

RUNNING = (ImportStatus.QUEUED, ImportStatus.VALIDATING, ImportStatus.IMPORTING)


def _agency_actor(request):
    actor = actor_for(request.user)
    if actor.role != Role.AGENCY:
        raise Http404
    return actor


@login_required
@require_http_methods(["GET", "POST"])
def import_list(request):
    actor = _agency_actor(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            record = start_import(
                actor=actor, kind=form.cleaned_data["kind"], upload=form.cleaned_data["file"]
            )
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _("The file is uploaded; the import is running."))
            return redirect("import-detail", import_id=record.pk)
    page = Paginator(imports_visible_to(request.user), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "workers/imports/list.html",
        {
            "form": form,
            "page": page,
            "worker_columns": list(WORKER_CHECKS),
            "placement_columns": PLACEMENT_REQUIRED + PLACEMENT_OPTIONAL,
        },
        status=400 if form.errors else 200,
    )


def _progress_context(record) -> dict:
    written = written_rows(record)
    running = record.status in RUNNING
    percent = 100
    if running:
        # Checking and writing each fill half of the bar.
        done = record.processed_rows + written
        percent = min(99, 50 * done // record.total_rows) if record.total_rows else 0
    return {"record": record, "written": written, "percent": percent, "running": running}


@login_required
def import_detail(request, import_id: int):
    _agency_actor(request)
    record = get_object_or_404(imports_visible_to(request.user), pk=import_id)
    context = _progress_context(record)
    errors = Paginator(record.errors, 200).get_page(request.GET.get("page"))
    return render(request, "workers/imports/detail.html", {**context, "errors": errors})


@login_required
def import_progress(request, import_id: int):
    """The progress partial htmx polls while the import runs; a finished import answers with
    a header telling htmx to reload the page, which then shows the report."""
    _agency_actor(request)
    record = get_object_or_404(imports_visible_to(request.user), pk=import_id)
    context = _progress_context(record)
    response = render(request, "workers/imports/_progress.html", context)
    if not context["running"]:
        response["HX-Refresh"] = "true"
    return response
