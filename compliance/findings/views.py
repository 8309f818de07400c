"""Findings pages: the officials' queue with bulk acknowledgement, the employers' and agencies'
own lists (each exported as a report job, compliance.reports), and one finding in words with its
history."""

from django.contrib import messages
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from compliance.findings import services
from compliance.findings.explanations import expected_and_found, figures_in_words, period
from compliance.findings.filters import FindingQueueFilter, OwnFindingFilter
from compliance.findings.forms import ReasonForm
from compliance.findings.selectors import findings_visible_to
from compliance.findings.wording import close_reason_in_words, finding_message
from compliance.models import OPEN_FINDING_STATUSES, Entitlement, FindingStatus
from compliance.rulebook.models import SEVERITY_ORDER
from compliance.rulebook.words import source_in_words
from compliance.wage_answers import services as wage_answers
from mobility.access import Role, actor_for
from mobility.history import history_in_words
from mobility.web import (
    for_roles,
    paginate,
    query_without_page,
    run_service,
    unconfirmed,
)
from workers.filtersets import SCOPE_FILTERS, rows_of

OWN_FILTERS = ("rule", "category", "severity", "status")


QUEUE_FILTERS = ("rule", "category", "severity", "status", "open", *SCOPE_FILTERS)


def _by_urgency(findings):
    """Open before acknowledged before closed; within each, the gravest and soonest due first."""
    status_rank = Case(
        *(When(status=s, then=Value(i)) for i, s in enumerate(FindingStatus.values)),
        output_field=IntegerField(),
    )
    severity_rank = Case(
        *(When(severity=s, then=Value(rank)) for s, rank in SEVERITY_ORDER.items()),
        output_field=IntegerField(),
    )
    return findings.order_by(status_rank, severity_rank.desc(), "due_at", "pk")


def _filtered(request, filter_class):
    filterset = filter_class(
        request.GET or None,
        queryset=_by_urgency(findings_visible_to(request.user)),
        request=request,
    )
    return filterset, rows_of(filterset)


def _list(request, *, filter_class, shown_filters, title, queue):
    filterset, findings = _filtered(request, filter_class)
    page = paginate(request, findings)
    rows = [(finding, finding_message(finding)) for finding in page]
    return render(
        request,
        "compliance/findings/list.html",
        {
            "title": title,
            "queue": queue,
            "filter_fields": [filterset.form[name] for name in shown_filters],
            "page": page,
            "rows": rows,
            "query": query_without_page(request),
        },
    )


@require_GET
@for_roles(Role.OFFICIAL)
def queue(request):
    return _list(
        request,
        filter_class=FindingQueueFilter,
        shown_filters=QUEUE_FILTERS,
        title=_("Findings queue"),
        queue=True,
    )


def _own(request):
    return _list(
        request,
        filter_class=OwnFindingFilter,
        shown_filters=OWN_FILTERS,
        title=_("Findings about us"),
        queue=False,
    )


@require_GET
@for_roles(Role.EMPLOYER)
def employer_findings(request):
    return _own(request)


@require_GET
@for_roles(Role.AGENCY)
def agency_findings(request):
    return _own(request)


