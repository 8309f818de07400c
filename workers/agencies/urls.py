from django.urls import path

from workers.agencies import views

urlpatterns = [
    path("agencies/", views.agency_list, name="agency-list"),
    path("agencies/new/", views.agency_new, name="agency-new"),
    path("agencies/<int:pk>/", views.agency_page, name="agency-page"),
    path("agencies/<int:pk>/decide/", views.agency_decide, name="agency-decide"),
]
