"""The monthly reports each official side receives on the 1st, for the month before.

- The Russian side (officials `RU`): every employer's compliance report, in Russian.
- The Indian side (officials `IN`): every agency's compliance report in English, the working
  language of India's Protector of Emigrants offices (a Hindi copy is one request away), and
  every employer's report in English, since Indian officials follow where their workers are.

Every employer means every employer that is or was a sponsor (approved, suspended or
revoked): one that applied or was rejected employs no one to report on. Every agency is
every agency registered. The scope is the side's whole one (an official of the side for all
regions), so a region-limited official reads the employers of their regions among them.
"""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from compliance.reports.scope import actor_in_filters, scope_in_filters
from compliance.reports.services import request_report
from employers.models import SponsorshipStatus
from employers.sponsorship.selectors import employers_visible_to
from mobility.access import Actor, Role
from mobility.models import Side
from workers.agencies.selectors import agencies_visible_to

SPONSORS = (SponsorshipStatus.APPROVED, SponsorshipStatus.SUSPENDED, SponsorshipStatus.REVOKED)
# (side, kind, language) of each series.
SERIES = (
    (Side.RUSSIA, "employer_compliance", "ru"),
    (Side.INDIA, "employer_compliance", "en"),
    (Side.INDIA, "agency_compliance", "en"),
)


def previous_month(today: date) -> str:
    return (today.replace(day=1) - relativedelta(months=1)).strftime("%Y-%m")


def monthly_reports(month: str) -> list[tuple[str, dict]]:
    """(kind, filters) of every monthly report for `month` (`YYYY-MM`): filters as the
    kinds' serializers write them, so a report requested by hand with the same filters is
    the same report."""
    reports = []
    for side, kind, language in SERIES:
        official = Actor(role=Role.OFFICIAL, side=side)
        scope = scope_in_filters(official)
        if kind == "employer_compliance":
            subjects = employers_visible_to(official).filter(sponsorship_status__in=SPONSORS)
            field = "employer"
        else:
            subjects = agencies_visible_to(official)
            field = "agency"
        for subject_id in subjects.order_by("pk").values_list("pk", flat=True):
            reports.append(
                (
                    kind,
                    {field: subject_id, "month": month, "language": language, "scope": scope},
                )
            )
    return reports


def request_monthly_reports(today: date | None = None) -> int:
    """Ask for every monthly report of the month before `today`, as an official of its side
    would: each is prepared in the background, and a second run on the same day answers the
    reports the first asked for. Returns how many were asked for."""
    reports = monthly_reports(previous_month(today or timezone.localdate()))
    for kind, filters in reports:
        actor = actor_in_filters(filters)
        del filters["scope"]
        request_report(
            actor=actor,
            kind=kind,
            file_format="pdf",
            filters=filters,
            language=filters["language"],
        )
    return len(reports)
