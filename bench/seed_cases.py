"""Seed N cases (default 1,000,000) into the configured database with PostgreSQL COPY.

Each case gets its own worker and an "opened" timeline event; statuses are spread over the
whole lifecycle and contract terms are filled from `contract_signed` on. Agencies, employers
and job orders are created once (20, 50 and 100, reused on later runs).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mobility_bench \
        .venv/bin/python bench/seed_cases.py --cases 100000

History triggers are switched off for the session (the bench needs the cases, not an audit
trail of the seeding), which needs a superuser connection, as a local development one is.
"""

import argparse
import random
import secrets
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from common import setup_django

setup_django()

from django.db import connection, transaction  # noqa: E402

from employers.models import Employer, JobOrder, JobOrderStatus, Sector, SponsorshipStatus  # noqa: E402
from mobility.seed import demo_inn, demo_ogrn  # noqa: E402
from workers.models import Agency, PlacementStatus  # noqa: E402
from workers.placements.references import ALPHABET, check_symbol  # noqa: E402

REGIONS = ["RU-MOW", "RU-SPE", "RU-MOS", "RU-TA", "RU-SVE", "RU-NVS", "RU-KDA", "RU-BA"]
STATES = ["IN-UP", "IN-BR", "IN-KL", "IN-TN", "IN-PB", "IN-RJ", "IN-WB", "IN-AP"]
SIGNED = {
    PlacementStatus.CONTRACT_SIGNED,
    PlacementStatus.VISA_ISSUED,
    PlacementStatus.DEPARTED,
    PlacementStatus.ARRIVED,
    PlacementStatus.EMPLOYED,
    PlacementStatus.COMPLETED,
    PlacementStatus.TERMINATED,
    PlacementStatus.REPATRIATED,
}
# Roughly how a year-old programme's cases spread over the lifecycle.
STATUS_WEIGHTS = {
    PlacementStatus.DRAFT: 4,
    PlacementStatus.SUBMITTED: 6,
    PlacementStatus.ACCEPTED: 4,
    PlacementStatus.REJECTED: 5,
    PlacementStatus.CONTRACT_SIGNED: 5,
    PlacementStatus.VISA_ISSUED: 5,
    PlacementStatus.DEPARTED: 2,
    PlacementStatus.ARRIVED: 4,
    PlacementStatus.EMPLOYED: 50,
    PlacementStatus.COMPLETED: 8,
    PlacementStatus.TERMINATED: 3,
    PlacementStatus.REPATRIATED: 1,
    PlacementStatus.WITHDRAWN: 3,
}
SECTORS = [Sector.CONSTRUCTION, Sector.TEXTILES, Sector.MACHINERY, Sector.ELECTRONICS]


def organisations() -> tuple[list[int], list[tuple[int, int]]]:
    """Agency ids and (job order id, its agency-independent index) pairs, created once."""
    agencies = []
    for i in range(20):
        agency, _ = Agency.objects.get_or_create(
            licence_number=f"B-{i:04d}/BENCH/PER/1000+/5/{i}/2025",
            defaults={
                "name": f"Bench Agency {i}",
                "licence_valid_until": date(2030, 1, 1),
                "state": STATES[i % len(STATES)],
            },
        )
        agencies.append(agency.pk)
    job_orders = []
    for i in range(50):
        employer, _ = Employer.objects.get_or_create(
            inn=demo_inn(900_000 + i),
            defaults={
                "legal_name": f"Bench Employer {i} LLC",
                "ogrn": demo_ogrn(900_000 + i),
                "region": REGIONS[i % len(REGIONS)],
                "sector": SECTORS[i % len(SECTORS)],
                "sponsorship_status": SponsorshipStatus.APPROVED,
                "quota": 100_000,
            },
        )
        for j in range(2):
            job_order, _ = JobOrder.objects.get_or_create(
                employer=employer,
                title=f"Bench job {j}",
                defaults={
                    "occupation": "7112" if j == 0 else "8153",
                    "positions": 10_000,
                    "monthly_wage_rub": Decimal("65000.00") + 5000 * j,
                    "hours_per_week": Decimal("40.0"),
                    "overtime_rate": Decimal("1.50"),
                    "work_region": employer.region,
                    "contract_months": 12,
                    "status": JobOrderStatus.OPEN,
                },
            )
            job_orders.append(job_order.pk)
    return agencies, job_orders


