"""What the evidence tells people: the worker, by SMS, that a month's pay was reported (so
that they check it on /status/ and answer); employers' staff, on day 15, of the wage reports
still due by day 20."""

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from compliance.evidence.selectors import wage_reports_due
from compliance.models import WageReport
from mobility import figures
from mobility.notifications.events import Event
from mobility.notifications.services import notify


def tell_month_reported(report: WageReport) -> None:
    """Inside the reporting transaction: the SMS exists exactly when the report does."""
    placement = report.placement
    notify(
        Event.WAGE_MONTH_REPORTED,
        placement.worker,
        {
            "reference": placement.reference,
            "month": lambda: figures.month(report.month),
            "net": lambda: figures.roubles(report.net_paid_rub),
            "url": f"{settings.SITE_URL}/status/",
        },
        key=f"wage-report:{report.pk}",
        case_id=placement.pk,
    )


def remind_wage_reports_due(today: date | None = None) -> int:
    """Each employer member with cases not yet reported for last month hears how many and by
    when; once a month and member, however often the job runs. Returns how many were told."""
    today = today or timezone.localdate()
    members = (
        get_user_model()
        .objects.filter(is_active=True, employer_membership__isnull=False)
        .select_related("employer_membership", "notification_settings")
        .order_by("pk")
    )
    told = 0
    for user in members:
        due = wage_reports_due(user, today)
        count = due.cases.count()
        if not count:
            continue
        told += (
            notify(
                Event.WAGE_REPORTS_DUE,
                user,
                {
                    "month": lambda due=due: figures.month(due.month),
                    "due": lambda due=due: figures.day(due.due_on),
                    "count": count,
                    "url": settings.SITE_URL + reverse("inbox-wages-due"),
                },
                key=f"wage-reports-due:{due.month:%Y-%m}:employer:{user.employer_membership.employer_id}",
            )
            is not None
        )
    return told
