from django.urls import path

from compliance.statistics import views

urlpatterns = [
    path("statistics/", views.statistics_page, name="public-statistics"),
]
