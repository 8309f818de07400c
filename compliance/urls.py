"""The app's pages, one list per topic package; mobility/urls.py includes them at the root."""

from django.urls import include, path

from compliance.checks.urls import urlpatterns as checks
from compliance.dashboard.urls import urlpatterns as dashboard
from compliance.entitlements.urls import urlpatterns as entitlements
from compliance.evidence.urls import urlpatterns as evidence
from compliance.findings.urls import urlpatterns as findings
from compliance.grievances.urls import urlpatterns as grievances
from compliance.inbox.urls import urlpatterns as inbox
from compliance.personal_data.urls import urlpatterns as personal_data
from compliance.reports.urls import urlpatterns as reports
from compliance.rulebook.urls import urlpatterns as rulebook
from compliance.statistics.urls import urlpatterns as statistics
from compliance.wage_answers.urls import urlpatterns as wage_answers
from compliance.watchlist.urls import urlpatterns as watchlist

urlpatterns = [
    *findings,
    *entitlements,
    *watchlist,
    *grievances,
    *evidence,
    path("", include((rulebook, "rulebook"))),
    *dashboard,
    *checks,
    *personal_data,
    *inbox,
    *statistics,
    *reports,
    *wage_answers,
]
