"""The app's API resources; mobility/urls.py registers them under /api/v1/."""

from compliance.checks.api import CheckRunViewSet
from compliance.entitlements.api import EntitlementViewSet
from compliance.evidence.api import InsuranceCoverViewSet, SafetyRecordViewSet, WageReportViewSet
from compliance.findings.api import FindingViewSet
from compliance.grievances.api import GrievanceViewSet
from compliance.personal_data.api import PersonalDataRequestViewSet, WorkerPersonalDataViewSet
from compliance.reports.api import ReportViewSet
from compliance.rulebook.api import MinimumWageViewSet, RuleViewSet
from compliance.watchlist.api import WatchlistViewSet

routes = [
    ("rules", RuleViewSet, "rule"),
    ("minimum-wages", MinimumWageViewSet, "minimum-wage"),
    ("wage-reports", WageReportViewSet, "wage-report"),
    ("safety-records", SafetyRecordViewSet, "safety-record"),
    ("insurance-covers", InsuranceCoverViewSet, "insurance-cover"),
    ("findings", FindingViewSet, "finding"),
    ("entitlements", EntitlementViewSet, "entitlement"),
    ("grievances", GrievanceViewSet, "grievance"),
    ("watchlist", WatchlistViewSet, "watchlist"),
    ("check-runs", CheckRunViewSet, "check-run"),
    # Actions on a worker (`workers/{id}/data-export/`, `workers/{id}/erase/`) beside the
    # workers app's own routes, since they read every app.
    (r"workers/(?P<id>[0-9]+)", WorkerPersonalDataViewSet, "worker-personal-data"),
    ("personal-data-requests", PersonalDataRequestViewSet, "personal-data-request"),
    ("reports", ReportViewSet, "report"),
]
