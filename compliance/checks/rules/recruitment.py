"""Fair recruitment: fees charged to workers, the agency's licence, the employer's sponsorship."""

from django.db.models import F

from compliance.checks.rules.base import (
    IN_RANGE,
    PLACEMENT_COLUMNS,
    PLACEMENT_FROM,
    Context,
    Hit,
    evidence,
    fetch,
    money,
    placement_hit,
)
from employers.models import Employer
from employers.sponsorship.selectors import with_quota_use
from mobility.placement_status import ACCEPTED_ON, SUBMITTED_ON
from workers.models import AgencyStatus


def recruitment_fee_charged(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "RECRUITMENT_FEE_CHARGED"
    cap = ctx.param(code, "cap_inr")
    # At or under the cap the rule's own severity; above it the second one (both data).
    above_cap = ctx.parameters(code)["severity_above_cap"]
    rows = fetch(
        f"""
        SELECT {PLACEMENT_COLUMNS}, p.recruitment_fee_inr AS fee
        FROM {PLACEMENT_FROM}
        WHERE {IN_RANGE} AND p.recruitment_fee_inr > 0
        """,
        {"lo": lo, "hi": hi},
    )
    return [
        placement_hit(
            row,
            "",
            evidence(
                ctx,
                code,
                expected="no fee charged to the worker",
                actual=f"{money(row['fee'])} INR charged",
                fee_inr=money(row["fee"]),
                cap_inr=money(cap),
                above_cap=row["fee"] > cap,
            ),
            severity=above_cap if row["fee"] > cap else None,
        )
        for row in rows
    ]


def _scoped(column: str, ids) -> tuple[str, dict]:
    if ids is None:
        return "true", {}
    return f"{column} = ANY(%(ids)s)", {"ids": list(ids)}


def agency_licence_invalid(ctx: Context, kind: str, ids) -> list[Hit]:
    code = "AGENCY_LICENCE_INVALID"
    where, params = _scoped("a.id", ids)
    rows = fetch(
        f"""
        SELECT a.id, a.licence_number, a.licence_valid_until, a.status, count(p.id) AS cases
        FROM workers_agency a
        JOIN workers_placement p ON p.agency_id = a.id AND p.status = ANY(%(statuses)s)
        WHERE {where} AND (a.status <> %(active)s OR a.licence_valid_until < %(on)s)
        GROUP BY a.id
        """,
        {**params, "on": ctx.on, "active": AgencyStatus.ACTIVE, "statuses": list(SUBMITTED_ON)},
    )
    hits = []
    for row in rows:
        problem = (
            f"licence {row['status']}"
            if row["status"] != AgencyStatus.ACTIVE
            else f"licence expired on {row['licence_valid_until']:%Y-%m-%d}"
        )
        hits.append(
            Hit(
                subject_key=f"agency:{row['id']}",
                period="",
                agency_id=row["id"],
                evidence=evidence(
                    ctx,
                    code,
                    expected="a valid, active recruitment licence while cases are in progress",
                    actual=f"{problem}, with {row['cases']} cases in progress",
                    licence_number=row["licence_number"],
                    licence_valid_until=row["licence_valid_until"].isoformat(),
                    agency_status=row["status"],
                    active_cases=row["cases"],
                ),
            )
        )
    return hits


def employer_not_approved(ctx: Context, kind: str, ids) -> list[Hit]:
    code = "EMPLOYER_NOT_APPROVED"
    where, params = _scoped("e.id", ids)
    rows = fetch(
        f"""
        SELECT e.id, e.sponsorship_status, count(p.id) AS cases
        FROM employers_employer e
        JOIN employers_joborder j ON j.employer_id = e.id
        JOIN workers_placement p ON p.job_order_id = j.id AND p.status = ANY(%(statuses)s)
        WHERE {where} AND e.sponsorship_status <> 'approved'
        GROUP BY e.id
        """,
        {**params, "statuses": list(ACCEPTED_ON)},
    )
    return [
        Hit(
            subject_key=f"employer:{row['id']}",
            period="",
            employer_id=row["id"],
            evidence=evidence(
                ctx,
                code,
                expected="an approved sponsorship while cases are accepted or later",
                actual=(
                    f"sponsorship {row['sponsorship_status']}, "
                    f"with {row['cases']} cases in progress"
                ),
                sponsorship_status=row["sponsorship_status"],
                active_cases=row["cases"],
            ),
        )
        for row in rows
    ]


def employer_quota_exceeded(ctx: Context, kind: str, ids) -> list[Hit]:
    """The quota in use is counted by the employers' own selector, the count the contract
    check keeps under the quota with, so the check and the rule cannot disagree."""
    code = "EMPLOYER_QUOTA_EXCEEDED"
    employers = Employer.objects.all() if ids is None else Employer.objects.filter(pk__in=ids)
    rows = (
        with_quota_use(employers)
        .filter(quota_used__gt=F("quota"))
        .order_by()
        .values("id", "quota", cases=F("quota_used"))
    )
    return [
        Hit(
            subject_key=f"employer:{row['id']}",
            period="",
            employer_id=row["id"],
            evidence=evidence(
                ctx,
                code,
                expected=f"at most {row['quota']} workers under contract (the approved quota)",
                actual=f"{row['cases']} workers under contract",
                quota=row["quota"],
                active_cases=row["cases"],
            ),
        )
        for row in rows
    ]
