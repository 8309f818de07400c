from datetime import timedelta

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from compliance.findings.selectors import in_region, in_sector, of_agency, of_employer
from compliance.models import OPEN_FINDING_STATUSES, Finding, FindingStatus
from compliance.rulebook.models import Category, Rule, Severity
from workers.filtersets import ALL, ScopeFilterSet, YesNoFilter, day_start


class FindingFilter(ScopeFilterSet):
    """Findings by rule, severity and status, and by the dashboard's filters: a finding
    belongs to a period from its first detection to its last."""

    rule = django_filters.CharFilter(field_name="rule__code", label=_("Rule"))
    category = django_filters.ChoiceFilter(
        field_name="rule__category", choices=Category.choices, label=_("Category"), empty_label=ALL
    )
    severity = django_filters.ChoiceFilter(
        choices=Severity.choices, label=_("Severity"), empty_label=ALL
    )
    status = django_filters.ChoiceFilter(
        choices=FindingStatus.choices, label=_("Status"), empty_label=ALL
    )
    open = YesNoFilter(method="filter_open", label=_("Still open"))
    period = django_filters.CharFilter(label=_("Period"))
    due_before = django_filters.IsoDateTimeFilter(field_name="due_at", lookup_expr="lt")
    due_after = django_filters.IsoDateTimeFilter(field_name="due_at", lookup_expr="gte")
    detected_after = django_filters.IsoDateTimeFilter(
        field_name="last_detected_at", lookup_expr="gte"
    )
    detected_before = django_filters.IsoDateTimeFilter(
        field_name="first_detected_at", lookup_expr="lt"
    )

    class Meta(ScopeFilterSet.Meta):
        model = Finding
        fields = ("placement", "worker", "closed_by")

    def in_region(self, code):
        return in_region(code)

    def in_sector(self, code):
        return in_sector(code)

    def of_employer(self, employer_id):
        return of_employer(employer_id)

    def of_agency(self, agency_id):
        return of_agency(agency_id)

    def since(self, day):
        return Q(last_detected_at__gte=day_start(day))

    def until(self, day):
        return Q(first_detected_at__lt=day_start(day + timedelta(days=1)))

    def filter_open(self, queryset, name, value: str):
        still_open = Q(status__in=OPEN_FINDING_STATUSES)
        return queryset.filter(still_open if value == "true" else ~still_open)


def _rule_choices():
    return sorted(
        ((rule.code, rule.title_in_words) for rule in Rule.objects.all()), key=lambda c: c[1]
    )


class FindingQueueFilter(FindingFilter):
    """The page's filters: the rules to pick from a list."""

    rule = django_filters.ChoiceFilter(
        field_name="rule__code", choices=_rule_choices, label=_("Rule"), empty_label=ALL
    )

    class Meta(FindingFilter.Meta):
        fields = ()


class OwnFindingFilter(FindingFilter):
    class Meta(FindingFilter.Meta):
        fields = ()
