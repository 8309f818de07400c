"""Benchmark of the nightly compliance sweep (SPEC §11). Not run by the test suite.

    DB_NAME=mobility_bench scripts/with-services.sh .venv/bin/python bench/sweep.py --cases 100000

Seeds N cases with COPY (default 1,000,000; 12 months of wage reports for employed ones),
runs the sweep on real Celery workers (2 processes by default), then evaluates a sample of
10,000 cases with the plain per-case reference in bench/reference_rules.py, checks that both
find the same, and prints seconds, cases/s and the throughput ratio. The database it uses is
emptied first, so its name must contain "bench".
"""

import argparse
import os
import platform
import random
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mobility.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2, help="Celery worker processes")
    parser.add_argument("--chunk-size", type=int, default=20_000)
    parser.add_argument("--skip-seed", action="store_true", help="reuse the seeded data")
    args = parser.parse_args()
    _ensure_database()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench import reference_rules, seed
    from compliance.checks import engine
    from compliance.models import Finding

    call_command("migrate", verbosity=0)
    if not args.skip_seed:
        started = time.perf_counter()
        counts = seed.seed(args.cases)
        print(f"seeded {counts} in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM workers_placement")
        cases = cursor.fetchone()[0]
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    Finding.objects.all()._raw_delete(Finding.objects.db)

    queue = f"bench-{uuid.uuid4().hex[:8]}"
    with _celery_workers(queue, args.workers):
        # The first sweep opens every finding; the second is the nightly steady state, where
        # findings are only confirmed.
        run, sweep_seconds = _timed_sweep(engine, seed.ON, queue, args.chunk_size)
        repeat, repeat_seconds = _timed_sweep(engine, seed.ON, queue, args.chunk_size)

    per_rule = _per_rule_seconds(engine, seed.ON, args.chunk_size)

    sample = random.Random(11).sample(range(1, cases + 1), min(args.sample, cases))
    started = time.perf_counter()
    expected = {pk: reference_rules.evaluate(pk, seed.ON) for pk in sample}
    reference_seconds = time.perf_counter() - started
    found = {pk: set() for pk in sample}
    for placement, code, period, severity in Finding.objects.filter(
        placement_id__in=sample, subject_key__startswith="placement:", status="open"
    ).values_list("placement_id", "rule__code", "period", "severity"):
        found[placement].add((code, period, severity))
    differing = [pk for pk in sample if found[pk] != expected[pk]]

    sweep_rate = cases / sweep_seconds
    reference_rate = len(sample) / reference_seconds
    print(f"machine: {_machine()}; PostgreSQL {postgres}")
    print(
        f"sweep: {cases:,} cases in {sweep_seconds:.1f} s = {sweep_rate:,.0f} cases/s "
        f"({args.workers} Celery processes, {run.chunks_total} chunks of {args.chunk_size:,}); "
        f"{run.findings_opened:,} findings opened"
    )
    print(
        f"reference: {len(sample):,} cases one by one in {reference_seconds:.1f} s "
        f"= {reference_rate:,.0f} cases/s"
    )
    print(
        f"repeat sweep (nothing changed): {repeat_seconds:.1f} s = "
        f"{cases / repeat_seconds:,.0f} cases/s; {repeat.findings_opened} opened, "
        f"{repeat.findings_resolved} resolved"
    )
    print(f"ratio: {sweep_rate / reference_rate:,.0f}x the reference's throughput")
    print("time per case rule over all cases, one process (the query only, findings not written):")
    for code, seconds in sorted(per_rule.items(), key=lambda item: -item[1]):
        print(f"  {code:32} {seconds:7.2f} s")
    print(f"agreement: {len(sample) - len(differing):,} of {len(sample):,} sampled cases alike")
    for pk in differing[:5]:
        print(f"  case {pk}: sweep {sorted(found[pk])} reference {sorted(expected[pk])}")
    if differing:
        sys.exit(1)


def _per_rule_seconds(engine, on, chunk_size) -> dict[str, float]:
    """Each case rule's own query over every chunk of the sweep, timed alone, and writing the
    chunk's tables that the rules over wage reports read (as the sweep does, JIT off)."""
    from django.db import connection, transaction

    from compliance.checks.rules import placement_rules
    from compliance.checks.rules.base import Context, prepare_chunk

    ctx = Context.load(on)
    ranges = engine.chunk_ranges(chunk_size)
    seconds = dict.fromkeys(["(chunk tables)"] + [d.code for d in placement_rules()], 0.0)
    for lo, hi in ranges:
        with transaction.atomic():
            connection.cursor().execute("SET LOCAL jit = off")
            started = time.perf_counter()
            prepare_chunk(lo, hi)
            seconds["(chunk tables)"] += time.perf_counter() - started
            for definition in placement_rules():
                started = time.perf_counter()
                definition.evaluate(ctx, lo, hi)
                seconds[definition.code] += time.perf_counter() - started
    return seconds


def _timed_sweep(engine, on, queue, chunk_size):
    started = time.perf_counter()
    run = engine.start_sweep(trigger="user", on=on, queue=queue, chunk_size=chunk_size)
    while run.unfinished:
        time.sleep(0.1)
        run.refresh_from_db()
    seconds = time.perf_counter() - started
    if run.status != "finished":
        sys.exit(f"the sweep {run.status}: {run.error}")
    return run, seconds


def _ensure_database() -> None:
    import environ
    import psycopg

    url = os.environ.get("DATABASE_URL", "")
    config = environ.Env.db_url_config(url)
    name = config["NAME"]
    if "bench" not in name:
        sys.exit(f"refusing to empty database {name!r}: use DB_NAME=mobility_bench")
    params = {
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')


class _celery_workers:
    """A Celery worker with N processes consuming only the benchmark's queue."""

    def __init__(self, queue: str, processes: int):
        self.queue, self.processes = queue, processes
        self.name = f"{queue}@{socket.gethostname()}"

    def __enter__(self):
        from mobility.celery import app

        env = {**os.environ, "CELERY_TASK_ALWAYS_EAGER": "0"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "mobility", "worker", "-Q", self.queue,
             "-n", self.name, "-c", str(self.processes), "--loglevel", "WARNING"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while not app.control.ping(destination=[self.name], timeout=0.5):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("the Celery worker did not start")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=60)


def _machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GB RAM, Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
