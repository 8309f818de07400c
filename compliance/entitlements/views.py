"""Pages of the ledger: the worker's answer to a payment on /status/, and one entitlement for
staff with its payments, the art. 236 arithmetic, the owing party's payment form (asked to
confirm before it is recorded) and the officials' acceptance and waiver."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from compliance.entitlements import scores, selectors, services
from compliance.entitlements.filters import PaymentFilter
from compliance.entitlements.forms import AcceptForm, PaymentForm, ReasonForm, WorkerAnswerForm
from compliance.entitlements.models import OWED_STATUSES, PaymentAnswer, PaymentMethod
from mobility import figures
from mobility.access import Role
from mobility.errors import DomainError
from mobility.web import (
    for_roles,
    paginate,
    query_without_page,
    run_service,
    unconfirmed,
    visible_or_404,
)
from workers.filtersets import SCOPE_FILTERS, rows_of
from workers.status.views import case_page, posted_case


@require_http_methods(["POST"])
def worker_answer(request):
    """The worker's "I received it" or "I did not" on a payment, from their case page."""
    case, _key, refusal = posted_case(request)
    if refusal is not None:
        return refusal
    form = WorkerAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether you received the payment."))
        return case_page(request, case, status=400)
    try:
        services.answer_payment(
            case=case, payment_id=form.cleaned_data["payment"], answer=form.cleaned_data["answer"]
        )
    except DomainError as error:
        messages.error(request, error.message)
        return case_page(request, case, status=error.status_code)
    if form.cleaned_data["answer"] == PaymentAnswer.CONFIRMED:
        messages.success(request, _("Thank you. The payment is counted as received."))
    else:
        messages.success(
            request,
            _("Thank you. An official will look into this payment; it is not counted as paid."),
        )
    return case_page(request, case)


def status_section(request, case) -> dict:
    """The worker's amounts owed on their case page (workers.status.sections)."""
    return {
        "ledger": selectors.worker_ledger(case),
        "reference": case.reference,
        "date_of_birth": request.POST.get("date_of_birth", ""),
    }


def case_page_section(request, placement) -> dict:
    """What the case owes the worker, on the staff's case page (workers.placements.sections)."""
    return {
        "entitlements": selectors.entitlements_visible_to(request.user)
        .filter(placement=placement)
        .order_by("created_at", "pk")
    }


def _amount(entitlement, value) -> str:
    return figures.rupees(value) if entitlement.currency == "INR" else figures.roubles(value)


@for_roles(Role.AGENCY, Role.EMPLOYER, Role.OFFICIAL)
@require_http_methods(["GET", "POST"])
def detail(request, pk: int):
    entitlement = visible_or_404(
        lambda user: selectors.with_payments(selectors.entitlements_visible_to(user)), request, pk
    )
    actor = request.actor
    back = reverse("entitlement", args=[entitlement.pk])
    payment_form, accept_form, waive_form = PaymentForm(), AcceptForm(), ReasonForm()
    if request.method == "POST":
        move, done = request.POST.get("move"), False
        if move == "pay":
            payment_form = PaymentForm(request.POST)
            if payment_form.is_valid():
                data = payment_form.cleaned_data
                asked = unconfirmed(
                    request,
                    question=_(
                        "Record this payment? The worker is asked to confirm that it reached "
                        "them; it counts once they do."
                    ),
                    action=_("Yes, record it"),
                    back=back,
                    details=[
                        (_("Amount paid"), _amount(entitlement, data["amount"])),
                        (_("Paid on"), figures.day(data["paid_on"])),
                        (_("How it was paid"), str(PaymentMethod(data["method"]).label)),
                        (_("Payment reference"), data["reference"]),
                    ],
                )
                if asked is not None:
                    return asked
                done = run_service(
                    request,
                    lambda: services.record_payment(
                        actor=actor, entitlement_id=entitlement.pk, **data
                    ),
                    payment_form,
                    field="amount",
                )
        elif move == "accept":
            accept_form = AcceptForm(request.POST)
            done = accept_form.is_valid() and run_service(
                request,
                lambda: services.accept_unanswered_payment(
                    actor=actor,
                    payment_id=accept_form.cleaned_data["payment"],
                    reason=accept_form.cleaned_data["reason"],
                ),
                accept_form,
                field="reason",
            )
        elif move == "waive":
            waive_form = ReasonForm(request.POST)
            if waive_form.is_valid():
                asked = unconfirmed(
                    request,
                    question=_("Waive this amount? The worker will no longer be told it is owed."),
                    action=_("Yes, waive it"),
                    back=back,
                    details=[(_("Reason"), waive_form.cleaned_data["reason"])],
                )
                if asked is not None:
                    return asked
            done = waive_form.is_valid() and run_service(
                request,
                lambda: services.waive_entitlement(
                    actor=actor,
                    entitlement_id=entitlement.pk,
                    reason=waive_form.cleaned_data["reason"],
                ),
                waive_form,
                field="reason",
            )
        else:
            messages.error(request, _("Choose an action."))
        if done:
            messages.success(request, _("The ledger is updated."))
            return redirect("entitlement", pk=entitlement.pk)
    owed = entitlement.status in OWED_STATUSES
    return render(
        request,
        "compliance/entitlements/detail.html",
        {
            "entitlement": entitlement,
            "compensation": selectors.compensation_of(entitlement, selectors.key_rates()),
            "can_pay": owed and services.may_record_payment(actor, entitlement),
            "is_official": actor.is_official,
            "can_waive": owed and actor.is_official,
            "payment_form": payment_form,
            "accept_form": accept_form,
            "waive_form": waive_form,
        },
        status=400 if payment_form.errors or accept_form.errors or waive_form.errors else 200,
    )


PAYMENT_FILTERS = ("currency", "accepted", "owed_by", *SCOPE_FILTERS)


@require_GET
@for_roles(Role.OFFICIAL)
def payments(request):
    """The payments in the official's scope, newest first: the rows the dashboard's "money
    recovered" figure sums, with the same filters, and their sum by currency."""
    filterset = PaymentFilter(
        request.GET or None,
        queryset=selectors.payments_visible_to(request.user).order_by("-paid_on", "-pk"),
        request=request,
    )
    rows = rows_of(filterset)
    return render(
        request,
        "compliance/entitlements/payments.html",
        {
            "filter_fields": [filterset.form[name] for name in PAYMENT_FILTERS],
            "page": paginate(request, rows),
            "totals": scores.money_total(rows),
            "query": query_without_page(request),
        },
        status=400 if filterset.is_bound and not filterset.is_valid() else 200,
    )
