from django.urls import path

from compliance.personal_data import views

urlpatterns = [
    path(
        "officials/workers/<int:pk>/personal-data/",
        views.personal_data,
        name="worker-personal-data",
    ),
    path(
        "officials/workers/<int:pk>/personal-data/section/",
        views.personal_data_section,
        name="worker-personal-data-section",
    ),
    path(
        "officials/workers/<int:pk>/personal-data/export/",
        views.export,
        name="worker-personal-data-export",
    ),
    path(
        "officials/workers/<int:pk>/personal-data/erase/",
        views.erase,
        name="worker-personal-data-erase",
    ),
    path(
        "officials/personal-data/<int:request_id>/download/",
        views.download,
        name="personal-data-download",
    ),
]
