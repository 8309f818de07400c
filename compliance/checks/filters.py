from django_filters import rest_framework as filters

from compliance.models import CheckRun
from workers.placements.selectors import placements_visible_to


class CheckRunFilter(filters.FilterSet):
    # A case outside the caller's scope is refused like one that does not exist.
    placement = filters.ModelChoiceFilter(
        queryset=lambda request: placements_visible_to(request.user)
    )

    class Meta:
        model = CheckRun
        fields = ["status", "trigger", "scope", "placement"]
