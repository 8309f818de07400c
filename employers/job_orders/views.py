from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from employers.job_orders import services
from employers.job_orders.forms import JobOrderForm
from employers.job_orders.selectors import job_orders_visible_to
from employers.models import JobOrderStatus
from employers.sponsorship.views import _add_form_errors, _own_employer_id, report_error
from mobility.errors import DomainError


@login_required
def job_order_create(request):
    _own_employer_id(request)
    form = JobOrderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            job_order = services.create_job_order(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_form_errors(form, error)
        else:
            messages.success(request, _("Job order saved as a draft."))
            return redirect("employers:job-order", pk=job_order.pk)
    return render(request, "employers/job_orders/form.html", {"form": form, "job_order": None})


def _own_job_order(request, pk):
    _own_employer_id(request)
    return get_object_or_404(job_orders_visible_to(request.user), pk=pk)


@login_required
def job_order_detail(request, pk):
    job_order = _own_job_order(request, pk)
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


@login_required
def job_order_edit(request, pk):
    job_order = _own_job_order(request, pk)
    if job_order.status != JobOrderStatus.DRAFT:
        messages.error(request, _("Only a draft job order can be edited."))
        return redirect("employers:job-order", pk=pk)
    form = JobOrderForm(request.POST or None, instance=job_order)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_job_order(actor=request.user, job_order_id=pk, **form.cleaned_data)
        except ValidationError as error:
            _add_form_errors(form, error)
        except DomainError as error:
            report_error(request, error)
            return redirect("employers:job-order", pk=pk)
        else:
            messages.success(request, _("Job order saved."))
            return redirect("employers:job-order", pk=pk)
    return render(request, "employers/job_orders/form.html", {"form": form, "job_order": job_order})


MOVE_DONE = {
    "open": gettext_lazy("The job order is open: agencies can now recruit for it."),
    "close": gettext_lazy("The job order is closed."),
    "fill": gettext_lazy("The job order is marked as filled."),
}


@login_required
@require_POST
def job_order_move(request, pk, move):
    _own_job_order(request, pk)
    try:
        services.move_job_order(actor=request.user, job_order_id=pk, move=move)
    except DomainError as error:
        report_error(request, error)
    else:
        messages.success(request, MOVE_DONE.get(move, ""))
    return redirect("employers:job-order", pk=pk)
