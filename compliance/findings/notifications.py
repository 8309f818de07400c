"""Agency and employer staff hear of the findings opened on their own cases, each as they chose
(e-mail now, the daily digest, or nothing). A job reads the findings first detected since its
last run, whatever opened them (a case's check or the nightly sweep), so the engine's set-based
writes stay as they are; each person is told only of the findings their own selector shows."""

from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from compliance.findings.selectors import findings_visible_to
from compliance.findings.wording import finding_message
from compliance.models import OPEN_FINDING_STATUSES, Finding
from mobility.models import Heartbeat
from mobility.notifications.events import Event
from mobility.notifications.services import notify

# The job's mark: findings first detected up to this moment have been told.
TOLD_UP_TO = "findings-told"


def tell_new_findings(now: datetime | None = None) -> int:
    """Tell of the open findings on cases first detected since the last run; returns how many
    messages were queued. The first run only sets the mark: older findings are not news."""
    now = now or timezone.now()
    with transaction.atomic():
        mark, created = Heartbeat.objects.select_for_update().get_or_create(
            name=TOLD_UP_TO, defaults={"seen_at": now}
        )
        if created:
            return 0
        new = Finding.objects.filter(
            placement__isnull=False,
            status__in=OPEN_FINDING_STATUSES,
            first_detected_at__gt=mark.seen_at,
            first_detected_at__lte=now,
        )
        ids = list(new.values_list("pk", flat=True))
        cases = new.values("placement__agency_id", "placement__job_order__employer_id")
        staff = (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(agency_membership__agency_id__in=cases.values("placement__agency_id"))
                | Q(
                    employer_membership__employer_id__in=cases.values(
                        "placement__job_order__employer_id"
                    )
                )
            )
            .select_related("notification_settings")
            .order_by("pk")
        )
        told = sum(_tell(user, ids) for user in staff) if ids else 0
        mark.seen_at = now
        mark.save(update_fields=["seen_at"])
    return told


def _tell(user, ids: list[int]) -> int:
    told = 0
    visible = (
        findings_visible_to(user)
        .filter(pk__in=ids)
        .select_related("rule", "placement")
        .order_by("pk")
    )
    for finding in visible:
        told += (
            notify(
                Event.FINDING_OPENED,
                user,
                {
                    "reference": finding.placement.reference,
                    "rule": lambda finding=finding: finding.rule.title_in_words,
                    "message": lambda finding=finding: finding_message(finding),
                    "url": settings.SITE_URL + reverse("finding", args=[finding.pk]),
                },
                key=f"finding:{finding.pk}",
                case_id=finding.placement_id,
            )
            is not None
        )
    return told
