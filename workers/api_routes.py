"""The app's API resources; mobility/urls.py registers them under /api/v1/."""

from workers.agencies.api import AgencyViewSet
from workers.documents.api import DocumentViewSet
from workers.imports.api import ImportViewSet
from workers.placements.api import PlacementViewSet
from workers.registry.api import WorkerViewSet

routes = [
    ("agencies", AgencyViewSet, "agency"),
    ("workers", WorkerViewSet, "worker"),
    ("placements", PlacementViewSet, "placement"),
    ("documents", DocumentViewSet, "document"),
    ("imports", ImportViewSet, "import"),
]
