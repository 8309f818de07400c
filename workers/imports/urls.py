from django.urls import path

from workers.imports import views

urlpatterns = [
    path("agency/imports/", views.import_list, name="imports"),
    path("agency/imports/<int:import_id>/", views.import_detail, name="import-detail"),
    path(
        "agency/imports/<int:import_id>/progress/",
        views.import_progress,
        name="import-progress",
    ),
]
