from django.urls import path

from compliance.evidence import views

urlpatterns = [
    path("employer/evidence/", views.overview, name="evidence-overview"),
    path("employer/evidence/upload/", views.upload, name="evidence-upload"),
    path("employer/evidence/<int:pk>/", views.placement_evidence, name="evidence-case"),
    path(
        "employer/evidence/<int:pk>/wages/<str:month>/",
        views.wage_form,
        name="evidence-wage",
    ),
    path("employer/evidence/<int:pk>/safety/", views.safety_form, name="evidence-safety"),
    path(
        "employer/evidence/<int:pk>/insurance/",
        views.insurance_form,
        name="evidence-insurance",
    ),
]
