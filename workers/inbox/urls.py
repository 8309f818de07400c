from django.urls import path

from workers.inbox import views

urlpatterns = [
    path("employer/candidates/", views.candidates, name="inbox-candidates"),
    path("employer/candidates/decide/", views.decide, name="inbox-decide"),
    path("employer/contracts/", views.contracts, name="inbox-contracts"),
    path("employer/arrivals/", views.arrivals, name="inbox-arrivals"),
    path("agency/drafts/unmet/", views.unmet, name="inbox-unmet"),
    path("agency/documents/rejected/", views.documents_rejected, name="inbox-rejected-documents"),
]
