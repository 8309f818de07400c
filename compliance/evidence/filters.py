import django_filters

from compliance.models import InsuranceCover, SafetyRecord, WageReport


class WageReportFilter(django_filters.FilterSet):
    month = django_filters.CharFilter(method="filter_month")

    class Meta:
        model = WageReport
        fields = ("placement",)

    def filter_month(self, queryset, name, value: str):
        year, _sep, month = value.partition("-")
        if not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
            return queryset.none()
        return queryset.filter(month__year=int(year), month__month=int(month))


class SafetyRecordFilter(django_filters.FilterSet):
    class Meta:
        model = SafetyRecord
        fields = ("placement", "kind", "severity")


class InsuranceCoverFilter(django_filters.FilterSet):
    class Meta:
        model = InsuranceCover
        fields = ("placement", "kind")
