"""The officials' workspace (their queues by due date) and the employer's list of the wage
reports due this month."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from compliance.evidence.selectors import wage_reports_due
from mobility.access import Role
from mobility.web import for_roles, paginate
from mobility.workspaces import sections_for
from workers.inbox.views import PAGE_SIZE


@require_GET
@for_roles(Role.OFFICIAL)
def officials_workspace(request):
    return render(request, "compliance/inbox/officials.html", {"sections": sections_for(request)})


@require_GET
@for_roles(Role.EMPLOYER)
def wages_due(request):
    due = wage_reports_due(request.user)
    return render(
        request,
        "compliance/inbox/wages_due.html",
        {
            "due": due,
            "page": paginate(request, due.cases, PAGE_SIZE),
            "workspace_url": reverse("employers:workspace"),
        },
    )
