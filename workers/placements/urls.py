from django.urls import path

from workers.placements import views

urlpatterns = [
    path("cases/<int:pk>/", views.placement_page, name="case-page"),
    path("cases/<int:pk>/move/<slug:to>/", views.placement_move, name="case-move"),
    path("cases/<int:pk>/facts/", views.placement_facts, name="case-facts"),
    path("officials/cases/", views.official_placements, name="official-cases"),
]
