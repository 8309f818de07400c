"""The officials' dashboard page, its JSON summary and CSV exports of its tables."""

import csv

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from compliance.dashboard import DashboardFilters, summary
from compliance.rulebook import Category, Severity
from employers.models import Sector
from mobility.access import actor_for
from mobility.permissions import IsOfficial
from mobility.regions import russian_regions
from workers.models import PlacementStatus


class DashboardFilterForm(forms.Form):
    period_from = forms.DateField(label=_("From"), required=False)
    period_to = forms.DateField(label=_("To"), required=False)
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=lambda: [("", _("All")), *russian_regions()]
    )
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=[("", _("All")), *Sector.choices]
    )
    employer = forms.IntegerField(label=_("Employer"), required=False, min_value=1)
    agency = forms.IntegerField(label=_("Agency"), required=False, min_value=1)

    def clean(self):
        data = super().clean()
        start, end = data.get("period_from"), data.get("period_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The period must start before it ends."))
        return data

    def filters(self) -> DashboardFilters:
        data = self.cleaned_data
        return DashboardFilters(
            period_from=data.get("period_from"),
            period_to=data.get("period_to"),
            region=data.get("region") or "",
            sector=data.get("sector") or "",
            employer=data.get("employer"),
            agency=data.get("agency"),
        )


EXPORTS = {
    "agencies": ("agencies", ["agency", "name", "status", "cases", "employed", "open_findings"]),
    "top-employers": (
        "top_employers_by_open_breaches",
        ["employer", "legal_name", "open_breaches"],
    ),
    "cases-by-sector": ("cases_by_sector", ["key", "count"]),
    "cases-by-region": ("cases_by_region", ["key", "count"]),
    "findings-per-month": ("findings_per_month", ["month", "count"]),
}


def _official_or_404(request):
    # The dashboard's figures are the officials' alone: anyone else gets a plain 404.
    if not actor_for(request.user).is_official:
        raise Http404


@login_required
def dashboard_page(request):
    _official_or_404(request)
    form = DashboardFilterForm(request.GET or None)
    filters = form.filters() if form.is_valid() else DashboardFilters()
    data = summary(request.user, filters)
    charts = {
        "findingsPerMonth": data["findings_per_month"],
        "casesBySector": data["cases_by_sector"],
        "casesByRegion": data["cases_by_region"],
        "topEmployers": data["top_employers_by_open_breaches"],
    }
    labelled = {
        "stages": _labelled(data["cases_by_stage"], PlacementStatus),
        "severities": _labelled(data["open_findings_by_severity"], Severity),
        "rates": _labelled(data["compliance_rate_by_category"], Category),
    }
    return render(
        request,
        "compliance/dashboard.html",
        {
            "form": form,
            "data": data,
            "labelled": labelled,
            "charts": charts,
            "query": request.GET.urlencode(),
            "exports": list(EXPORTS),
        },
        status=200 if form.is_bound is False or form.is_valid() else 400,
    )


def _labelled(figures: dict, choices) -> list[tuple[str, str, object]]:
    """(code, label in the reader's language, figure): pages show words, links keep codes."""
    labels = dict(choices.choices)
    return [(code, labels.get(code, code), figure) for code, figure in figures.items()]


@login_required
def dashboard_export(request, table: str):
    _official_or_404(request)
    if table not in EXPORTS:
        raise Http404
    form = DashboardFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain")
    key, columns = EXPORTS[table]
    rows = summary(request.user, form.filters() if form.is_bound else DashboardFilters())[key]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mobility-{table}.csv"'
    writer = csv.DictWriter(response, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return response


@extend_schema(
    parameters=[
        OpenApiParameter(name, required=False)
        for name in ("period_from", "period_to", "region", "sector", "employer", "agency")
    ],
    responses=dict,
)
@api_view(["GET"])
@permission_classes([IsOfficial])
def dashboard_summary_api(request):
    """The dashboard's tiles and charts, with the page's filters."""
    form = DashboardFilterForm(request.query_params)
    if not form.is_valid():
        errors = {
            "non_field_errors" if field == "__all__" else field: [e["message"] for e in errs]
            for field, errs in form.errors.get_json_data().items()
        }
        raise ValidationError(errors)
    return Response(summary(request.user, form.filters()))
