"""The employer's evidence pages: a month's wage reports for all its workers, each case's
evidence, the monthly wage and hours form, safety and insurance forms, and the CSV upload."""

from datetime import date, timedelta
from functools import partial

from django import forms
from django.contrib import messages
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance import services
from compliance.finding_text import finding_message
from compliance.models import (
    OPEN_FINDING_STATUSES,
    IncidentSeverity,
    InsuranceKind,
    SafetyRecordKind,
    WageReport,
)
from compliance.pages import attempt, for_roles, paginate
from compliance.selectors import findings_visible_to, placements_visible_to
from compliance.serializers import MONTH
from compliance.wage_import import COLUMNS, import_wage_reports
from mobility.access import Role, actor_for

# A month of one employer's workers fits easily; a bigger file is a mistake.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _month(text: str | None, default: date | None = None) -> date | None:
    match = MONTH.match(text or "")
    if match and 1 <= int(match[2]) <= 12:
        return date(int(match[1]), int(match[2]), 1)
    return default


def _last_month() -> date:
    return (timezone.localdate().replace(day=1) - timedelta(days=1)).replace(day=1)


def _case(request, pk: int):
    return get_object_or_404(
        placements_visible_to(request.user).select_related("worker", "job_order"), pk=pk
    )


@for_roles(Role.EMPLOYER)
def overview(request):
    """Which workers' wages are reported for the month, with a link to report each one."""
    month = _month(request.GET.get("month"), _last_month())
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
def case(request, pk: int):
    placement = _case(request, pk)
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


class WageReportForm(forms.Form):
    gross_rub = forms.DecimalField(
        label=gettext_lazy("Gross pay, RUB"), min_value=0, decimal_places=2, max_digits=12
    )
    tax_withheld_rub = forms.DecimalField(
        label=gettext_lazy("Income tax withheld, RUB"),
        min_value=0,
        decimal_places=2,
        max_digits=12,
        initial=0,
    )
    deductions_rub = forms.DecimalField(
        label=gettext_lazy("Employer's deductions (accommodation, meals, advances, damages), RUB"),
        min_value=0,
        decimal_places=2,
        max_digits=12,
        initial=0,
    )
    net_paid_rub = forms.DecimalField(
        label=gettext_lazy("Net paid to the worker, RUB"),
        min_value=0,
        decimal_places=2,
        max_digits=12,
    )
    paid_on = forms.DateField(label=gettext_lazy("Paid on"), widget=DATE)
    hours_worked = forms.DecimalField(
        label=gettext_lazy("Normal hours worked"), min_value=0, decimal_places=1, max_digits=6
    )
    overtime_hours = forms.DecimalField(
        label=gettext_lazy("Overtime hours"), min_value=0, decimal_places=1, max_digits=6, initial=0
    )
    employer_contributions_rub = forms.DecimalField(
        label=gettext_lazy("Employer's social insurance contributions, RUB"),
        min_value=0,
        decimal_places=2,
        max_digits=12,
        required=False,
    )


@for_roles(Role.EMPLOYER)
def wage_form(request, pk: int, month: str):
    placement = _case(request, pk)
    month_start = _month(month)
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
        if attempt(request, partial(action, **values), form):
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


class SafetyRecordForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=SafetyRecordKind.choices)
    date = forms.DateField(label=gettext_lazy("Date"), widget=DATE)
    severity = forms.ChoiceField(
        label=gettext_lazy("Severity (incidents only)"),
        choices=[("", "—"), *IncidentSeverity.choices],
        required=False,
    )
    description = forms.CharField(
        label=gettext_lazy("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class InsuranceCoverForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=InsuranceKind.choices)
    policy_number = forms.CharField(label=gettext_lazy("Policy number"), max_length=60)
    valid_from = forms.DateField(label=gettext_lazy("Valid from"), widget=DATE)
    valid_until = forms.DateField(label=gettext_lazy("Valid until"), widget=DATE)


def _evidence_form(request, pk, form_class, record, title):
    placement = _case(request, pk)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actor = actor_for(request.user)
        if attempt(
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


class UploadForm(forms.Form):
    month = forms.CharField(label=gettext_lazy("Month (YYYY-MM)"), max_length=7)
    file = forms.FileField(label=gettext_lazy("CSV file"))

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return file

    def clean_month(self):
        month = _month(self.cleaned_data["month"])
        if month is None:
            raise forms.ValidationError(_("Give the month as YYYY-MM, e.g. 2025-10."))
        return month


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
            user=request.user,
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
