from django.urls import path

from compliance.dashboard import api, views

urlpatterns = [
    path("officials/dashboard/", views.dashboard_page, name="dashboard"),
    path(
        "api/v1/dashboard/summary/",
        api.dashboard_summary_api,
        name="dashboard-summary",
    ),
]
