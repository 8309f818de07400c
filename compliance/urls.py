"""The app's pages; mobility/urls.py includes them at the site root."""

from django.urls import path

from compliance import views_checks
from compliance.page_urls import urlpatterns as evidence_and_findings_pages

urlpatterns = [
    *evidence_and_findings_pages,
    path("officials/checks/", views_checks.check_runs, name="check-runs"),
    path("officials/checks/start/", views_checks.start_sweep, name="check-run-start"),
    path("officials/checks/<int:pk>/progress/", views_checks.progress, name="check-run-progress"),
]
