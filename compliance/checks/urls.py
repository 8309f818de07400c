from django.urls import path

from compliance.checks import views

urlpatterns = [
    path("officials/checks/", views.check_runs, name="check-runs"),
    path("officials/checks/start/", views.start_sweep, name="check-run-start"),
    path("officials/checks/<int:pk>/progress/", views.progress, name="check-run-progress"),
]
