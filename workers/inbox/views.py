"""The whole lists behind the workspace sections, and the employer's decision on candidates
from its inbox: one or several accepted or rejected with one confirmation."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from mobility.access import Role
from mobility.web import for_roles, paginate, unconfirmed
from workers.documents.selectors import rejected_documents
from workers.models import PlacementStatus
from workers.placements import lifecycle
from workers.placements import services as placements_services
from workers.placements.forms import move_form_class
from workers.placements.selectors import (
    QUEUE_RELATED,
    arrivals_to_confirm,
    candidates_waiting,
    contracts_to_sign,
    drafts_with_unmet_requirements,
    placements_visible_to,
)

PAGE_SIZE = 25


WORKSPACE = {Role.EMPLOYER: "employers:workspace", Role.AGENCY: "agency-workspace"}


def _queue(request, template: str, rows) -> object:
    return render(
        request,
        template,
        {
            "page": paginate(request, rows, PAGE_SIZE),
            "workspace_url": reverse(WORKSPACE[request.actor.role]),
        },
    )


@require_GET
@for_roles(Role.EMPLOYER)
def candidates(request):
    return _queue(request, "workers/inbox/candidates.html", candidates_waiting(request.user))


@require_GET
@for_roles(Role.EMPLOYER)
def contracts(request):
    return _queue(request, "workers/inbox/contracts.html", contracts_to_sign(request.user))


@require_GET
@for_roles(Role.EMPLOYER)
def arrivals(request):
    return _queue(request, "workers/inbox/arrivals.html", arrivals_to_confirm(request.user))


@require_GET
@for_roles(Role.AGENCY)
def unmet(request):
    return _queue(request, "workers/inbox/unmet.html", drafts_with_unmet_requirements(request.user))


@require_GET
@for_roles(Role.AGENCY)
def documents_rejected(request):
    return _queue(
        request, "workers/inbox/rejected_documents.html", rejected_documents(request.user)
    )


# The decisions the inbox offers: the button's name, the move it makes.
DECISIONS = {"accept": PlacementStatus.ACCEPTED, "reject": PlacementStatus.REJECTED}


def _chosen(request) -> tuple[str | None, list[int]]:
    """The decision and the cases it is for: a row's button names its own case, the buttons
    under the list the ticked ones."""
    for name, to in DECISIONS.items():
        value = request.POST.get(name)
        if value is None:
            continue
        ids = [value] if value.isdigit() else request.POST.getlist("case")
        return to, sorted({int(i) for i in ids if i.isdigit()})
    return None, []


def _named(placement) -> str:
    return _("%(worker)s (%(reference)s)") % {
        "worker": placement.worker.full_name,
        "reference": placement.reference,
    }


QUESTIONS = {
    PlacementStatus.ACCEPTED: lambda count: ngettext(
        "Accept this candidate?", "Accept these %(count)d candidates?", count
    ),
    PlacementStatus.REJECTED: lambda count: ngettext(
        "Reject this candidate? The case ends and cannot be reopened.",
        "Reject these %(count)d candidates? Their cases end and cannot be reopened.",
        count,
    ),
}
DONE = {
    PlacementStatus.ACCEPTED: lambda names: _("Accepted: %(names)s.") % {"names": names},
    PlacementStatus.REJECTED: lambda names: _("Rejected: %(names)s.") % {"names": names},
}


@require_POST
@for_roles(Role.EMPLOYER)
def decide(request):
    """Accept or reject the chosen candidates after one confirmation listing them; each case
    moves through the lifecycle on its own, and what was refused is said by name."""
    back = request.POST.get("back", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = reverse("employers:workspace")
    to, ids = _chosen(request)
    # Every case the employer sees, not only those still waiting: one a colleague has decided
    # meanwhile is refused by the lifecycle, by name, rather than silently left out.
    chosen = list(
        placements_visible_to(request.user)
        .filter(pk__in=ids)
        .select_related(*QUEUE_RELATED)
        .order_by("pk")
    )
    if to is None or not chosen:
        messages.error(request, _("Tick at least one candidate first."))
        return redirect(back)
    move = lifecycle.move_for(PlacementStatus.SUBMITTED, to)
    # A move that needs values (the reason for a rejection) asks them on the confirmation.
    form = move_form_class(move)(request.POST) if move.fields else None
    asked = unconfirmed(
        request,
        question=QUESTIONS[to](len(chosen)) % {"count": len(chosen)},
        action=move.action,
        back=back,
        details=[(_named(placement), placement.job_order.title) for placement in chosen],
        form=form,
    )
    if asked is not None:
        return asked
    data = {name: form.cleaned_data[name] for name in form.fields} if form is not None else {}
    results = placements_services.transition_placements(
        actor=request.actor, placements=chosen, to=to, data=data
    )
    moved = [_named(result.placement) for result in results if result.moved]
    if moved:
        messages.success(request, DONE[to](get_text_list(moved, _("and"))))
    for result in results:
        if not result.moved:
            messages.error(
                request,
                _("%(case)s was not moved: %(problems)s")
                % {"case": _named(result.placement), "problems": " ".join(result.problems)},
            )
    return redirect(back)
