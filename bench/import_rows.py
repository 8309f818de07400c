"""CSV import speed and memory: validated and imported rows/s and peak memory of the import
process for files of several sizes (SPEC §11: >= 5,000 rows/s, peak memory independent of the
file size).

Each size runs in a fresh process (peak memory is per process): it writes a CSV of new workers,
runs the import service exactly as the Celery task does, prints the figures and deletes what it
imported. The 50 MB upload limit belongs to the API and is not applied here; a million worker
rows is about 120 MB.

    .venv/bin/python bench/import_rows.py --rows 100000 1000000
"""

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from common import ROOT, machine, setup_django

HEADER = [
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
    "consent",
]
STATES = ["IN-UP", "IN-BR", "IN-KL", "IN-TN", "IN-PB", "IN-RJ"]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_csv(path: Path, rows: int, letter: str) -> None:
    expiry = (date.today() + timedelta(days=5 * 365)).isoformat()
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        for i in range(rows):
            writer.writerow(
                [
                    f"Import Bench Worker {i}",
                    (date(1980, 1, 1) + timedelta(days=i % 9000)).isoformat(),
                    "MF"[i % 2],
                    f"{letter}{i:07d}",
                    expiry,
                    STATES[i % len(STATES)],
                    f"+91 98{i % 100_000_000:08d}",
                    f"worker{i}@example.org" if i % 4 == 0 else "",
                    "7112",
                    "hi",
                    "yes",
                ]
            )


def child(rows: int) -> None:
    setup_django()
    from django.core.files import File
    from django.db import connection

    from workers.imports.services import run_import
    from workers.models import Agency, Import

    agency, _ = Agency.objects.get_or_create(
        licence_number="B-9999/BENCH/IMPORT/2025",
        defaults={"name": "Import Bench Agency", "licence_valid_until": date(2030, 1, 1)},
    )
    with connection.cursor() as cursor:
        for letter in "JHGFEDCBA":
            cursor.execute(
                "SELECT 1 FROM workers_worker WHERE passport_number LIKE %s LIMIT 1", [f"{letter}%"]
            )
            if cursor.fetchone() is None:
                break
        else:
            raise SystemExit("No free passport letter left.")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "workers.csv"
        write_csv(path, rows, letter)
        size_mb = path.stat().st_size / 1024 / 1024
        with path.open("rb") as f:
            record = Import.objects.create(agency=agency, kind="workers", file=File(f, "w.csv"))
    baseline = peak_mb()
    started = time.perf_counter()
    run_import(record.pk)
    elapsed = time.perf_counter() - started
    record.refresh_from_db()
    if record.status != "done":
        raise SystemExit(f"import failed: {record.errors[:5]}")
    print(
        f"{rows:>9,} rows ({size_mb:5.1f} MB): {elapsed:6.1f} s, {rows / elapsed:7,.0f} rows/s;"
        f" peak RSS {peak_mb():6.0f} MB (before the import {baseline:4.0f} MB)"
    )
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(
            "DELETE FROM workers_worker WHERE agency_id = %s AND passport_number LIKE %s",
            [agency.pk, f"{letter}%"],
        )
        cursor.execute("SET session_replication_role = origin")
    record.file.delete(save=False)
    record.delete()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as media:
        env = {**os.environ, "MEDIA_ROOT": media}
        for rows in args.rows:
            subprocess.run(  # noqa: S603
                [sys.executable, __file__, "--child", str(rows)], cwd=ROOT, env=env, check=True
            )


if __name__ == "__main__":
    main()
