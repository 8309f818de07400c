from django.urls import path

from employers.job_orders import views

urlpatterns = [
    path("employer/job-orders/new/", views.job_order_create, name="job-order-create"),
    path("employer/job-orders/<int:pk>/", views.job_order_detail, name="job-order"),
    path("employer/job-orders/<int:pk>/edit/", views.job_order_edit, name="job-order-edit"),
    path(
        "employer/job-orders/<int:pk>/<str:move>/",
        views.job_order_move,
        name="job-order-move",
    ),
]
