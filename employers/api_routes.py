"""The app's API resources; mobility/urls.py registers them under /api/v1/."""

from employers.job_orders.api import JobOrderViewSet
from employers.sponsorship.api import EmployerViewSet

routes = [
    ("employers", EmployerViewSet, "employer"),
    ("job-orders", JobOrderViewSet, "job-order"),
]
