"""The app's API resources; mobility/urls.py registers them under /api/v1/."""

from workers.api import AgencyViewSet, WorkerViewSet
from workers.api_cases import DocumentViewSet, PlacementViewSet
from workers.import_api import ImportViewSet

routes = [
    ("agencies", AgencyViewSet, "agency"),
    ("workers", WorkerViewSet, "worker"),
    ("placements", PlacementViewSet, "placement"),
    ("documents", DocumentViewSet, "document"),
    ("imports", ImportViewSet, "import"),
]
