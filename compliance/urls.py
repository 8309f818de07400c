"""The app's pages; mobility/urls.py includes them at the site root."""

from django.urls import include, path

from compliance import dashboard_views, views_checks
from compliance.page_urls import urlpatterns as evidence_and_findings_pages
from compliance.rulebook_views import urlpatterns as rulebook_urlpatterns

urlpatterns = [
    *evidence_and_findings_pages,
    path("", include((rulebook_urlpatterns, "rulebook"))),
    path("officials/dashboard/", dashboard_views.dashboard_page, name="dashboard"),
    path(
        "officials/dashboard/export/<slug:table>.csv",
        dashboard_views.dashboard_export,
        name="dashboard-export",
    ),
    path(
        "api/v1/dashboard/summary/",
        dashboard_views.dashboard_summary_api,
        name="dashboard-summary",
    ),
    path("officials/checks/", views_checks.check_runs, name="check-runs"),
    path("officials/checks/start/", views_checks.start_sweep, name="check-run-start"),
    path("officials/checks/<int:pk>/progress/", views_checks.progress, name="check-run-progress"),
]
