from django.urls import path

from compliance.inbox import views

urlpatterns = [
    path("officials/", views.officials_workspace, name="officials-workspace"),
    path("employer/wages/due/", views.wages_due, name="inbox-wages-due"),
]
