from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from employers.job_orders import services
from employers.job_orders.forms import JobOrderForm
from employers.job_orders.selectors import job_orders_visible_to
from employers.models import JobOrderStatus
from mobility.access import Role
from mobility.web import for_roles, run_service, unconfirmed, visible_or_404


@for_roles(Role.EMPLOYER)
def job_order_create(request):
    form = JobOrderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = run_service(
            request,
            lambda: services.create_job_order(actor=request.actor, **form.cleaned_data),
            form,
        )
        if outcome:
            messages.success(request, _("Job order saved as a draft."))
            return redirect("employers:job-order", pk=outcome.value.pk)
    return render(request, "employers/job_orders/form.html", {"form": form, "job_order": None})


@for_roles(Role.EMPLOYER)
def job_order_detail(request, pk):
    job_order = visible_or_404(job_orders_visible_to, request, pk)
    is_draft = job_order.status == JobOrderStatus.DRAFT
    return render(
        request,
        "employers/job_orders/detail.html",
        {
            "job_order": job_order,
            "moves": services.allowed_job_order_moves(job_order.status),
            "problems": services.job_order_problems(job_order) if is_draft else [],
        },
    )


@for_roles(Role.EMPLOYER)
def job_order_edit(request, pk):
    job_order = visible_or_404(job_orders_visible_to, request, pk)
    if job_order.status != JobOrderStatus.DRAFT:
        messages.error(request, _("Only a draft job order can be edited."))
        return redirect("employers:job-order", pk=pk)
    form = JobOrderForm(request.POST or None, instance=job_order)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            request,
            lambda: services.update_job_order(
                actor=request.actor, job_order_id=pk, **form.cleaned_data
            ),
            form,
        )
    ):
        messages.success(request, _("Job order saved."))
        return redirect("employers:job-order", pk=pk)
    return render(request, "employers/job_orders/form.html", {"form": form, "job_order": job_order})


MOVE_DONE = {
    "open": gettext_lazy("The job order is open: agencies can now recruit for it."),
    "close": gettext_lazy("The job order is closed."),
    "fill": gettext_lazy("The job order is marked as filled."),
}


@for_roles(Role.EMPLOYER)
@require_POST
def job_order_move(request, pk, move):
    visible_or_404(job_orders_visible_to, request, pk)
    if move == "close":
        asked = unconfirmed(
            request,
            question=_(
                "Close this job order? Agencies will no longer recruit for it. "
                "This cannot be undone."
            ),
            action=_("Yes, close this job order"),
            back=reverse("employers:job-order", args=[pk]),
        )
        if asked is not None:
            return asked
    if run_service(
        request, lambda: services.move_job_order(actor=request.actor, job_order_id=pk, move=move)
    ):
        messages.success(request, MOVE_DONE.get(move, ""))
    return redirect("employers:job-order", pk=pk)
