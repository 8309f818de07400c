"""The officials' watchlist page: add an entry with a reason, remove one with a reason."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from compliance.findings.forms import ReasonForm
from compliance.watchlist import services
from compliance.watchlist.forms import WatchlistEntryForm
from compliance.watchlist.selectors import watchlist_visible_to
from mobility.access import Role, actor_for
from mobility.web import for_roles, paginate, run_service


@for_roles(Role.OFFICIAL)
def watchlist(request):
    form = WatchlistEntryForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            request,
            lambda: services.add_to_watchlist(actor=actor_for(request.user), **form.cleaned_data),
            form,
        )
    ):
        messages.success(request, _("Added to the watchlist; the next check compares it."))
        return redirect("watchlist")
    page = paginate(request, watchlist_visible_to(request.user))
    return render(
        request,
        "compliance/watchlist/list.html",
        {"form": form, "page": page, "query": ""},
        status=400 if form.errors else 200,
    )


@for_roles(Role.OFFICIAL)
def remove(request, pk: int):
    entry = get_object_or_404(watchlist_visible_to(request.user), pk=pk)
    form = ReasonForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            request,
            lambda: services.remove_from_watchlist(
                actor=actor_for(request.user), entry_id=entry.pk, reason=form.cleaned_data["reason"]
            ),
            form,
        )
    ):
        messages.success(request, _("Removed from the watchlist."))
        return redirect("watchlist")
    return render(request, "compliance/watchlist/remove.html", {"entry": entry, "form": form})
