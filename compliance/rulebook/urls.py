from django.urls import path

from compliance.rulebook.views import (
    minimum_wage_edit,
    minimum_wage_list,
    rule_detail,
    rule_explained,
    rule_list,
)

urlpatterns = [
    path("officials/rules/", rule_list, name="rules"),
    path("officials/rules/<int:pk>/", rule_detail, name="rule"),
    # Codes are capitals and underscores, so they never meet the numeric edit pages above.
    path("officials/rules/<str:code>/", rule_explained, name="rule-explained"),
    path("officials/minimum-wages/", minimum_wage_list, name="minimum-wages"),
    path("officials/minimum-wages/<int:pk>/", minimum_wage_edit, name="minimum-wage"),
]
