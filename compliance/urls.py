"""The app's pages; mobility/urls.py includes them at the site root."""

from compliance.page_urls import urlpatterns as evidence_and_findings_pages

urlpatterns = [*evidence_and_findings_pages]
