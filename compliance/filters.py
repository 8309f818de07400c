"""Filters of the findings, evidence and grievance lists, shared by the API and the pages."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from compliance.models import Finding, FindingStatus, InsuranceCover, SafetyRecord, WageReport
from compliance.rulebook import Category, Severity
from employers.models import Sector
from mobility.regions import russian_regions
from workers.models import Grievance, GrievanceCategory, GrievanceStatus


class FindingFilter(django_filters.FilterSet):
    rule = django_filters.CharFilter(field_name="rule__code", label=_("Rule"))
    category = django_filters.ChoiceFilter(
        field_name="rule__category", choices=Category.choices, label=_("Category")
    )
    severity = django_filters.ChoiceFilter(choices=Severity.choices, label=_("Severity"))
    status = django_filters.ChoiceFilter(choices=FindingStatus.choices, label=_("Status"))
    period = django_filters.CharFilter(label=_("Period"))
    region = django_filters.ChoiceFilter(
        choices=russian_regions, method="filter_region", label=_("Region")
    )
    sector = django_filters.ChoiceFilter(
        choices=Sector.choices, method="filter_sector", label=_("Sector")
    )
    employer = django_filters.NumberFilter(method="filter_employer", label=_("Employer"))
    agency = django_filters.NumberFilter(method="filter_agency", label=_("Agency"))
    due_before = django_filters.IsoDateTimeFilter(field_name="due_at", lookup_expr="lt")
    due_after = django_filters.IsoDateTimeFilter(field_name="due_at", lookup_expr="gte")
    detected_after = django_filters.IsoDateTimeFilter(
        field_name="last_detected_at", lookup_expr="gte"
    )
    detected_before = django_filters.IsoDateTimeFilter(
        field_name="first_detected_at", lookup_expr="lt"
    )

    class Meta:
        model = Finding
        fields = ("placement", "worker", "closed_by")

    # A finding about a case names the case; its employer and agency are reached through it.
    def filter_region(self, queryset, name, value: str):
        return queryset.filter(
            Q(placement__job_order__work_region=value)
            | Q(placement__isnull=True, employer__region=value)
        )

    def filter_sector(self, queryset, name, value: str):
        return queryset.filter(
            Q(placement__job_order__employer__sector=value)
            | Q(placement__isnull=True, employer__sector=value)
        )

    def filter_employer(self, queryset, name, value: int):
        return queryset.filter(Q(employer_id=value) | Q(placement__job_order__employer_id=value))

    def filter_agency(self, queryset, name, value: int):
        return queryset.filter(Q(agency_id=value) | Q(placement__agency_id=value))


class WageReportFilter(django_filters.FilterSet):
    month = django_filters.CharFilter(method="filter_month")

    class Meta:
        model = WageReport
        fields = ("placement",)

    def filter_month(self, queryset, name, value: str):
        year, _sep, month = value.partition("-")
        if not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
            return queryset.none()
        return queryset.filter(month__year=int(year), month__month=int(month))


class SafetyRecordFilter(django_filters.FilterSet):
    class Meta:
        model = SafetyRecord
        fields = ("placement", "kind", "severity")


class InsuranceCoverFilter(django_filters.FilterSet):
    class Meta:
        model = InsuranceCover
        fields = ("placement", "kind")


class GrievanceFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=GrievanceStatus.choices, label=_("Status"))
    category = django_filters.ChoiceFilter(choices=GrievanceCategory.choices, label=_("Category"))
    region = django_filters.ChoiceFilter(
        field_name="placement__job_order__work_region", choices=russian_regions, label=_("Region")
    )
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("Overdue"))

    class Meta:
        model = Grievance
        fields = ("placement", "assignee")

    def filter_overdue(self, queryset, name, value: bool):
        now = timezone.now()
        late = Q(acknowledged_at__isnull=True, acknowledgement_due__lt=now) | Q(
            resolution_due__lt=now
        )
        late &= Q(status__in=[GrievanceStatus.RECEIVED, GrievanceStatus.INVESTIGATING])
        return queryset.filter(late) if value else queryset.exclude(late)


class EmployerGrievanceFilter(django_filters.FilterSet):
    """What an employer may narrow its grievances by: nothing that would tell whose one is."""

    status = django_filters.ChoiceFilter(choices=GrievanceStatus.choices)
    category = django_filters.ChoiceFilter(choices=GrievanceCategory.choices)

    class Meta:
        model = Grievance
        fields = ()