@require_POST
@for_roles(Role.OFFICIAL)
def bulk_acknowledge(request):
    """First a confirmation listing what was ticked, then the acknowledgement itself."""
    back = request.POST.get("back", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = ""
    ids = [int(i) for i in request.POST.getlist("finding") if i.isdigit()]
    findings = findings_visible_to(request.user).filter(pk__in=ids, status="open")
    if not findings.exists():
        messages.error(request, _("Tick at least one open finding to acknowledge."))
        return redirect(back or "findings-queue")
    if request.POST.get("confirm") != "yes":
        return render(
            request,
            "compliance/findings/confirm_acknowledge.html",
            {"findings": findings, "back": back},
        )
    changed = services.acknowledge_findings(
        actor=actor_for(request.user), finding_ids=list(findings.values_list("pk", flat=True))
    )
    messages.success(request, _("%(count)d findings acknowledged.") % {"count": changed})
    return redirect(back or "findings-queue")


# The fields whose changes tell the finding's story; the sweep's other bookkeeping is noise.
STORY_FIELDS = ("status", "severity", "close_reason")


def _history(finding) -> list[dict]:
    return history_in_words(finding, STORY_FIELDS)


# Closing a finding cannot be undone: the page asks first.
CLOSING_QUESTIONS = {
    "resolve": lambda: {
        "question": _("Resolve this finding? It closes as put right and cannot be reopened."),
        "action": _("Yes, resolve it"),
    },
    "waive": lambda: {
        "question": _(
            "Waive this finding? It closes without the wrong being put right and cannot be "
            "reopened."
        ),
        "action": _("Yes, waive it"),
    },
}


@for_roles(Role.OFFICIAL, Role.EMPLOYER, Role.AGENCY)
def detail(request, pk: int):
    finding = get_object_or_404(findings_visible_to(request.user), pk=pk)
    actor = actor_for(request.user)
    form = ReasonForm()
    if request.method == "POST":
        move = request.POST.get("move")
        if move == "acknowledge":
            done = run_service(
                request,
                lambda: services.acknowledge_finding(actor=actor, finding_id=finding.pk),
            )
        elif move in services.CLOSING_MOVES:
            form = ReasonForm(request.POST)
            if form.is_valid():
                asked = unconfirmed(
                    request,
                    back=reverse("finding", args=[finding.pk]),
                    details=[(_("Reason"), form.cleaned_data["reason"])],
                    **CLOSING_QUESTIONS[move](),
                )
                if asked is not None:
                    return asked
            done = form.is_valid() and run_service(
                request,
                lambda: services.close_finding(
                    actor=actor,
                    finding_id=finding.pk,
                    move=move,
                    reason=form.cleaned_data["reason"],
                ),
                form,
            )
        elif move == "share" and actor.is_official:
            asked = unconfirmed(
                request,
                question=_(
                    "Share this dispute with the employer? The employer will see the finding "
                    "and the worker's grievance, so which worker spoke up about this month, and "
                    "this cannot be taken back. Share it only when the worker is safe to be "
                    "named."
                ),
                action=_("Yes, share it"),
                back=reverse("finding", args=[finding.pk]),
                details=[(_("Case"), finding.placement.reference if finding.placement else "")],
            )
            if asked is not None:
                return asked
            done = run_service(
                request,
                lambda: wage_answers.share_wage_dispute(actor=actor, finding_id=finding.pk),
            )
        else:
            done = False
            messages.error(request, _("Unknown action."))
        if done:
            messages.success(request, _("The finding is updated."))
            return redirect("finding", pk=finding.pk)
    evidence = finding.evidence or {}
    expected, found = expected_and_found(finding.rule.code, evidence)
    return render(
        request,
        "compliance/findings/detail.html",
        {
            "finding": finding,
            "message": finding_message(finding),
            "close_reason": close_reason_in_words(finding),
            "period": period(finding.period),
            "expected": expected,
            "actual": found,
            "legal_source": source_in_words(
                evidence.get("legal_source") or finding.rule.legal_source
            ),
            "figures": figures_in_words(evidence),
            "employer": finding.employer
            or (finding.placement and finding.placement.job_order.employer),
            "entitlement": Entitlement.objects.filter(finding=finding).first(),
            "can_handle": actor.is_official and finding.status in OPEN_FINDING_STATUSES,
            "can_acknowledge": actor.is_official and finding.status == "open",
            "form": form,
            "history": _history(finding) if actor.is_official else None,
            # None for a finding that is no worker's dispute.
            "dispute_shared": wage_answers.is_shared(finding) if actor.is_official else None,
            "explains": actor.is_official,
            "back": "findings-queue" if actor.is_official else f"own-findings-{actor.role}",
        },
        status=400 if form.errors else 200,
    )
