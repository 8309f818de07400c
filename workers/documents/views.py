from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mobility.access import actor_for
from workers.documents import services
from workers.documents.forms import DocumentUploadForm
from workers.documents.selectors import documents_visible_to
from workers.placements.views import _case
from workers.registry.views import run_action


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
