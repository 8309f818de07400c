from django.urls import path

from employers.sponsorship import views

urlpatterns = [
    path("employer/", views.workspace, name="workspace"),
    path("employer/contact/", views.contact_edit, name="contact"),
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
