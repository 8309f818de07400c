"""The app's API resources; mobility/urls.py registers them under /api/v1/."""

from workers.api import AgencyViewSet

routes = [
    ("agencies", AgencyViewSet, "agency"),
]
