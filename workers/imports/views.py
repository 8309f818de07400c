"""The agency's CSV import pages: upload, progress while it runs, and the per-row report."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from mobility.access import Role
from mobility.web import for_roles, paginate, run_service, visible_or_404
from workers.imports.forms import ImportUploadForm
from workers.imports.rows import PLACEMENT_OPTIONAL, PLACEMENT_REQUIRED, WORKER_CHECKS
from workers.imports.selectors import imports_visible_to
from workers.imports.services import start_import, written_rows
from workers.models import ImportStatus

RUNNING = (ImportStatus.QUEUED, ImportStatus.VALIDATING, ImportStatus.IMPORTING)


@for_roles(Role.AGENCY)
@require_http_methods(["GET", "POST"])
def import_list(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        outcome = run_service(
            request,
            lambda: start_import(
                actor=request.actor,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            ),
            form,
            field="file",
        )
        if outcome:
            messages.success(request, _("The file is uploaded; the import is running."))
            return redirect("import-detail", import_id=outcome.value.pk)
    page = paginate(request, imports_visible_to(request.user), 25)
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


@for_roles(Role.AGENCY)
def import_detail(request, import_id: int):
    record = visible_or_404(imports_visible_to, request, import_id)
    context = _progress_context(record)
    errors = paginate(request, record.errors, 200)
    return render(request, "workers/imports/detail.html", {**context, "errors": errors})


@for_roles(Role.AGENCY)
def import_progress(request, import_id: int):
    """The progress partial htmx polls while the import runs; a finished import answers with
    a header telling htmx to reload the page, which then shows the report."""
    record = visible_or_404(imports_visible_to, request, import_id)
    context = _progress_context(record)
    response = render(request, "workers/imports/_progress.html", context)
    if not context["running"]:
        response["HX-Refresh"] = "true"
    return response
