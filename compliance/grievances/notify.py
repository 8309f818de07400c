"""Who hears that a grievance climbed the ladder: the officials of its new level, each in
their language and as they chose (now, in the digest, or not), once per climb."""

from django.conf import settings
from django.urls import reverse

from mobility.notifications.events import Event
from mobility.notifications.services import notify_all


def notify_new_level(grievance_id: int) -> None:
    """Called once the climb is committed, so that the officials read the grievance as it
    now is."""
    from compliance.grievances.ladder import officials_to_tell
    from workers.models import Grievance

    grievance = (
        Grievance.objects.select_related("placement__job_order").filter(pk=grievance_id).first()
    )
    if grievance is None:
        return
    notify_all(
        Event.GRIEVANCE_CLOCK,
        officials_to_tell(grievance).select_related("notification_settings"),
        {
            "receipt": grievance.receipt,
            "category": grievance.get_category_display,
            "clock": lambda: (
                f"{grievance.get_level_display()}: {grievance.get_escalation_reason_display()}"
            ),
            "url": f"{settings.SITE_URL}{reverse('grievance', args=[grievance.pk])}",
        },
        key=f"grievance:{grievance.pk}:level:{grievance.level}:{int(grievance.level_since.timestamp())}",
        case_id=grievance.placement_id,
    )
