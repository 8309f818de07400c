from django.urls import path

from compliance.grievances import api, views

urlpatterns = [
    # The worker's own pages and endpoints, without an account.
    path("status/grievances/", views.grievance_filing, name="status-grievance"),
    path("status/grievances/follow/", views.grievance_follow, name="status-grievance-follow"),
    path("status/grievances/answer/", views.grievance_answer, name="status-grievance-answer"),
    path(
        "api/v1/status/grievances/",
        api.GrievanceFilingView.as_view(),
        name="api-status-grievance",
    ),
    path(
        "api/v1/status/grievances/lookup/",
        api.GrievanceLookupView.as_view(),
        name="api-status-grievance-lookup",
    ),
    path(
        "api/v1/status/grievances/answer/",
        api.GrievanceAnswerView.as_view(),
        name="api-status-grievance-answer",
    ),
    # Officials' and employers' handling.
    path("officials/grievances/", views.queue, name="grievances-queue"),
    path("officials/grievances/<int:pk>/", views.detail, name="grievance"),
    path("employer/grievances/", views.employer_grievances, name="employer-grievances"),
]
