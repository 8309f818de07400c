from django.urls import path

from workers.documents import views

urlpatterns = [
    path("agency/workers/<int:pk>/documents/", views.worker_upload, name="worker-upload"),
    path("cases/<int:pk>/documents/", views.placement_upload, name="case-upload"),
    path("documents/<int:pk>/verify/", views.document_verify, name="document-verify"),
]
