"""Officials' pages for personal-data requests: the "Personal data" section of the worker page
(a partial of its own, loaded into that page and polled while an export is prepared), asking
for an export, downloading it, and erasing a worker after the server-side confirmation."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from compliance.personal_data import selectors, services
from compliance.personal_data.api import download_response
from mobility.access import Role
from mobility.web import for_roles, run_service, unconfirmed, visible_or_404
from workers.registry.selectors import workers_visible_to


def _section_context(request, worker) -> dict:
    export = selectors.latest_export(request.user, worker)
    return {
        "worker": worker,
        "export": export,
        "preparing": export is not None and export.status in services.UNFINISHED,
        "requests": selectors.requests_visible_to(request.user).filter(worker=worker)[:10],
    }


@for_roles(Role.OFFICIAL)
def personal_data(request, pk):
    """The section on its own page, for a browser that does not load it into the worker's."""
    worker = visible_or_404(workers_visible_to, request, pk)
    return render(request, "compliance/personal_data/page.html", _section_context(request, worker))


@for_roles(Role.OFFICIAL)
def personal_data_section(request, pk):
    worker = visible_or_404(workers_visible_to, request, pk)
    return render(
        request, "compliance/personal_data/_section.html", _section_context(request, worker)
    )


@for_roles(Role.OFFICIAL)
@require_POST
def export(request, pk):
    worker = visible_or_404(workers_visible_to, request, pk)
    if run_service(
        request, lambda: services.request_export(actor=request.actor, worker_id=worker.pk)
    ):
        messages.success(
            request, _("The export is being prepared; its download appears here when ready.")
        )
    return redirect("worker-page", pk=worker.pk)


@for_roles(Role.OFFICIAL)
def download(request, request_id):
    export = visible_or_404(selectors.requests_visible_to, request, request_id)
    if export.status != services.Status.READY or not export.file:
        return redirect("worker-page", pk=export.worker_id)
    return download_response(export)


@for_roles(Role.OFFICIAL)
@require_POST
def erase(request, pk):
    worker = visible_or_404(workers_visible_to, request, pk)
    back = reverse("worker-page", args=[worker.pk])
    refusals = services.erasure_refusals(worker)
    if not refusals:
        asked = unconfirmed(
            request,
            question=_(
                "Erase this worker's personal data? Their name, date of birth, passport, "
                "contact details and documents are deleted for good; this cannot be undone."
            ),
            action=_("Yes, erase it"),
            back=back,
            details=[(_("Worker"), worker.full_name), (_("Passport"), worker.passport_number)],
        )
        if asked is not None:
            return asked
    # Refused now or by the time it is confirmed: the service says why, and keeps the audit.
    if run_service(
        request,
        lambda: services.erase_worker(actor=request.actor, worker_id=worker.pk, confirmed=True),
    ):
        messages.success(request, _("The worker's personal data is erased."))
    return redirect(back)
