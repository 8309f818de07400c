import django_filters
from django.db.models import Exists, OuterRef

from workers.models import Placement, PlacementStatus, Worker


class WorkerFilter(django_filters.FilterSet):
    case_status = django_filters.ChoiceFilter(
        choices=PlacementStatus.choices,
        method="filter_placement_status",
        label="Has a case in status",
    )

    class Meta:
        model = Worker
        fields = ("agency", "state_of_origin", "occupation", "preferred_language", "sex")

    def filter_placement_status(self, queryset, name, value):
        cases = Placement.objects.filter(worker_id=OuterRef("pk"), status=value)
        return queryset.filter(Exists(cases))
