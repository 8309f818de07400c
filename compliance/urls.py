"""The app's pages; mobility/urls.py includes them at the site root."""

from django.urls import include, path

from compliance import dashboard_views
from compliance.rulebook_views import urlpatterns as rulebook_urlpatterns

urlpatterns = [
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
]
