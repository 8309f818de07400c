from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from compliance.dashboard.selectors import scope_filters, summary
from mobility.permissions import IsOfficial
from workers.filtersets import SCOPE_FILTERS


@extend_schema(
    parameters=[OpenApiParameter(name, required=False) for name in SCOPE_FILTERS],
    responses=dict,
)
@api_view(["GET"])
@permission_classes([IsOfficial])
def dashboard_summary_api(request):
    """The dashboard's tiles and charts, with the page's filters; `tiles` names each counted
    figure with the link of the list it counts."""
    filters = scope_filters(request)
    if not filters.is_valid():
        raise ValidationError(
            {
                field: [e["message"] for e in errs]
                for field, errs in filters.errors.get_json_data().items()
            }
        )
    return Response(summary(request, filters))
