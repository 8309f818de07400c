"""The app's API resources; mobility/urls.py registers them under /api/v1/."""

from employers.api import EmployerViewSet, JobOrderViewSet

routes = [
    ("employers", EmployerViewSet, "employer"),
    ("job-orders", JobOrderViewSet, "job-order"),
]
