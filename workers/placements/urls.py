from django.urls import path

from workers.placements import views

urlpatterns = [
    path("cases/<int:pk>/", views.case_page, name="case-page"),
    path("cases/<int:pk>/move/<slug:to>/", views.case_move, name="case-move"),
    path("cases/<int:pk>/facts/", views.case_facts, name="case-facts"),
    path("officials/cases/", views.official_cases, name="official-cases"),
]
