from django.urls import path

from compliance.findings import views

urlpatterns = [
    path("officials/findings/", views.queue, name="findings-queue"),
    path(
        "officials/findings/acknowledge/",
        views.bulk_acknowledge,
        name="findings-acknowledge",
    ),
    path("findings/<int:pk>/", views.detail, name="finding"),
    path("employer/findings/", views.employer_findings, name="own-findings-employer"),
    path("agency/findings/", views.agency_findings, name="own-findings-agency"),
]
