"""Filters of the findings, evidence and grievance lists, shared by the API and the pages."""

from datetime import timedelta

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from compliance.grievances.ladder import grievances_handled_by
from workers.filtersets import ALL, ScopeFilterSet, YesNoFilter, day_start
from workers.models import (
    CLOCKED_GRIEVANCE_STATUSES,
    OPEN_GRIEVANCE_STATUSES,
    Grievance,
    GrievanceCategory,
    GrievanceLevel,
    GrievanceStatus,
)


def overdue_at(now) -> Q:
    """An open grievance past a deadline of its own: acknowledgement or resolution. The
    queue's flag, its filter and the dashboard's figure all read it here. A resolution
    proposed to the worker has met its clocks."""
    late = Q(acknowledged_at__isnull=True, acknowledgement_due__lt=now) | Q(resolution_due__lt=now)
    return late & Q(status__in=CLOCKED_GRIEVANCE_STATUSES)


class GrievanceFilter(ScopeFilterSet):
    """Grievances by status and category, and by the dashboard's filters: a grievance belongs
    to a period from its filing until it is closed."""

    status = django_filters.ChoiceFilter(
        choices=GrievanceStatus.choices, label=_("Status"), empty_label=ALL
    )
    category = django_filters.ChoiceFilter(
        choices=GrievanceCategory.choices, label=_("Category"), empty_label=ALL
    )
    open = YesNoFilter(method="filter_open", label=_("Still open"))
    overdue = YesNoFilter(method="filter_overdue", label=_("Overdue"))
    level = django_filters.ChoiceFilter(
        choices=GrievanceLevel.choices, label=_("Level"), empty_label=ALL
    )
    handled_by_me = YesNoFilter(method="filter_handled_by_me", label=_("Mine to handle"))

    class Meta(ScopeFilterSet.Meta):
        model = Grievance
        fields = ("placement", "assignee")

    def in_region(self, code):
        return Q(placement__job_order__work_region=code)

    def in_sector(self, code):
        return Q(placement__job_order__employer__sector=code)

    def of_employer(self, employer_id):
        return Q(placement__job_order__employer_id=employer_id)

    def of_agency(self, agency_id):
        return Q(placement__agency_id=agency_id)

    def since(self, day):
        return Q(closed_at__isnull=True) | Q(closed_at__gte=day_start(day))

    def until(self, day):
        return Q(created_at__lt=day_start(day + timedelta(days=1)))

    def filter_open(self, queryset, name, value: str):
        still_open = Q(status__in=OPEN_GRIEVANCE_STATUSES)
        return queryset.filter(still_open if value == "true" else ~still_open)

    def filter_overdue(self, queryset, name, value: str):
        late = overdue_at(timezone.now())
        return queryset.filter(late) if value == "true" else queryset.exclude(late)

    def filter_handled_by_me(self, queryset, name, value: str):
        mine = Q(pk__in=grievances_handled_by(self.request.user).values("pk"))
        return queryset.filter(mine) if value == "true" else queryset.exclude(mine)


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
