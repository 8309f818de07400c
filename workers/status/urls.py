from django.urls import path

from workers.status import api, views

urlpatterns = [
    path("status/", views.status_lookup, name="status"),
    # A public endpoint, not a router resource: it has no list and no ids.
    path("api/v1/status/lookup/", api.StatusLookupView.as_view(), name="api-status-lookup"),
]
