"""Requests/s of the public status lookup against a bare Django view doing the same indexed
query, under concurrent load, in the same run and on the same gunicorn (SPEC §11: ratio >= 0.7).

Starts gunicorn on 127.0.0.1 only with bench/settings.py, samples case references and dates of
birth from the configured database (seed it first with bench/seed_cases.py), then alternates
rounds of a bounded number of requests against each view and prints both rates and the ratio.
The rate limits stay switched on but are raised so that they count without refusing.

    .venv/bin/python bench/status_lookup.py --requests 4000 --concurrency 8
"""

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Pool

from common import ROOT, machine, setup_django

API = "/api/v1/status/lookup/"
BARE = "/bench/bare-lookup/"


def sample_pairs(count: int) -> list[tuple[str, str]]:
    """`count` (reference, date of birth) pairs drawn uniformly from every case: each row is
    kept with the same chance (BERNOULLI, about four times as many as needed), then shuffled,
    so the sample is not the first pages of the table. Only references the lookup accepts."""
    setup_django()
    from django.db import connection

    from workers.placements.references import normalise

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM workers_placement")
        cases = cursor.fetchone()[0]
        percent = min(100.0, 100.0 * 4 * count / max(cases, 1))
        cursor.execute(
            "SELECT p.reference, w.date_of_birth::text"
            " FROM workers_placement p TABLESAMPLE BERNOULLI (%s)"
            " JOIN workers_worker w ON w.id = p.worker_id"
            " WHERE w.date_of_birth IS NOT NULL ORDER BY random() LIMIT %s",
            [percent, count],
        )
        pairs = [(ref, born) for ref, born in cursor.fetchall() if normalise(ref) == ref]
    connection.close()
    if not pairs:
        raise SystemExit(
            "No case with a reference the lookup accepts: seed with bench/seed_cases.py or "
            "bench/seed.py first."
        )
    return pairs


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port: int, workers: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-not-secret"),
        "STATUS_RATE_PER_IP": "100000000/min",
        "STATUS_RATE_PER_REFERENCE": "100000000/min",
        "SECURE_SSL_REDIRECT": "0",
    }
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "mobility.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "gthread",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("gunicorn did not start")


def split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def _client_run(args) -> tuple[int, int]:
    """One client process: `threads` keep-alive connections sharing `requests` requests."""
    port, path, pairs, requests, threads = args
    per_thread = [
        requests // threads + (1 if i < requests % threads else 0) for i in range(threads)
    ]

    def run(count: int) -> tuple[int, int]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        ok = failed = 0
        rng = random.Random()
        for _ in range(count):
            reference, born = rng.choice(pairs)
            body = json.dumps({"reference": reference, "date_of_birth": born})
            connection.request("POST", path, body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            if response.status == 200:
                ok += 1
            else:
                failed += 1
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        connection.close()
        return ok, failed

    with ThreadPoolExecutor(threads) as executor:
        results = list(executor.map(run, per_thread))
    return sum(r[0] for r in results), sum(r[1] for r in results)


def measure(pool, port, path, pairs, requests, processes, threads) -> float:
    share = [
        requests // processes + (1 if i < requests % processes else 0) for i in range(processes)
    ]
    started = time.perf_counter()
    results = pool.map(_client_run, [(port, path, pairs, n, threads) for n in share])
    elapsed = time.perf_counter() - started
    failed = sum(r[1] for r in results)
    if failed:
        raise SystemExit(f"{failed} of {requests} requests to {path} did not answer 200")
    return requests / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000, help="per round and view")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn processes")
    args = parser.parse_args()
    pairs = sample_pairs(2000)
    port = free_port()
    server = start_gunicorn(port, args.workers)
    processes = 2
    threads = max(1, args.concurrency // processes)
    rates = {API: [], BARE: []}
    try:
        with Pool(processes) as pool:
            for path in (BARE, API):  # warm-up: connections, caches, imports
                measure(pool, port, path, pairs, 200, processes, threads)
            # Short rounds, alternating which view goes first, so that load from elsewhere on
            # the machine falls on both views alike; each round gives one ratio.
            for round_number in range(args.rounds):
                order = (BARE, API) if round_number % 2 == 0 else (API, BARE)
                for path in order:
                    rate = measure(pool, port, path, pairs, args.requests, processes, threads)
                    rates[path].append(rate)
    finally:
        server.terminate()
        server.wait(timeout=20)
    ratios = sorted(api / bare for api, bare in zip(rates[API], rates[BARE], strict=True))
    print(f"machine: {machine()}")
    print(
        f"gunicorn: {args.workers} gthread workers x 4 threads; clients: {processes} processes x"
        f" {threads} keep-alive connections; {args.rounds} rounds x {args.requests} requests each"
    )
    for label, path in (("bare view:    ", BARE), ("status lookup:", API)):
        rounds = ", ".join(f"{rate:.0f}" for rate in rates[path])
        print(f"{label} {statistics.median(rates[path]):8.0f} requests/s median (rounds: {rounds})")
    print(
        f"ratio: {statistics.median(ratios):.2f} median of {len(ratios)} rounds"
        f" (min {ratios[0]:.2f}, max {ratios[-1]:.2f}; target >= 0.70)"
    )


if __name__ == "__main__":
    main()
