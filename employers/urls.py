"""The app's pages; mobility/urls.py includes them at the site root."""

urlpatterns = []
