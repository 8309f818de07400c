"""Benchmark of the officials' dashboard summary (SPEC §11: p95 ≤ 250 ms over 1M cases).

    DB_NAME=mobility_bench scripts/with-services.sh .venv/bin/python bench/dashboard.py

Runs on whatever the configured database holds (seed it with bench/seed.py through
bench/sweep.py, or bench/seed_cases.py). Each round computes the summary with its cache entry
removed first, so every figure is measured as a cold read, for an unlimited official and for a
Moscow-limited one, without filters and with a sector filter. Prints p50 and p95 per variant.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import machine, setup_django  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    setup_django()

    from django.core.cache import cache

    from compliance.dashboard.selectors import DashboardFilters, summary
    from mobility.models import Official, Side
    from tests.factories import UserFactory
    from workers.models import Placement

    def official(username, regions):
        user = UserFactory(username=username)
        Official.objects.get_or_create(
            user=user, defaults={"side": Side.RUSSIA, "regions": regions}
        )
        return user

    variants = {
        "all regions, no filter": (official("bench-official", []), DashboardFilters()),
        "all regions, sector=construction": (
            official("bench-official", []),
            DashboardFilters(sector="construction"),
        ),
        "RU-MOW official, no filter": (
            official("bench-official-mow", ["RU-MOW"]),
            DashboardFilters(),
        ),
    }
    print(machine())
    print(f"cases: {Placement.objects.count():,}")
    for name, (user, filters) in variants.items():
        timings = []
        for _ in range(args.rounds):
            cache.delete(filters.cache_key(user))
            started = time.perf_counter()
            summary(user, filters)
            timings.append((time.perf_counter() - started) * 1000)
        p95 = statistics.quantiles(timings, n=20)[-1]
        print(f"{name}: p50 {statistics.median(timings):.0f} ms, p95 {p95:.0f} ms (cold)")
    cache.delete_many([f.cache_key(u) for u, f in variants.values()])


if __name__ == "__main__":
    main()
