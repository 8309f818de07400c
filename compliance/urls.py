"""The app's pages; mobility/urls.py includes them at the site root."""

from django.urls import include, path

from compliance.rulebook_views import urlpatterns as rulebook_urlpatterns

urlpatterns = [
    path("", include((rulebook_urlpatterns, "rulebook"))),
]
