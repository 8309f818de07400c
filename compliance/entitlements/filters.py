import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from compliance.entitlements.models import (
    ACCEPTED_ANSWERS,
    Currency,
    Entitlement,
    EntitlementKind,
    EntitlementStatus,
    OwedBy,
    Payment,
)
from workers.filtersets import ALL, ScopeFilterSet, YesNoFilter


class EntitlementFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=EntitlementKind.choices, label=_("Kind"), empty_label=ALL
    )
    status = django_filters.ChoiceFilter(
        choices=EntitlementStatus.choices, label=_("Status"), empty_label=ALL
    )
    owed_by = django_filters.ChoiceFilter(
        choices=OwedBy.choices, label=_("Owed by"), empty_label=ALL
    )

    class Meta:
        model = Entitlement
        fields = ("placement",)


class PaymentFilter(ScopeFilterSet):
    """Payments by currency and by whether they count (`accepted`), and by the dashboard's
    filters through the case of the entitlement they pay: a payment belongs to a period by
    the day it was paid."""

    currency = django_filters.ChoiceFilter(
        field_name="entitlement__currency",
        choices=Currency.choices,
        label=_("Currency"),
        empty_label=ALL,
    )
    accepted = YesNoFilter(method="filter_accepted", label=_("Counted as paid"))
    owed_by = django_filters.ChoiceFilter(
        field_name="entitlement__owed_by",
        choices=OwedBy.choices,
        label=_("Owed by"),
        empty_label=ALL,
    )

    class Meta(ScopeFilterSet.Meta):
        model = Payment
        fields = ()

    def in_region(self, code):
        return Q(entitlement__placement__job_order__work_region=code)

    def in_sector(self, code):
        return Q(entitlement__placement__job_order__employer__sector=code)

    def of_employer(self, employer_id):
        return Q(entitlement__placement__job_order__employer_id=employer_id)

    def of_agency(self, agency_id):
        return Q(entitlement__placement__agency_id=agency_id)

    def since(self, day):
        return Q(paid_on__gte=day)

    def until(self, day):
        return Q(paid_on__lte=day)

    def filter_accepted(self, queryset, name, value: str):
        counted = Q(answer__in=ACCEPTED_ANSWERS)
        return queryset.filter(counted if value == "true" else ~counted)
