import django_filters
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from compliance.findings.selectors import in_region, in_sector, of_agency, of_employer
from compliance.models import (
    Finding,
    FindingStatus,
)
from compliance.rulebook.models import Category, Rule, Severity
from employers.models import Sector
from employers.sponsorship.selectors import employers_visible_to
from mobility.regions import russian_regions
from workers.agencies.selectors import agencies_visible_to


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

    def filter_region(self, queryset, name, value: str):
        return queryset.filter(in_region(value))

    def filter_sector(self, queryset, name, value: str):
        return queryset.filter(in_sector(value))

    def filter_employer(self, queryset, name, value: int):
        return queryset.filter(of_employer(value))

    def filter_agency(self, queryset, name, value: int):
        return queryset.filter(of_agency(value))


def _rule_choices():
    return [
        (code, f"{code} — {title}") for code, title in Rule.objects.values_list("code", "title")
    ]


class FindingQueueFilter(FindingFilter):
    """The API's filters with lists to pick from instead of ids and codes."""

    rule = django_filters.ChoiceFilter(
        field_name="rule__code", choices=_rule_choices, label=gettext_lazy("Rule")
    )
    employer = django_filters.ModelChoiceFilter(
        queryset=lambda request: employers_visible_to(request.user),
        method="filter_employer",
        label=gettext_lazy("Employer"),
    )
    agency = django_filters.ModelChoiceFilter(
        queryset=lambda request: agencies_visible_to(request.user),
        method="filter_agency",
        label=gettext_lazy("Agency"),
    )

    class Meta(FindingFilter.Meta):
        fields = ()

    def filter_employer(self, queryset, name, value):
        return super().filter_employer(queryset, name, value.pk)

    def filter_agency(self, queryset, name, value):
        return super().filter_agency(queryset, name, value.pk)


class OwnFindingFilter(FindingFilter):
    class Meta(FindingFilter.Meta):
        fields = ()
