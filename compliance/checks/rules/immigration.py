"""Immigration deadlines in Russia and the work permit."""

import re
from datetime import timedelta

from compliance.checks.rules.base import (
    ENDED_ON,
    IN_RANGE,
    PLACEMENT_COLUMNS,
    PLACEMENT_FROM,
    Context,
    Hit,
    ended_on_params,
    evidence,
    fetch,
    placement_hit,
)
from mobility.placement_status import CONTRACT_ENDED, EMPLOYED_OR_ENDED, PlacementStatus


def _deadline_hit(ctx, code, row, *, what, event, limit_text) -> Hit:
    done, deadline = row["done_on"], row["deadline"]
    if done is None:
        actual = f"not recorded; the deadline was {deadline:%Y-%m-%d}"
    else:
        actual = f"recorded only on {done:%Y-%m-%d}, after the deadline of {deadline:%Y-%m-%d}"
    return placement_hit(
        row,
        "",
        evidence(
            ctx,
            code,
            expected=f"{what} within {limit_text} after {event} on {row['event_on']:%Y-%m-%d}",
            actual=actual,
            event=event,
            event_on=row["event_on"].isoformat(),
            deadline=row["deadline"].isoformat(),
            recorded_on=done.isoformat() if done else None,
        ),
    )


# The two MVD notices (RULES.md amendments): the contract's start and its end, each with its own
# clock and date. The end's clock runs for a contract that ran and ended, repatriation included
# (it ends the contract too), once its end date is known.
MVD_NOTICES = ("start", "end")


