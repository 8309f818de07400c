"""The app's pages; mobility/urls.py includes them at the site root."""

from django.urls import path

from workers import import_views, status_api, status_views, views, views_cases

urlpatterns = [
    path("status/", status_views.status_lookup, name="status"),
    path("status/grievances/", status_views.grievance_filing, name="status-grievance"),
    path(
        "status/grievances/follow/", status_views.grievance_follow, name="status-grievance-follow"
    ),
    path("agency/", views.workspace, name="agency-workspace"),
    path("agency/workers/new/", views.worker_new, name="worker-new"),
    path("agency/workers/<int:pk>/", views.worker_page, name="worker-page"),
    path("agency/workers/<int:pk>/edit/", views.worker_edit, name="worker-edit"),
    path("agency/workers/<int:pk>/documents/", views.worker_upload, name="worker-upload"),
    path("agency/workers/<int:pk>/cases/", views.worker_open_case, name="worker-open-case"),
    path("cases/<int:pk>/", views_cases.case_page, name="case-page"),
    path("cases/<int:pk>/move/<slug:to>/", views_cases.case_move, name="case-move"),
    path("cases/<int:pk>/facts/", views_cases.case_facts, name="case-facts"),
    path("cases/<int:pk>/documents/", views_cases.case_upload, name="case-upload"),
    path("documents/<int:pk>/verify/", views_cases.document_verify, name="document-verify"),
    path("officials/cases/", views_cases.official_cases, name="official-cases"),
    path("agencies/", views_cases.agency_list, name="agency-list"),
    path("agencies/new/", views_cases.agency_new, name="agency-new"),
    path("agencies/<int:pk>/", views_cases.agency_page, name="agency-page"),
    path("agencies/<int:pk>/decide/", views_cases.agency_decide, name="agency-decide"),
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
