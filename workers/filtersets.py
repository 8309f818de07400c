"""The filters the officials' dashboard shares with every list its figures open.

A dashboard figure counts the rows of a list (cases, findings, grievances) and links to that
list with the same parameters. Each list's FilterSet inherits `ScopeFilterSet`, so the
period, region, sector, employer and agency filters have one name, one set of choices and
one meaning everywhere; the list says only how its rows belong to each (`in_region`,
`since`, ...), and the dashboard counts with that very FilterSet. A figure and the length of
the list behind its link are then the same query.
"""

import zoneinfo
from datetime import date, datetime, time

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from employers.models import Sector
from employers.sponsorship.selectors import employers_visible_to
from mobility.access import actor_for
from mobility.regions import russian_regions
from mobility.web import DatePicker, PlainErrors, SearchableSelect
from workers.agencies.selectors import agencies_visible_to

# The dashboard's filters, in the order its form shows them; every list behind a figure
# takes them under these names.
SCOPE_FILTERS = ("region", "sector", "employer", "agency", "period_from", "period_to")

ALL = _("All")
YES_NO = (("true", _("Yes")), ("false", _("No")))


class ScopeForm(PlainErrors, forms.Form):
    def clean(self):
        data = super().clean()
        start, end = data.get("period_from"), data.get("period_to")
        if start and end and start > end:
            self.add_error("period_to", _("The period must end on or after the day it starts."))
        return data


class YesNoFilter(django_filters.ChoiceFilter):
    """A yes/no filter spelled `true` or `false`; any other value (`1`) is a field error,
    never a filter silently dropped while the reader believes the list is narrowed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, choices=YES_NO, empty_label=ALL, **kwargs)


def day_start(day: date) -> datetime:
    """Midnight starting `day` in the pact's time zone: a period holds the same rows for every
    reader, whichever zone their pages show times in (and an API call, authenticated after
    the middleware chose the zone, the same as the page)."""
    return datetime.combine(day, time.min, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))


# Without a request (the API schema's generator) nobody is in scope.
def _employers(request) -> QuerySet:
    user = getattr(request, "user", None)
    return employers_visible_to(user).order_by("legal_name")


def _agencies(request) -> QuerySet:
    user = getattr(request, "user", None)
    return agencies_visible_to(user).order_by("name")


@extend_schema_field(OpenApiTypes.INT)
class RowChoiceFilter(django_filters.ModelChoiceFilter):
    """An employer or an agency picked by name on a page; its id on the API."""


class ScopeFilterSet(django_filters.FilterSet):
    """The dashboard's filters; a subclass says how its rows belong to each of them."""

    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=russian_regions, method="filter_region", empty_label=ALL
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Sector.choices, method="filter_sector", empty_label=ALL
    )
    employer = RowChoiceFilter(
        label=_("Employer"),
        queryset=_employers,
        method="filter_employer",
        empty_label=ALL,
        widget=SearchableSelect,
    )
    agency = RowChoiceFilter(
        label=_("Agency"),
        queryset=_agencies,
        method="filter_agency",
        empty_label=ALL,
        widget=SearchableSelect,
    )
    period_from = django_filters.DateFilter(
        label=_("From"), method="filter_since", widget=DatePicker
    )
    period_to = django_filters.DateFilter(label=_("To"), method="filter_until", widget=DatePicker)

    class Meta:
        form = ScopeForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        actor = actor_for(self.request.user) if self.request is not None else None
        if actor is not None and actor.is_region_limited:
            # Offered only what they may open: another region would show an empty dashboard.
            self.filters["region"].extra.update(
                choices=[(c, name) for c, name in russian_regions() if c in actor.regions],
                empty_label=_("All your regions"),
            )

    # How a row belongs to a region, a sector, an employer, an agency, and to a period: it
    # is still running on or after `since`'s day and had begun by `until`'s (by the pact's
    # calendar: `day_start`).
    def in_region(self, code: str) -> Q:
        raise NotImplementedError

    def in_sector(self, code: str) -> Q:
        raise NotImplementedError

    def of_employer(self, employer_id: int) -> Q:
        raise NotImplementedError

    def of_agency(self, agency_id: int) -> Q:
        raise NotImplementedError

    def since(self, day) -> Q:
        raise NotImplementedError

    def until(self, day) -> Q:
        raise NotImplementedError

    def filter_region(self, queryset, name, value: str):
        return queryset.filter(self.in_region(value))

    def filter_sector(self, queryset, name, value: str):
        return queryset.filter(self.in_sector(value))

    def filter_employer(self, queryset, name, value):
        return queryset.filter(self.of_employer(value.pk))

    def filter_agency(self, queryset, name, value):
        return queryset.filter(self.of_agency(value.pk))

    def filter_since(self, queryset, name, value: date):
        return queryset.filter(self.since(value))

    def filter_until(self, queryset, name, value: date):
        return queryset.filter(self.until(value))

    def scope(self) -> dict[str, str]:
        """The valid scope filters as query parameters, for the links of the figures."""
        cleaned = self.form.cleaned_data
        return {
            name: str(getattr(cleaned[name], "pk", cleaned[name]))
            for name in SCOPE_FILTERS
            if cleaned.get(name) not in (None, "")
        }


def rows_of(filterset: django_filters.FilterSet) -> QuerySet:
    """The filtered rows; none while a filter is refused, never the unfiltered list."""
    if filterset.is_bound and not filterset.is_valid():
        return filterset.queryset.none()
    return filterset.qs
