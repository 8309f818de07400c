from django.urls import path

from workers.registry import views

urlpatterns = [
    path("agency/", views.workspace, name="agency-workspace"),
    path("agency/workers/new/", views.worker_new, name="worker-new"),
    path("agency/workers/<int:pk>/", views.worker_page, name="worker-page"),
    path("agency/workers/<int:pk>/edit/", views.worker_edit, name="worker-edit"),
    path("agency/workers/<int:pk>/cases/", views.worker_open_placement, name="worker-open-case"),
]
