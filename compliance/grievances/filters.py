"""Filters of the findings, evidence and grievance lists, shared by the API and the pages."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mobility.regions import russian_regions
from workers.models import OPEN_GRIEVANCE_STATUSES, Grievance, GrievanceCategory, GrievanceStatus


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
        late &= Q(status__in=OPEN_GRIEVANCE_STATUSES)
        return queryset.filter(late) if value else queryset.exclude(late)


class EmployerGrievanceFilter(django_filters.FilterSet):
    """What an employer may narrow its grievances by: nothing that would tell whose one is."""

    status = django_filters.ChoiceFilter(choices=GrievanceStatus.choices)
    category = django_filters.ChoiceFilter(choices=GrievanceCategory.choices)

    class Meta:
        model = Grievance
        fields = ()


class GrievanceQueueFilter(GrievanceFilter):
    class Meta(GrievanceFilter.Meta):
        fields = ()
