"""Who hears that a grievance climbed the ladder. One function, so that the notification
records of issue 13 (point 6) can take over its body."""

from django.conf import settings
from django.urls import reverse

from mobility.notifications import email_users


def notify_new_level(grievance_id: int) -> None:
    """E-mail the officials of the level a grievance has just reached that it is theirs now."""
    from compliance.grievances.ladder import officials_to_tell
    from workers.models import Grievance

    grievance = (
        Grievance.objects.select_related("placement__job_order").filter(pk=grievance_id).first()
    )
    if grievance is None:
        return
    email_users(
        officials_to_tell(grievance),
        f"Grievance {grievance.receipt} escalated to you",
        f"Grievance {grievance.receipt} ({grievance.get_category_display()}) is now at the "
        f"level of {grievance.get_level_display().lower()}: "
        f"{grievance.get_escalation_reason_display().lower()}. "
        f"Open it: {settings.SITE_URL}{reverse('grievance', args=[grievance.pk])}",
    )