def references(count: int):
    """Distinct valid references: a counter from a random start, spread over the alphabet,
    with the real check symbol. Unguessability does not matter here; uniqueness does."""
    start = secrets.randbelow(32**7 - count)
    for n in range(start, start + count):
        body = ""
        for _ in range(7):
            n, digit = divmod(n, 32)
            body += ALPHABET[digit]
        body += check_symbol(body)
        yield f"IRM-{body[:4]}-{body[4:]}"


def next_id(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")  # noqa: S608
        return cursor.fetchone()[0]


def passport_letter() -> str:
    with connection.cursor() as cursor:
        for letter in "ZYXWVUTSRQ":
            cursor.execute(
                "SELECT 1 FROM workers_worker WHERE passport_number LIKE %s LIMIT 1", [f"{letter}%"]
            )
            if cursor.fetchone() is None:
                return letter
    raise SystemExit("No free passport letter left; seed into a fresh database.")


def seed(count: int) -> None:
    agencies, job_orders = organisations()
    statuses = list(STATUS_WEIGHTS)
    weights = list(STATUS_WEIGHTS.values())
    rng = random.Random(20251126)
    now = datetime.now(UTC)
    letter = passport_letter()
    if count > 10_000_000:
        raise SystemExit("At most 10,000,000 cases per run (one passport letter).")
    worker_id, placement_id = next_id("workers_worker"), next_id("workers_placement")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        with cursor.copy(
            "COPY workers_worker (id, agency_id, full_name, date_of_birth, sex, passport_number,"
            " passport_expiry, state_of_origin, phone, email, occupation, preferred_language,"
            " consent_at, created_at, updated_at) FROM STDIN"
        ) as copy:
            for i in range(count):
                copy.write_row(
                    (
                        worker_id + i,
                        agencies[i % len(agencies)],
                        f"Bench Worker {i}",
                        date(1975, 1, 1) + timedelta(days=rng.randrange(11_000)),
                        "M" if i % 5 else "F",
                        f"{letter}{i:07d}",
                        date(2031, 1, 1) + timedelta(days=i % 1000),
                        STATES[i % len(STATES)],
                        "+919876543210",
                        "",
                        "7112",
                        ("hi", "en", "ru")[i % 3],
                        now,
                        now,
                        now,
                    )
                )
        with cursor.copy(
            "COPY workers_placement (id, reference, worker_id, agency_id, job_order_id, status,"
            " contract_wage_rub, contract_hours_per_week, contract_start, contract_end,"
            " recruitment_fee_inr, visa_number, work_permit_number, termination_reason,"
            " created_at, updated_at) FROM STDIN"
        ) as copy:
            for i, reference in enumerate(references(count)):
                status = rng.choices(statuses, weights)[0]
                signed = status in SIGNED
                start = date(2025, 1, 1) + timedelta(days=i % 365)
                copy.write_row(
                    (
                        placement_id + i,
                        reference,
                        worker_id + i,
                        agencies[i % len(agencies)],
                        job_orders[i % len(job_orders)],
                        status,
                        Decimal("65000.00") if signed else None,
                        Decimal("40.0") if signed else None,
                        start if signed else None,
                        start + timedelta(days=365) if signed else None,
                        0,
                        "",
                        "",
                        "",
                        now,
                        now,
                    )
                )
        with cursor.copy(
            "COPY workers_caseevent (placement_id, at, from_status, to_status, public_message,"
            " note) FROM STDIN"
        ) as copy:
            for i in range(count):
                copy.write_row(
                    (
                        placement_id + i,
                        now,
                        "",
                        "draft",
                        "Your case was opened by your recruitment agency.",
                        "Seeded by bench/seed_cases.py.",
                    )
                )
        for table in ("workers_worker", "workers_placement", "workers_caseevent"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"  # noqa: S608
                f" (SELECT MAX(id) FROM {table}))"
            )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE workers_worker, workers_placement, workers_caseevent")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    args = parser.parse_args()
    started = time.perf_counter()
    seed(args.cases)
    elapsed = time.perf_counter() - started
    print(f"seeded {args.cases:,} cases in {elapsed:.1f} s ({args.cases / elapsed:,.0f} cases/s)")


if __name__ == "__main__":
    main()
