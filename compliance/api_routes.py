"""The app's API resources; mobility/urls.py registers them under /api/v1/."""

from compliance.rulebook_api import MinimumWageViewSet, RuleViewSet

routes = [
    ("rules", RuleViewSet, "rule"),
    ("minimum-wages", MinimumWageViewSet, "minimum-wage"),
]
