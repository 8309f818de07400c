import django_filters
from django.utils.translation import gettext_lazy

from mobility.regions import russian_regions
from workers.models import Placement, PlacementStatus


class PlacementFilter(django_filters.FilterSet):
    reference = django_filters.CharFilter(
        label=gettext_lazy("Reference"), field_name="reference", lookup_expr="iexact"
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=PlacementStatus.choices
    )
    region = django_filters.ChoiceFilter(
        label=gettext_lazy("Work region"),
        field_name="job_order__work_region",
        choices=russian_regions,
    )
    employer = django_filters.CharFilter(
        label=gettext_lazy("Employer"),
        field_name="job_order__employer__legal_name",
        lookup_expr="icontains",
    )
    agency = django_filters.CharFilter(
        label=gettext_lazy("Agency"), field_name="agency__name", lookup_expr="icontains"
    )

    class Meta:
        model = Placement
        fields = ()
