"""The app's pages, one list per topic package; mobility/urls.py includes them at the root."""

from workers.agencies.urls import urlpatterns as agencies
from workers.documents.urls import urlpatterns as documents
from workers.imports.urls import urlpatterns as imports
from workers.inbox.urls import urlpatterns as inbox
from workers.placements.urls import urlpatterns as placements
from workers.registry.urls import urlpatterns as registry
from workers.status.urls import urlpatterns as status

urlpatterns = [*status, *registry, *placements, *documents, *agencies, *imports, *inbox]
