"""The profile page: how a staff member hears of what happens on their cases."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from mobility.access import Role
from mobility.notifications import services
from mobility.notifications.events import STAFF_EVENTS
from mobility.notifications.forms import NotificationSettingsForm
from mobility.notifications.models import Delivery
from mobility.notifications.selectors import settings_initial
from mobility.web import for_roles


@for_roles(Role.AGENCY, Role.EMPLOYER, Role.OFFICIAL)
def profile(request):
    role = request.actor.role
    if request.method == "POST":
        form = NotificationSettingsForm(request.POST, role=role)
        if form.is_valid():
            services.save_settings(
                user=request.user,
                language=form.cleaned_data["language"],
                deliveries=form.deliveries(),
            )
            messages.success(request, _("Your notification settings are saved."))
            return redirect("profile")
        status = 400
    else:
        initial = settings_initial(request.user, STAFF_EVENTS.get(role, ()))
        form = NotificationSettingsForm(initial=initial, role=role)
        status = 200
    return render(
        request,
        "mobility/notifications/profile.html",
        {"form": form, "events": [form[event] for event in form.events], "choices": Delivery},
        status=status,
    )
