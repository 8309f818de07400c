"""Uploading a document to a worker or a case, and officials' verification of it."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mobility.access import Role
from mobility.web import for_roles, run_service, visible_or_404
from workers.documents import services
from workers.documents.forms import DocumentUploadForm
from workers.documents.selectors import documents_visible_to
from workers.placements.selectors import placements_visible_to
from workers.placements.views import case_page
from workers.registry.selectors import workers_visible_to
from workers.registry.views import worker_page_for

PLACEMENT_RELATED = ("worker", "agency", "job_order__employer")


def _upload(request, **owner) -> DocumentUploadForm | None:
    """Store the posted file for `worker=` or `placement=`: None when it is stored, else the
    form to show again with its errors."""
    form = DocumentUploadForm(request.POST, request.FILES)
    if form.is_valid() and run_service(
        request,
        lambda: services.add_document(
            actor=request.actor,
            kind=form.cleaned_data["kind"],
            upload=form.cleaned_data["file"],
            issued_on=form.cleaned_data["issued_on"],
            expires_on=form.cleaned_data["expires_on"],
            **owner,
        ),
        form,
    ):
        messages.success(request, _("The document is uploaded."))
        return None
    return form


@for_roles(Role.AGENCY)
@require_POST
def worker_upload(request, pk):
    worker = visible_or_404(workers_visible_to, request, pk, related=["agency"])
    refused = _upload(request, worker=worker)
    if refused is not None:
        return worker_page_for(request, worker, upload_form=refused, status=400)
    return redirect("worker-page", pk=worker.pk)


@for_roles(Role.AGENCY, Role.EMPLOYER, Role.OFFICIAL)
@require_POST
def placement_upload(request, pk):
    placement = visible_or_404(placements_visible_to, request, pk, related=PLACEMENT_RELATED)
    refused = _upload(request, placement=placement)
    if refused is not None:
        return case_page(request, placement, upload_form=refused, status=400)
    return redirect("case-page", pk=placement.pk)


@for_roles(Role.OFFICIAL)
@require_POST
def document_verify(request, pk):
    document = visible_or_404(documents_visible_to, request, pk)
    if run_service(
        request,
        lambda: services.verify_document(
            actor=request.actor,
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
