"""Export speed and memory (issue 14): a case export of 100,000 and 1,000,000 rows in CSV and
XLSX, rows/s and the process's peak memory. Not run by the test suite.

    DB_NAME=mobility_bench scripts/with-services.sh .venv/bin/python bench/exports.py

Seeds the largest size with the bench seeder (bench/seed.py, COPY; the database is emptied
first, so its name must contain "bench"), then runs each (size, format) in a fresh process, so
that each peak is its own: the process asks for `export_cases` as an official of every region,
runs the report task's body (`run_report`: the list's selector and filterset, the server-side
cursor, the writer, the move into storage) and prints rows/s, its resident memory before the
export and its peak during it. The smaller sizes read the first N rows of the same list. Memory
that does not grow from 100,000 to 1,000,000 rows is what "constant memory" means.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mobility.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    """This process image's peak resident memory. Not getrusage's ru_maxrss: it survives exec,
    so a child started by the seeding parent would report the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def export_once(rows: int, file_format: str) -> dict:
    """In this process: one export of the first `rows` cases; its figures."""
    import django

    django.setup()
    from compliance.models import Report
    from compliance.reports import exports, services
    from mobility.access import Actor, Role

    listed = exports.ListExport.rows

    def first_rows(self, actor, filters):
        return listed(self, actor, filters)[:rows]

    exports.ListExport.rows = first_rows
    actor = Actor(role=Role.OFFICIAL, side="RU")
    # Each run writes its own file: a fingerprint of its own, so nothing is reused.
    report = services.request_report(
        actor=actor, kind="export_cases", file_format=file_format, filters={}, language="en"
    )
    Report.objects.filter(pk=report.pk).update(fingerprint=f"bench-{report.pk}")
    before = rss_mb()
    started = time.perf_counter()
    services.run_report(report.pk)
    seconds = time.perf_counter() - started
    report.refresh_from_db()
    assert report.status == "finished", report.error
    size = report.file.size
    report.file.delete(save=False)
    report.delete()
    return {
        "rows": report.rows,
        "format": file_format,
        "seconds": round(seconds, 1),
        "rows_per_s": round(report.rows / seconds),
        "rss_before_mb": round(before, 1),
        "peak_mb": round(peak_mb(), 1),
        "file_mb": round(size / 1024 / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--formats", nargs="+", default=["csv", "xlsx"])
    parser.add_argument("--skip-seed", action="store_true", help="reuse the seeded data")
    parser.add_argument("--child", nargs=2, metavar=("ROWS", "FORMAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(export_once(int(args.child[0]), args.child[1])))
        return
    from sweep import _ensure_database

    _ensure_database()
    import django

    django.setup()
    from common import machine
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if not args.skip_seed:
        import seed

        started = time.perf_counter()
        counts = seed.seed(max(args.rows))
        print(f"seeded {counts} in {time.perf_counter() - started:.0f} s", flush=True)
    print(machine())
    print(
        f"{'rows':>10} {'format':>6} {'seconds':>8} {'rows/s':>8} {'RSS before':>11} "
        f"{'peak RSS':>9} {'file':>8}"
    )
    for rows in sorted(args.rows):
        for file_format in args.formats:
            child = subprocess.run(
                [sys.executable, __file__, "--child", str(rows), file_format],
                capture_output=True,
                text=True,
                check=True,
            )
            r = json.loads(child.stdout.strip().splitlines()[-1])
            print(
                f"{r['rows']:>10,} {r['format']:>6} {r['seconds']:>8} {r['rows_per_s']:>8,} "
                f"{r['rss_before_mb']:>8} MB {r['peak_mb']:>6} MB {r['file_mb']:>5} MB",
                flush=True,
            )


if __name__ == "__main__":
    main()
