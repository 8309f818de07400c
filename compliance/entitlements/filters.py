import django_filters
from django.utils.translation import gettext_lazy as _

from compliance.entitlements.models import Entitlement, EntitlementKind, EntitlementStatus, OwedBy
from workers.filtersets import ALL


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
