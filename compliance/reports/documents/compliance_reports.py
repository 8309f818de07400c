"""The employer's and the agency's compliance reports (PDF): who they are, their cases by
stage, what was checked, each finding in words, grievances as counts, for one month or a
period, in the language the requester chose."""

import zoneinfo
from collections.abc import Callable
from typing import BinaryIO

from django.utils import timezone, translation

from compliance.entitlements import scores
from compliance.entitlements.models import EntitlementKind, OwedBy
from compliance.entitlements.selectors import entitlements_visible_to, payments_visible_to
from compliance.findings.selectors import findings_visible_to, of_agency, of_employer
from compliance.grievances.selectors import grievances_visible_to
from compliance.models import WageReport
from compliance.reports.documents import selectors
from compliance.reports.documents.pdf import write_pdf
from compliance.reports.documents.period import Period
from compliance.reports.scope import actor_in_filters
from employers.sponsorship.selectors import employers_visible_to, with_quota_use
from mobility.access import Role
from workers.agencies.selectors import agencies_visible_to
from workers.placements.selectors import placements_visible_to

# An employer's report is read in Moscow time, an agency's in India time, like their pages.
MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")
INDIA = zoneinfo.ZoneInfo("Asia/Kolkata")
Progress = Callable[[int], None]


def _common(actor, placements, findings, grievances, period: Period, progress: Progress) -> dict:
    now = timezone.now()
    stages = selectors.stages_at_end(placements, period)
    progress(20)
    alive = selectors.alive_in(findings, period)
    found = selectors.findings_in_words(alive)
    progress(60)
    checks = selectors.checks_in(placements, period)
    rules = selectors.rules_checked(alive)
    progress(75)
    return {
        "period": period.in_words(),
        "generated_at": now,
        "stages": stages,
        "cases_total": sum(row["count"] for row in stages),
        "checks": checks,
        "rules": rules,
        "findings": found,
        "findings_by_severity": selectors.findings_by_severity(found),
        "grievances": (
            # Agencies never read grievances (SPEC §3); employers read that they exist.
            None
            if actor.role == Role.AGENCY
            else selectors.grievance_counts(grievances, period, now)
        ),
    }


def _ledger(actor, placements, owed_by: str, period: Period) -> dict:
    """What the party owes its workers on the cases of the report: by kind and currency, the
    amounts owed (opened by the period's end), paid and accepted in the period, and still
    owed when the report is made; and the workers' word on the wage months of the period. A
    dispute no official has shared reads, to the employer and the agency, as no answer."""
    entitlements = entitlements_visible_to(actor).filter(placement__in=placements, owed_by=owed_by)
    payments = payments_visible_to(actor).filter(
        entitlement__in=entitlements,
        paid_on__gte=period.first_day,
        paid_on__lte=period.last_day,
    )
    kinds = dict(EntitlementKind.choices)
    rows = scores.ledger_by_kind(entitlements.filter(created_at__lt=period.ends_before), payments)
    months = WageReport.objects.filter(placement__in=placements, month__in=period.months())
    hidden = None if actor.is_official else scores.UNSHARED_DISPUTE
    return {
        "rows": [{**row, "label": kinds.get(row["kind"], row["kind"])} for row in rows],
        "wages": scores.wage_word(months, hidden=hidden),
    }


def write_employer_compliance(
    filters: dict, language: str, out: BinaryIO, progress: Progress
) -> None:
    """One employer's compliance report for a month or a period (filters of
    `EmployerComplianceFilters`), in Russian or English."""
    actor = actor_in_filters(filters)
    period = Period.from_filters(filters)
    with translation.override(language), timezone.override(MOSCOW):
        employer = with_quota_use(employers_visible_to(actor)).get(pk=filters["employer"])
        placements = placements_visible_to(actor).filter(job_order__employer_id=employer.pk)
        context = _common(
            actor,
            placements,
            findings_visible_to(actor).filter(of_employer(employer.pk)),
            grievances_visible_to(actor).filter(placement__job_order__employer_id=employer.pk),
            period,
            progress,
        )
        ledger = _ledger(actor, placements, OwedBy.EMPLOYER, period)
        write_pdf(
            "compliance/reports/documents/employer_compliance.html",
            {**context, "employer": employer, "language": language, "ledger": ledger},
            out,
        )
    progress(100)


def write_agency_compliance(
    filters: dict, language: str, out: BinaryIO, progress: Progress
) -> None:
    """One agency's compliance report (filters of `AgencyComplianceFilters`), in English or
    Hindi, with the recruitment fees and the duplicate worker records found."""
    actor = actor_in_filters(filters)
    period = Period.from_filters(filters)
    with translation.override(language), timezone.override(INDIA):
        agency = agencies_visible_to(actor).get(pk=filters["agency"])
        placements = placements_visible_to(actor).filter(agency_id=agency.pk)
        context = _common(
            actor,
            placements,
            findings_visible_to(actor).filter(of_agency(agency.pk)),
            grievances_visible_to(actor).filter(placement__agency_id=agency.pk),
            period,
            progress,
        )
        fees = selectors.fees_charged(placements, period)
        codes = ("RECRUITMENT_FEE_CHARGED", "WORKER_DUPLICATE")
        write_pdf(
            "compliance/reports/documents/agency_compliance.html",
            {
                **context,
                "agency": agency,
                "language": language,
                "ledger": _ledger(actor, placements, OwedBy.AGENCY, period),
                "fees": fees,
                "fee_findings": [row for row in context["findings"] if row["code"] == codes[0]],
                "duplicates": [row for row in context["findings"] if row["code"] == codes[1]],
            },
            out,
        )
    progress(100)
