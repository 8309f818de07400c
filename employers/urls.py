"""The app's pages; mobility/urls.py includes them at the site root."""

from django.urls import path

from employers import views

app_name = "employers"

urlpatterns = [
    path("employer/", views.workspace, name="workspace"),
    path("employer/contact/", views.contact_edit, name="contact"),
    path("employer/job-orders/new/", views.job_order_create, name="job-order-create"),
    path("employer/job-orders/<int:pk>/", views.job_order_detail, name="job-order"),
    path("employer/job-orders/<int:pk>/edit/", views.job_order_edit, name="job-order-edit"),
    path(
        "employer/job-orders/<int:pk>/<str:move>/",
        views.job_order_move,
        name="job-order-move",
    ),
    path("officials/employers/", views.official_employer_list, name="official-employers"),
    path(
        "officials/employers/new/",
        views.official_employer_register,
        name="official-employer-register",
    ),
    path(
        "officials/employers/<int:pk>/",
        views.official_employer_detail,
        name="official-employer",
    ),
    path(
        "officials/employers/<int:pk>/decide/",
        views.official_employer_decide,
        name="official-employer-decide",
    ),
]
