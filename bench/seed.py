"""Seed a benchmark database with COPY: N cases, 12 months of wage reports for employed ones.

Every number is fictitious. A small share of cases breaks a rule (an underpaid or late month,
missing contributions, a fee, a late notification), as in real monitoring data.
"""

import random
from datetime import date, timedelta
from decimal import Decimal
from io import StringIO

from django.db import connection
from django.utils import timezone

from compliance.rulebook.working_time import full_time_norm_hours
from mobility.placement_status import CONTRACT_ENDED, DEPARTED_ON
from workers.placements.references import ALPHABET, RANDOM_SYMBOLS, check_symbol

ON = date(2025, 12, 25)  # the evaluation day: twelve finished months, December 2024 - November 2025
MONTHS = [date(2024 + (11 + i) // 12, (11 + i) % 12 + 1, 1) for i in range(12)]
EMPLOYERS, AGENCIES = 400, 120
REGIONS = ["RU-MOW", "RU-SPE", "RU-LEN", "RU-TA", "RU-SVE", "RU-NVS"]
SECTORS = ["construction", "textiles", "machinery", "electronics", "energy", "agriculture"]
STATUSES = [
    ("draft", 4),
    ("submitted", 4),
    ("accepted", 4),
    ("contract_signed", 4),
    ("visa_issued", 4),
    ("departed", 3),
    ("arrived", 4),
    ("employed", 60),
    ("completed", 8),
    ("terminated", 5),
]
FIRST = ["Ravi", "Amit", "Suresh", "Priya", "Anil", "Deepak", "Sunita", "Rahul", "Vijay", "Meena"]
LAST = ["Kumar", "Sharma", "Singh", "Nair", "Reddy", "Das", "Patel", "Iyer", "Gupta", "Yadav"]
TABLES = [
    "compliance_finding",
    "compliance_checkrun",
    "compliance_wagereport",
    "compliance_safetyrecord",
    "compliance_insurancecover",
    "workers_grievance",
    "workers_caseevent",
    "workers_document",
    "workers_placement",
    "workers_worker",
    "workers_agencymembership",
    "workers_agency",
    "employers_joborder",
    "employers_employermembership",
    "employers_employer",
]


def _text(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value)


class Copier:
    """Rows streamed into COPY in blocks, so memory stays flat whatever N is."""

    def __init__(self, cursor, table: str, columns: list[str], block: int = 20_000):
        self.cursor, self.block, self.buffer, self.count = cursor, block, StringIO(), 0
        self.sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        self.copy = None

    def __enter__(self):
        self.context = self.cursor.copy(self.sql)
        self.copy = self.context.__enter__()
        return self

    def row(self, *values) -> None:
        self.buffer.write("\t".join(_text(v) for v in values) + "\n")
        self.count += 1
        if self.count % self.block == 0:
            self.flush()

    def flush(self) -> None:
        self.copy.write(self.buffer.getvalue())
        self.buffer = StringIO()

    def __exit__(self, *exc):
        self.flush()
        return self.context.__exit__(*exc)


def seed(cases: int, *, rng_seed: int = 7) -> dict:
    rng = random.Random(rng_seed)
    now = timezone.now()
    with connection.cursor() as django_cursor:
        cursor = django_cursor.cursor
        # History triggers are for people's edits; a synthetic load does not need them.
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")
        employer_regions = _employers(cursor, rng, now)
        _agencies(cursor, now)
        counts = _cases(cursor, rng, now, cases, employer_regions)
        cursor.execute("SET session_replication_role = DEFAULT")
        for table in ("workers_worker", "workers_placement", "employers_employer"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
        cursor.execute("ANALYZE")
    return counts


def _employers(cursor, rng, now) -> dict[int, str]:
    regions = {}
    with Copier(
        cursor,
        "employers_employer",
        [
            "id",
            "legal_name",
            "inn",
            "ogrn",
            "region",
            "sector",
            "address",
            "contact_email",
            "contact_phone",
            "sponsorship_status",
            "quota",
            "created_at",
            "updated_at",
        ],
    ) as copy:
        for i in range(1, EMPLOYERS + 1):
            regions[i] = REGIONS[i % len(REGIONS)]
            status = "approved" if i % 50 else "suspended"
            copy.row(
                i, f"Bench Employer {i} LLC", f"{7700000000 + i}", f"{1027700000000 + i}",
                regions[i], SECTORS[i % len(SECTORS)], "", "", "", status, 100_000, now, now,
            )  # fmt: skip
    with Copier(
        cursor,
        "employers_joborder",
        [
            "id",
            "employer_id",
            "title",
            "occupation",
            "positions",
            "monthly_wage_rub",
            "hours_per_week",
            "overtime_rate",
            "accommodation_provided",
            "meals_provided",
            "monthly_deduction_rub",
            "work_region",
            "contract_months",
            "status",
            "opened_at",
            "created_at",
            "updated_at",
        ],
    ) as copy:
        for i in range(1, EMPLOYERS + 1):
            wage = 45000 + (i % 20) * 4000
            copy.row(
                i, i, "Worker", "7112", 100_000, wage, 40, "1.50", True, False, 0,
                regions[i], 24, "open", now, now, now,
            )  # fmt: skip
    cursor.execute(
        "SELECT setval(pg_get_serial_sequence('employers_joborder', 'id'), %s)", [EMPLOYERS]
    )
    return regions


def _agencies(cursor, now) -> None:
    with Copier(
        cursor,
        "workers_agency",
        [
            "id",
            "name",
            "licence_number",
            "licence_valid_until",
            "status",
            "state",
            "contact_email",
            "contact_phone",
            "address",
            "created_at",
            "updated_at",
        ],
    ) as copy:
        for i in range(1, AGENCIES + 1):
            valid = date(2027, 1, 1) if i % 40 else date(2025, 6, 30)
            copy.row(i, f"Bench Agency {i}", f"B-{i:05d}/BENCH", valid, "active", "IN-KL",
                     "", "", "", now, now)  # fmt: skip
    cursor.execute("SELECT setval(pg_get_serial_sequence('workers_agency', 'id'), %s)", [AGENCIES])


def _cases(cursor, rng, now, cases, employer_regions) -> dict:
    statuses = [s for s, weight in STATUSES for _ in range(weight)]
    worker_copy = Copier(
        cursor,
        "workers_worker",
        [
            "id",
            "agency_id",
            "full_name",
            "date_of_birth",
            "sex",
            "passport_number",
            "passport_expiry",
            "state_of_origin",
            "phone",
            "email",
            "occupation",
            "preferred_language",
            "consent_at",
            "created_at",
            "updated_at",
        ],
    )
    placement_rows = []
    with worker_copy as copy:
        for i in range(1, cases + 1):
            agency = 1 + i % AGENCIES
            born = date(1975, 1, 1) + timedelta(days=rng.randrange(25 * 365))
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {_family(rng).capitalize()}"
            expiry = date(2031, 1, 1) if rng.random() > 0.01 else date(2026, 9, 1)
            passport = f"{chr(65 + i // 10_000_000)}{i % 10_000_000:07d}"
            copy.row(i, agency, name, born, "M", passport, expiry, "IN-KL", "", "", "7112",
                     "en", now, now, now)  # fmt: skip
            placement_rows.append((i, agency))
    # One COPY at a time per connection: the cases first, then their evidence in turn.
    started = []
    with Copier(cursor, "workers_placement", PLACEMENT_COLUMNS) as placements:
        for i, agency in placement_rows:
            status = rng.choice(statuses)
            job_order = 1 + rng.randrange(EMPLOYERS)
            wage = Decimal(45000 + (job_order % 20) * 4000)
            region = employer_regions[job_order]
            row = _placement(rng, i, agency, job_order, region, status, wage, now)
            placements.row(*row)
            if status in (*DEPARTED_ON, *CONTRACT_ENDED):
                started.append((i, status, wage, row[PLACEMENT_COLUMNS.index("employment_start")]))
    with Copier(cursor, "compliance_insurancecover", COVER_COLUMNS) as covers:
        for i, *_ in started:
            _insurance(rng, covers, i, now)
    working = [(i, wage, start) for i, status, wage, start in started if start is not None]
    with Copier(cursor, "compliance_safetyrecord", SAFETY_COLUMNS) as safety:
        for i, _, start in working:
            safety.row(i, "induction", start, "", "", now)
            if rng.random() > 0.02:
                safety.row(i, "training", date(2025, 6, 2), "", "", now)
    reports = 0
    with Copier(cursor, "compliance_wagereport", REPORT_COLUMNS) as wages:
        for i, wage, _ in working:
            reports += _wage_reports(rng, wages, i, wage, now)
    employed = len(working)
    return {"cases": cases, "employed": employed, "wage_reports": reports}


PLACEMENT_COLUMNS = [
    "id",
    "reference",
    "worker_id",
    "agency_id",
    "job_order_id",
    "status",
    "contract_wage_rub",
    "contract_hours_per_week",
    "contract_start",
    "contract_end",
    "recruitment_fee_inr",
    "visa_number",
    "work_permit_number",
    "work_permit_valid_from",
    "work_permit_valid_until",
    "work_permit_region",
    "work_permit_occupation",
    "departure_date",
    "arrival_date",
    "employment_start",
    "mvd_start_notified_on",
    "mvd_end_notified_on",
    "migration_registered_on",
    "medical_exam_on",
    "fingerprinted_on",
    "end_date",
    "termination_reason",
    "created_at",
    "updated_at",
]
REPORT_COLUMNS = [
    "placement_id",
    "month",
    "gross_rub",
    "tax_withheld_rub",
    "deductions_rub",
    "net_paid_rub",
    "paid_on",
    "advance_paid_on",
    "hours_worked",
    "overtime_hours",
    "employer_contributions_rub",
    "created_at",
    "updated_at",
]
SAFETY_COLUMNS = ["placement_id", "kind", "date", "severity", "description", "created_at"]
COVER_COLUMNS = ["placement_id", "kind", "policy_number", "valid_from", "valid_until", "created_at"]
ORDER = [s for s, _ in STATUSES]
CENT = Decimal("0.01")


def case_reference(i: int) -> str:
    """Case i's reference: i in base 32 with the real check symbol, so that the public status
    lookup reads it as it reads a real one (bench/status_lookup.py); distinct for every i."""
    body = ""
    for _ in range(RANDOM_SYMBOLS):
        i, digit = divmod(i, len(ALPHABET))
        body += ALPHABET[digit]
    body += check_symbol(body)
    return f"IRM-{body[:4]}-{body[4:]}"


def _placement(rng, i, agency, job_order, region, status, wage, now) -> tuple:
    reached = ORDER.index(status) if status in ORDER else 0
    signed = reached >= ORDER.index("contract_signed") and status not in ("draft",)
    start = date(2024, 12, 1)
    contract_wage = wage if rng.random() > 0.01 else wage - 5000
    arrival = start - timedelta(days=rng.randrange(1, 10))
    in_russia = reached >= ORDER.index("arrived")
    working = reached >= ORDER.index("employed")
    fee = 0 if rng.random() > 0.01 else rng.choice([15000, 45000])
    late = rng.random() < 0.01
    # One permit in a hundred is of another region than the job's (WORK_PERMIT_MISMATCH).
    permit_region = region if rng.random() > 0.01 else "RU-LEN" if region != "RU-LEN" else "RU-SPE"
    ended = status in CONTRACT_ENDED
    return (
        i, case_reference(i), i, agency, job_order, status,
        contract_wage if signed else None, 40 if signed else None,
        start if signed else None, date(2026, 11, 30) if signed else None,
        fee, "", "WP" if signed else "",
        date(2024, 11, 1) if signed else None, date(2026, 12, 31) if signed else None,
        permit_region if signed else "", "7112" if signed else "",
        arrival - timedelta(days=1) if reached >= ORDER.index("departed") else None,
        arrival if in_russia else None,
        start if working else None,
        start + timedelta(days=12 if late and not ended else 1) if working else None,
        date(2025, 12, 1) + timedelta(days=12 if late else 0) if ended else None,
        (arrival + timedelta(days=2)) if in_russia else None,
        (arrival + timedelta(days=10)) if in_russia else None,
        (arrival + timedelta(days=10)) if in_russia else None,
        date(2025, 11, 30) if status in CONTRACT_ENDED else None,
        "", now, now,
    )  # fmt: skip


def _family(rng) -> str:
    """A family name of its own for most workers, so few of them look like duplicates."""
    return "".join(rng.choice("bcdfghjklmnprstvz") + rng.choice("aeiou") for _ in range(4))


def _insurance(rng, covers, i, now) -> None:
    covers.row(i, "pbby", f"PBBY-{i}", date(2024, 10, 1), date(2026, 12, 31), now)
    until = date(2026, 12, 31) if rng.random() > 0.02 else date(2025, 12, 31)
    covers.row(i, "dms", f"DMS-{i}", date(2024, 11, 1), until, now)


def _wage_reports(rng, wages, i, wage: Decimal, now) -> int:
    written = 0
    for month in MONTHS:
        # About 0.3 % of months each: unreported, underpaid, overtime not paid in full,
        # contributions missing, paid late, not paid at all, "tax" above the non-resident
        # rate; 0.2 % with excessive deductions.
        roll = rng.random()
        if roll < 0.003:
            continue
        norm = full_time_norm_hours(month.year, month.month)
        gross = wage if not 0.003 <= roll < 0.006 else (wage * Decimal("0.9")).quantize(CENT)
        overtime = 15 if 0.006 <= roll < 0.009 else 0
        if overtime:
            gross += (wage / norm * overtime).quantize(CENT)
        rate = Decimal("0.35") if 0.018 <= roll < 0.021 else Decimal("0.13")
        tax = (gross * rate).quantize(CENT)
        deductions = ((gross - tax) * Decimal("0.25")).quantize(CENT) if roll > 0.998 else 0
        missing = 0.009 <= roll < 0.012
        contributions = None if missing else (gross * Decimal("0.3")).quantize(CENT)
        next_month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        paid = next_month + timedelta(days=20 if 0.012 <= roll < 0.015 else 4)
        net = gross - tax - deductions
        if 0.015 <= roll < 0.018:
            net, paid = 0, None
        advance = month + timedelta(days=14)
        wages.row(i, month, gross, tax, deductions, net, paid, advance, norm,
                  overtime, contributions, now, now)  # fmt: skip
        written += 1
    return written
