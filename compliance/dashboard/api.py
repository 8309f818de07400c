from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from compliance.dashboard.forms import DashboardFilterForm
from compliance.dashboard.selectors import summary
from mobility.permissions import IsOfficial


@extend_schema(
    parameters=[
        OpenApiParameter(name, required=False)
        for name in ("period_from", "period_to", "region", "sector", "employer", "agency")
    ],
    responses=dict,
)
@api_view(["GET"])
@permission_classes([IsOfficial])
def dashboard_summary_api(request):
    """The dashboard's tiles and charts, with the page's filters."""
    form = DashboardFilterForm(request.query_params)
    if not form.is_valid():
        errors = {
            "non_field_errors" if field == "__all__" else field: [e["message"] for e in errs]
            for field, errs in form.errors.get_json_data().items()
        }
        raise ValidationError(errors)
    return Response(summary(request.user, form.filters()))
