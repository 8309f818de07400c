import zoneinfo

from django.utils import timezone

from mobility.access import Role, actor_for

# Agencies and Indian-side officials read times in India; everyone else, in Moscow time.
INDIA = zoneinfo.ZoneInfo("Asia/Kolkata")


class ActorTimezoneMiddleware:
    """Show timestamps in the reader's time zone, chosen from the side they work on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        actor = actor_for(getattr(request, "user", None))
        if actor.role == Role.AGENCY or (actor.role == Role.OFFICIAL and actor.side == "IN"):
            timezone.activate(INDIA)
        else:
            timezone.deactivate()
        return self.get_response(request)
