from django_filters import rest_framework as filters

from compliance.models import CheckRun


class CheckRunFilter(filters.FilterSet):
    class Meta:
        model = CheckRun
        fields = ["status", "trigger", "scope", "placement"]
