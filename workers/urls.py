"""The app's pages; mobility/urls.py includes them at the site root."""

from django.urls import path

from workers import import_views, status_api, status_views

urlpatterns = [
    path("status/", status_views.status_lookup, name="status"),
    path("status/grievances/", status_views.grievance_filing, name="status-grievance"),
    path(
        "status/grievances/follow/", status_views.grievance_follow, name="status-grievance-follow"
    ),
    path("agency/imports/", import_views.import_list, name="imports"),
    path("agency/imports/<int:import_id>/", import_views.import_detail, name="import-detail"),
    path(
        "agency/imports/<int:import_id>/progress/",
        import_views.import_progress,
        name="import-progress",
    ),
    # The public API endpoints are plain views, not router resources.
    path("api/v1/status/lookup/", status_api.StatusLookupView.as_view(), name="api-status-lookup"),
    path(
        "api/v1/status/grievances/",
        status_api.GrievanceFilingView.as_view(),
        name="api-status-grievance",
    ),
    path(
        "api/v1/status/grievances/lookup/",
        status_api.GrievanceLookupView.as_view(),
        name="api-status-grievance-lookup",
    ),
]
