from django.urls import path

from compliance.wage_answers import api, views

urlpatterns = [
    path("status/wages/", views.wage_answer, name="status-wage-answer"),
    # Public endpoints, not router resources: they have no list and no ids.
    path("api/v1/status/wages/", api.WageMonthsView.as_view(), name="api-status-wages"),
    path(
        "api/v1/status/wages/answer/",
        api.WageAnswerView.as_view(),
        name="api-status-wage-answer",
    ),
]
