"""The officials' check-run page: past runs, a sweep started after confirmation, its progress."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from compliance.checks import engine
from compliance.checks.selectors import check_runs_visible_to
from compliance.models import CheckRunTrigger
from mobility.access import Role
from mobility.web import for_roles, paginate, unconfirmed, visible_or_404


@for_roles(Role.OFFICIAL)
def check_runs(request):
    runs = check_runs_visible_to(request.user)
    return render(request, "compliance/checks/list.html", {"page": paginate(request, runs)})


@for_roles(Role.OFFICIAL)
@require_http_methods(["GET", "POST"])
def start_sweep(request):
    asked = unconfirmed(
        request,
        question=_("Check every case now?"),
        action=_("Yes, check every case"),
        back=reverse("check-runs"),
        details=[
            (
                _("What happens"),
                _(
                    "All cases, employers, agencies and workers are checked against every rule. "
                    "New findings open, and findings whose condition has cleared are resolved. "
                    "It runs in the background; this page shows its progress."
                ),
            )
        ],
    )
    if asked is not None:
        return asked
    run = engine.start_sweep(trigger=CheckRunTrigger.USER, user=request.user)
    messages.success(request, _("Check of every case started (run %(id)s).") % {"id": run.pk})
    return redirect("check-runs")


@for_roles(Role.OFFICIAL)
def progress(request, pk: int):
    if pk > 2**63 - 1:  # beyond any id; the database would refuse to compare it
        raise Http404
    run = visible_or_404(check_runs_visible_to, request, pk)
    return render(request, "compliance/checks/progress.html", {"run": run})