def mvd_notification_overdue(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "MVD_NOTIFICATION_OVERDUE"
    count = int(ctx.param(code, "working_days"))
    days, deadlines = ctx.working_day_deadlines(count)
    # A start notified early, on signing the contract, is in time: the law counts from the
    # contract, never against the employer.
    rows = fetch(
        f"""
        SELECT c.*, cal.deadline FROM (
            SELECT {PLACEMENT_COLUMNS}, 'start' AS notice, p.employment_start AS event_on,
                   p.mvd_start_notified_on AS done_on
            FROM {PLACEMENT_FROM}
            WHERE {IN_RANGE} AND p.status = ANY(%(statuses)s) AND p.employment_start IS NOT NULL
            UNION ALL
            SELECT {PLACEMENT_COLUMNS}, 'end', p.end_date, p.mvd_end_notified_on
            FROM {PLACEMENT_FROM}
            WHERE {IN_RANGE} AND p.status = ANY(%(ended)s) AND p.employment_start IS NOT NULL
              AND p.end_date IS NOT NULL
        ) c
        JOIN unnest(%(days)s::date[], %(deadlines)s::date[]) AS cal(day, deadline)
            ON cal.day = c.event_on
        WHERE c.done_on IS NULL AND cal.deadline < %(on)s OR c.done_on > cal.deadline
        ORDER BY c.placement_id, c.notice = 'end'
        """,
        {
            "lo": lo,
            "hi": hi,
            "on": ctx.on,
            "days": days,
            "deadlines": deadlines,
            "statuses": [*EMPLOYED_OR_ENDED, PlacementStatus.REPATRIATED],
            "ended": [*CONTRACT_ENDED, PlacementStatus.REPATRIATED],
        },
    )
    by_case: dict[int, list[dict]] = {}
    for row in rows:
        by_case.setdefault(row["placement_id"], []).append(row)
    return [_mvd_hit(ctx, code, count, late) for late in by_case.values()]


def _mvd_hit(ctx: Context, code: str, count: int, late: list[dict]) -> Hit:
    """One finding per case, naming each notice that is missing or late."""
    event = {"start": "the employment start", "end": "the end of the contract"}
    notices = [
        {
            "notice": row["notice"],
            "event_on": row["event_on"].isoformat(),
            "deadline": row["deadline"].isoformat(),
            "recorded_on": row["done_on"] and row["done_on"].isoformat(),
        }
        for row in late
    ]
    return placement_hit(
        late[0],
        "",
        evidence(
            ctx,
            code,
            expected="; ".join(
                f"notification of the MVD of {event[row['notice']]} within {count} working "
                f"days after {row['event_on']:%Y-%m-%d}, by {row['deadline']:%Y-%m-%d}"
                for row in late
            ),
            actual="; ".join(
                f"the notice of {event[row['notice']]} "
                + (
                    f"was recorded only on {row['done_on']:%Y-%m-%d}"
                    if row["done_on"]
                    else "is not recorded"
                )
                for row in late
            ),
            working_days=count,
            missing=[row["notice"] for row in late],
            notices=notices,
        ),
    )


def migration_registration_overdue(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "MIGRATION_REGISTRATION_OVERDUE"
    count = int(ctx.param(code, "working_days"))
    days, deadlines = ctx.working_day_deadlines(count)
    rows = fetch(
        f"""
        SELECT {PLACEMENT_COLUMNS}, p.migration_registered_on AS done_on,
               p.arrival_date AS event_on, cal.deadline
        FROM {PLACEMENT_FROM}
        JOIN unnest(%(days)s::date[], %(deadlines)s::date[]) AS cal(day, deadline)
            ON cal.day = p.arrival_date
        WHERE {IN_RANGE} AND p.arrival_date IS NOT NULL
          AND (p.migration_registered_on IS NULL AND cal.deadline < %(on)s
               OR p.migration_registered_on > cal.deadline)
          -- The deadline runs only while the worker is in Russia (RULES.md amendments).
          AND coalesce({ENDED_ON} > cal.deadline, true)
        """,
        {
            "lo": lo,
            "hi": hi,
            "on": ctx.on,
            "days": days,
            "deadlines": deadlines,
            **ended_on_params(),
        },
    )
    return [
        _deadline_hit(
            ctx,
            code,
            row,
            what="migration registration",
            event="arrival",
            limit_text=f"{count} working days",
        )
        for row in rows
    ]


def medical_biometrics_overdue(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "MEDICAL_BIOMETRICS_OVERDUE"
    days = int(ctx.param(code, "days"))
    rows = fetch(
        f"""
        SELECT {PLACEMENT_COLUMNS}, p.arrival_date AS event_on, p.medical_exam_on,
               p.fingerprinted_on, p.arrival_date + %(days)s AS deadline
        FROM {PLACEMENT_FROM}
        WHERE {IN_RANGE} AND p.arrival_date IS NOT NULL
          AND ((p.medical_exam_on IS NULL OR p.fingerprinted_on IS NULL)
                AND p.arrival_date + %(days)s < %(on)s
               OR p.medical_exam_on > p.arrival_date + %(days)s
               OR p.fingerprinted_on > p.arrival_date + %(days)s)
          -- The deadline runs only while the worker is in Russia (RULES.md amendments).
          AND coalesce({ENDED_ON} > p.arrival_date + %(days)s, true)
        """,
        {"lo": lo, "hi": hi, "on": ctx.on, "days": days, **ended_on_params()},
    )
    hits = []
    for row in rows:
        missing = [
            name
            for name, value in (
                ("medical examination", row["medical_exam_on"]),
                ("fingerprint registration", row["fingerprinted_on"]),
            )
            if value is None or value > row["deadline"]
        ]
        hits.append(
            placement_hit(
                row,
                "",
                evidence(
                    ctx,
                    code,
                    expected=(
                        f"medical examination and fingerprint registration within {days} days "
                        f"after arrival on {row['event_on']:%Y-%m-%d}, "
                        f"by {row['deadline']:%Y-%m-%d}"
                    ),
                    actual=" and ".join(missing) + " not recorded in time",
                    arrival_date=row["event_on"].isoformat(),
                    deadline=row["deadline"].isoformat(),
                    medical_exam_on=row["medical_exam_on"] and row["medical_exam_on"].isoformat(),
                    fingerprinted_on=row["fingerprinted_on"]
                    and row["fingerprinted_on"].isoformat(),
                    missing=missing,
                ),
            )
        )
    return hits


def work_permit_expired(ctx: Context, lo: int, hi: int) -> list[Hit]:
    code = "WORK_PERMIT_EXPIRED"
    days = int(ctx.param(code, "notice_days"))
    # Expired: the rule's own severity; expiring: the second one (both data).
    expiring = ctx.parameters(code)["severity_expiring"]
    # Ending "within N days" includes day N (RULES.md amendments).
    rows = fetch(
        f"""
        SELECT {PLACEMENT_COLUMNS}, p.work_permit_number, p.work_permit_valid_until AS valid_until,
               p.contract_end
        FROM {PLACEMENT_FROM}
        WHERE {IN_RANGE} AND p.status = %(employed)s
          AND (p.work_permit_valid_until IS NULL OR p.work_permit_valid_until < %(on)s
               OR p.work_permit_valid_until <= %(limit)s
                  AND p.work_permit_valid_until < p.contract_end)
        """,
        {
            "lo": lo,
            "hi": hi,
            "employed": PlacementStatus.EMPLOYED,
            "on": ctx.on,
            "limit": ctx.on + timedelta(days=days),
        },
    )
    hits = []
    for row in rows:
        until = row["valid_until"]
        expired = until is None or until < ctx.on
        hits.append(
            placement_hit(
                row,
                "",
                evidence(
                    ctx,
                    code,
                    expected=(
                        "a work permit valid today"
                        if expired
                        else "a work permit valid until the contract ends on "
                        f"{row['contract_end']:%Y-%m-%d}"
                    ),
                    actual=(
                        f"the work permit expired on {until:%Y-%m-%d}"
                        if until and expired
                        else "no work permit validity recorded"
                        if expired
                        else f"the work permit ends on {until:%Y-%m-%d}"
                    ),
                    expired=expired,
                    work_permit_number=row["work_permit_number"],
                    valid_until=until.isoformat() if until else None,
                    contract_end=row["contract_end"] and row["contract_end"].isoformat(),
                    notice_days=days,
                ),
                severity=None if expired else expiring,
            )
        )
    return hits


def _isco_code(occupation: str) -> bool:
    return re.fullmatch(r"[0-9]{4}", occupation) is not None


def work_permit_mismatch(ctx: Context, lo: int, hi: int) -> list[Hit]:
    """A permit is valid only in its region and for its occupation: an employed case working
    elsewhere, or at another occupation, works without a valid permit. A permit recorded
    before the region was asked for (empty) is not judged; an occupation the permit words
    without an ISCO-08 code cannot be compared with the job's code, so it is not either."""
    code = "WORK_PERMIT_MISMATCH"
    rows = fetch(
        f"""
        SELECT {PLACEMENT_COLUMNS}, p.work_permit_number, p.work_permit_region,
               p.work_permit_occupation, j.work_region, j.occupation, j.title AS job_title
        FROM {PLACEMENT_FROM}
        WHERE {IN_RANGE} AND p.status = %(employed)s AND p.work_permit_region <> ''
          AND (p.work_permit_region <> j.work_region
               OR p.work_permit_occupation ~ '^[0-9]{{4}}$'
                  AND p.work_permit_occupation <> j.occupation)
        """,
        {"lo": lo, "hi": hi, "employed": PlacementStatus.EMPLOYED},
    )
    hits = []
    for row in rows:
        region_differs = row["work_permit_region"] != row["work_region"]
        coded = _isco_code(row["work_permit_occupation"])
        occupation_differs = coded and row["work_permit_occupation"] != row["occupation"]
        differs = [
            name
            for name, yes in (("region", region_differs), ("occupation", occupation_differs))
            if yes
        ]
        hits.append(
            placement_hit(
                row,
                "",
                evidence(
                    ctx,
                    code,
                    expected=(
                        f"work in the permit's region {row['work_permit_region']}"
                        + (f" and occupation {row['work_permit_occupation']}" if coded else "")
                    ),
                    actual=(
                        f"the job “{row['job_title']}” is in {row['work_region']}, "
                        f"occupation {row['occupation']}"
                    ),
                    differs=differs,
                    work_permit_number=row["work_permit_number"],
                    permit_region=row["work_permit_region"],
                    permit_occupation=row["work_permit_occupation"],
                    work_region=row["work_region"],
                    occupation=row["occupation"],
                    job_title=row["job_title"],
                ),
            )
        )
    return hits
