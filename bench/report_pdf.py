"""Benchmark of an employer's compliance report (PDF) for an employer with thousands of
workers (issue 14: an employer with 5,000 workers, seconds).

    DB_NAME=mobility_bench scripts/with-services.sh .venv/bin/python bench/report_pdf.py

Runs on whatever the configured database holds (seed it with bench/seed.py, then run
bench/sweep.py so there are findings to write): takes the employer with the most cases, or
`--employer`, moves `--workers` cases (default 5,000) onto one of its job orders inside a
transaction that is rolled back afterwards (the seed spreads cases over 400 employers), and
writes its report for `--month` (default: this month, which holds the findings of the sweep
that seeded them) as an official of the Russian side would get it. Prints the cases, the
findings, the seconds and the size of the file; the database is left as it was.
"""

import argparse
import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import machine, setup_django  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employer", type=int)
    parser.add_argument("--month")
    parser.add_argument("--language", default="ru", choices=["ru", "en"])
    parser.add_argument("--workers", type=int, default=5000)
    args = parser.parse_args()
    setup_django()

    from django.db import transaction
    from django.db.models import Count
    from django.utils import timezone

    from compliance.models import Finding
    from compliance.reports.documents.compliance_reports import write_employer_compliance
    from employers.models import Employer
    from workers.models import Placement

    employer = (
        Employer.objects.get(pk=args.employer)
        if args.employer
        else Employer.objects.annotate(n=Count("job_orders__placements")).order_by("-n").first()
    )
    month = args.month or timezone.localdate().strftime("%Y-%m")
    filters = {
        "employer": employer.pk,
        "month": month,
        "language": args.language,
        "scope": {
            "role": "official",
            "side": "RU",
            "regions": [],
            "agency": None,
            "employer": None,
        },
    }
    with transaction.atomic():
        job_order = employer.job_orders.order_by("pk").first()
        others = Placement.objects.exclude(job_order__employer=employer).order_by("pk")
        missing = max(0, args.workers - employer.job_orders.aggregate(n=Count("placements"))["n"])
        Placement.objects.filter(pk__in=others.values("pk")[:missing]).update(job_order=job_order)
        cases = employer.job_orders.aggregate(n=Count("placements"))["n"]
        findings = Finding.objects.filter(placement__job_order__employer=employer).count()
        out = io.BytesIO()
        started = time.perf_counter()
        write_employer_compliance(filters, args.language, out, lambda _: None)
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    print(machine())
    print(
        f"employer #{employer.pk}: {cases} cases, {findings} findings (all periods), {month}: "
        f"{seconds:.1f} s, {len(out.getvalue()) / 1024:.0f} KiB"
    )


if __name__ == "__main__":
    main()
