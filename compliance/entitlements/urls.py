from django.urls import path

from compliance.entitlements import api, views

urlpatterns = [
    # The worker's own, without an account.
    path("status/entitlements/answer/", views.worker_answer, name="status-entitlement-answer"),
    path(
        "api/v1/status/entitlements/",
        api.WorkerLedgerView.as_view(),
        name="api-status-entitlements",
    ),
    path(
        "api/v1/status/entitlements/answer/",
        api.WorkerPaymentAnswerView.as_view(),
        name="api-status-entitlement-answer",
    ),
    # Staff: one entitlement with its payments and arithmetic.
    path("entitlements/<int:pk>/", views.detail, name="entitlement"),
]
