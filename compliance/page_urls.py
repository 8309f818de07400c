"""Pages for evidence, findings, grievances and the watchlist (included by compliance/urls.py)."""

from django.urls import path

from compliance import views_evidence, views_findings, views_grievances, views_watchlist

urlpatterns = [
    path("officials/findings/", views_findings.queue, name="findings-queue"),
    path("officials/findings/export.csv", views_findings.export, name="findings-export"),
    path(
        "officials/findings/acknowledge/",
        views_findings.bulk_acknowledge,
        name="findings-acknowledge",
    ),
    path("findings/<int:pk>/", views_findings.detail, name="finding"),
    path("employer/findings/", views_findings.employer_findings, name="own-findings-employer"),
    path("agency/findings/", views_findings.agency_findings, name="own-findings-agency"),
    path("officials/watchlist/", views_watchlist.watchlist, name="watchlist"),
    path(
        "officials/watchlist/<int:pk>/remove/",
        views_watchlist.remove,
        name="watchlist-remove",
    ),
    path("officials/grievances/", views_grievances.queue, name="grievances-queue"),
    path("officials/grievances/<int:pk>/", views_grievances.detail, name="grievance"),
    path(
        "employer/grievances/",
        views_grievances.employer_grievances,
        name="employer-grievances",
    ),
    path("employer/evidence/", views_evidence.overview, name="evidence-overview"),
    path("employer/evidence/upload/", views_evidence.upload, name="evidence-upload"),
    path("employer/evidence/<int:pk>/", views_evidence.case, name="evidence-case"),
    path(
        "employer/evidence/<int:pk>/wages/<str:month>/",
        views_evidence.wage_form,
        name="evidence-wage",
    ),
    path("employer/evidence/<int:pk>/safety/", views_evidence.safety_form, name="evidence-safety"),
    path(
        "employer/evidence/<int:pk>/insurance/",
        views_evidence.insurance_form,
        name="evidence-insurance",
    ),
]
