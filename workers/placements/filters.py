from datetime import timedelta

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy

from mobility.filtering import IdFilter
from workers.filtersets import ALL, ScopeFilterSet, day_start
from workers.models import Placement, PlacementStatus


class PlacementFilter(ScopeFilterSet):
    """The officials' case list. A case belongs to the period while it runs: from its opening
    until its end date (still running when it has none)."""

    reference = django_filters.CharFilter(
        label=gettext_lazy("Reference"), field_name="reference", lookup_expr="iexact"
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=PlacementStatus.choices, empty_label=ALL
    )

    class Meta(ScopeFilterSet.Meta):
        model = Placement
        fields = ()

    def in_region(self, code):
        return Q(job_order__work_region=code)

    def in_sector(self, code):
        return Q(job_order__employer__sector=code)

    def of_employer(self, employer_id):
        return Q(job_order__employer_id=employer_id)

    def of_agency(self, agency_id):
        return Q(agency_id=agency_id)

    def since(self, day):
        return Q(end_date__isnull=True) | Q(end_date__gte=day)

    def until(self, day):
        return Q(created_at__lt=day_start(day + timedelta(days=1)))


class PlacementApiFilter(PlacementFilter):
    """`GET /api/v1/placements/`: the officials' list's filters, so a page's filters (and the
    dashboard's links) mean the same in the API and in its exports, plus the API's own. The
    agency is a plain id there: an agency outside the caller's scope lists nothing, as any id
    the caller cannot see does (mobility.filtering.StrictFilterBackend)."""

    agency = IdFilter(field_name="agency")

    class Meta(PlacementFilter.Meta):
        fields = {
            "status": ["exact", "in"],
            "worker": ["exact"],
            "job_order": ["exact"],
            "job_order__employer": ["exact"],
            "job_order__work_region": ["exact"],
            "created_at": ["gte", "lte"],
        }
