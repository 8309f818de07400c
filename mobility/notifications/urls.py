from django.urls import path

from mobility.notifications import views

urlpatterns = [path("profile/", views.profile, name="profile")]
