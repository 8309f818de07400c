"""The employer's evidence pages: a month's wage reports for all its workers, each case's
evidence, the monthly wage and hours form, safety and insurance forms, and the CSV upload."""

from datetime import date, timedelta
from functools import partial

from django.contrib import messages
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.evidence import services
from compliance.evidence.forms import (
    InsuranceCoverForm,
    SafetyRecordForm,
    UploadForm,
    WageReportForm,
    month_from_text,
)
from compliance.evidence.wage_import import COLUMNS, import_wage_reports
from compliance.findings.selectors import findings_visible_to
from compliance.findings.wording import finding_message
from compliance.models import (
    OPEN_FINDING_STATUSES,
    WageReport,
)
from mobility.access import Role, actor_for
from mobility.web import for_roles, paginate, run_service
from workers.placements.selectors import placements_visible_to


def _last_month() -> date:
    return (timezone.localdate().replace(day=1) - timedelta(days=1)).replace(day=1)


def _placement(request, pk: int):
    return get_object_or_404(
        placements_visible_to(request.user).select_related("worker", "job_order"), pk=pk
    )


@for_roles(Role.EMPLOYER)
def overview(request):
    """Which workers' wages are reported for the month, with a link to report each one."""
    month = month_from_text(request.GET.get("month"), _last_month())
    reports = WageReport.objects.filter(placement=OuterRef("pk"), month=month)
    cases = (
        placements_visible_to(request.user)
        .filter(status__in=services.WAGE_REPORT_STATUSES)
        .select_related("worker", "job_order")
        .annotate(reported=Exists(reports), report_id=Subquery(reports.values("pk")[:1]))
        .order_by("worker__full_name", "pk")
    )
    page = paginate(request, cases)
    return render(
        request,
        "compliance/evidence/overview.html",
        {"month": month, "page": page, "query": f"month={month:%Y-%m}"},
    )


@for_roles(Role.EMPLOYER)
def placement_evidence(request, pk: int):
    placement = _placement(request, pk)
    return render(
        request,
        "compliance/evidence/case.html",
        {
            "placement": placement,
            "wage_reports": placement.wage_reports.all(),
            "safety_records": placement.safety_records.all(),
            "insurance_covers": placement.insurance_covers.all(),
            "findings": [
                (finding, finding_message(finding))
                for finding in findings_visible_to(request.user).filter(
                    placement=placement, status__in=OPEN_FINDING_STATUSES
                )
            ],
            "last_month": _last_month(),
        },
    )


@for_roles(Role.EMPLOYER)
def wage_form(request, pk: int, month: str):
    placement = _placement(request, pk)
    month_start = month_from_text(month)
    if month_start is None:
        raise Http404
    report = WageReport.objects.filter(placement=placement, month=month_start).first()
    initial = (
        {name: getattr(report, name) for name in WageReportForm.base_fields} if report else None
    )
    form = WageReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actor = actor_for(request.user)
        values = dict(form.cleaned_data)
        if report:
            action = partial(services.correct_wage_report, actor=actor, report_id=report.pk)
        else:
            action = partial(
                services.record_wage_report,
                actor=actor,
                placement_id=placement.pk,
                month=month_start,
            )
        if run_service(request, partial(action, **values), form):
            messages.success(
                request,
                _("The wage report for %(month)s is saved.") % {"month": f"{month_start:%Y-%m}"},
            )
            return redirect("evidence-case", pk=placement.pk)
    return render(
        request,
        "compliance/evidence/wage_form.html",
        {"placement": placement, "month": month_start, "report": report, "form": form},
        status=400 if form.errors else 200,
    )


def _evidence_form(request, pk, form_class, record, title):
    placement = _placement(request, pk)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actor = actor_for(request.user)
        if run_service(
            request,
            lambda: record(actor=actor, placement_id=placement.pk, **form.cleaned_data),
            form,
        ):
            messages.success(request, _("Saved."))
            return redirect("evidence-case", pk=placement.pk)
    return render(
        request,
        "compliance/evidence/form.html",
        {"placement": placement, "form": form, "title": title},
        status=400 if form.errors else 200,
    )


@for_roles(Role.EMPLOYER)
def safety_form(request, pk: int):
    return _evidence_form(
        request, pk, SafetyRecordForm, services.record_safety_record, _("Record safety")
    )


@for_roles(Role.EMPLOYER)
def insurance_form(request, pk: int):
    return _evidence_form(
        request, pk, InsuranceCoverForm, services.record_insurance_cover, _("Record insurance")
    )


@for_roles(Role.EMPLOYER)
def upload(request):
    form = UploadForm(
        request.POST or None, request.FILES or None, initial={"month": f"{_last_month():%Y-%m}"}
    )
    errors = []
    if request.method == "POST" and form.is_valid():
        month = form.cleaned_data["month"]
        imported, errors = import_wage_reports(
            actor=actor_for(request.user),
            month=month,
            file=form.cleaned_data["file"].file,
        )
        if not errors:
            messages.success(
                request,
                _("%(count)d wage reports imported for %(month)s.")
                % {"count": imported, "month": f"{month:%Y-%m}"},
            )
            return redirect(f"{request.path.rsplit('upload/', 1)[0]}?month={month:%Y-%m}")
    return render(
        request,
        "compliance/evidence/upload.html",
        {"form": form, "errors": errors, "columns": COLUMNS},
        status=400 if errors or form.errors else 200,
    )
