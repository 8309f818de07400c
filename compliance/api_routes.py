"""The app's API resources; mobility/urls.py registers them under /api/v1/."""

from compliance.api import (
    FindingViewSet,
    InsuranceCoverViewSet,
    SafetyRecordViewSet,
    WageReportViewSet,
    WatchlistViewSet,
)
from compliance.check_run_api import CheckRunViewSet
from compliance.grievance_api import GrievanceViewSet
from compliance.rulebook_api import MinimumWageViewSet, RuleViewSet

routes = [
    ("rules", RuleViewSet, "rule"),
    ("minimum-wages", MinimumWageViewSet, "minimum-wage"),
    ("wage-reports", WageReportViewSet, "wage-report"),
    ("safety-records", SafetyRecordViewSet, "safety-record"),
    ("insurance-covers", InsuranceCoverViewSet, "insurance-cover"),
    ("findings", FindingViewSet, "finding"),
    ("grievances", GrievanceViewSet, "grievance"),
    ("watchlist", WatchlistViewSet, "watchlist"),
    ("check-runs", CheckRunViewSet, "check-run"),
]
