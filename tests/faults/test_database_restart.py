"""PostgreSQL stopped and started under a bounded load, on a private cluster the test starts
from the machine's PostgreSQL programs (never the shared server): gunicorn serves the app
against it while a few threads read and write through the API and ask /health/. While the
database is down every answer is a 503 in JSON with Retry-After; once it is back no request
fails; and every worker the API acknowledged with a 201 is there."""

import contextlib
import json
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest

from tests import figures
from tests.celery_worker import wait_for
from tests.faults.servers import free_port, private_postgres
from tests.workers.import_files import expiry

pytestmark = pytest.mark.faults
ROOT = Path(__file__).resolve().parents[2]
THREADS = 3
# Requests per phase, counted across the threads: before, while down, after.
PER_PHASE = 45
SETUP = """
from rest_framework.authtoken.models import Token
from tests import factories
user = factories.agency_user(username="fault-agency")
print(Token.objects.create(user=user).key)
"""


@dataclass
class Load:
    base: str
    token: str
    phase: str = "before"
    stop: bool = False
    answers: list = field(default_factory=list)
    created: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, phase: str) -> int:
        with self.lock:
            return sum(1 for started, *_ in self.answers if started == phase)

    def ask(self, method: str, path: str, body: dict | None = None):
        headers = {"Accept": "application/json"}
        if path.startswith("/api/"):
            headers["Authorization"] = f"Token {self.token}"
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(  # noqa: S310 (the test's own http:// server)
            self.base + path, data, headers, method=method
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def run(self, number: int) -> None:
        sent = 0
        while not self.stop:
            sent += 1
            passport = f"W{number}{sent:06d}"
            for method, path, body in (
                ("GET", "/health/", None),
                ("GET", "/api/v1/workers/?page_size=5", None),
                ("POST", "/api/v1/workers/", _worker(passport)),
            ):
                started = self.phase
                try:
                    status, headers, content = self.ask(method, path, body)
                except OSError as error:  # the server itself gone: a failed request too
                    status, headers, content = 0, {}, repr(error).encode()
                with self.lock:
                    self.answers.append(
                        (started, self.phase, method, path, status, headers, content)
                    )
                    if status == 201:
                        self.created.append(passport)


def _worker(passport: str) -> dict:
    return {
        "full_name": "Load Test Worker",
        "date_of_birth": "1993-04-21",
        "sex": "M",
        "passport_number": passport,
        "passport_expiry": expiry(),
        "state_of_origin": "IN-UP",
        "phone": "+91 98765 43210",
        "occupation": "7112",
        "preferred_language": "hi",
        "consent": True,
    }


def _manage(env: dict, *args: str) -> str:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@contextlib.contextmanager
def _gunicorn(env: dict, port: int):
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "mobility.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _up(base: str) -> bool:
    with (
        contextlib.suppress(OSError),
        urllib.request.urlopen(base + "/health/", timeout=5) as response,  # noqa: S310
    ):
        return response.status == 200
    return False


def _is_unavailable(path: str, status: int, headers, content: bytes) -> bool:
    """A 503 in JSON with Retry-After; /health/ names the database as what is down."""
    with contextlib.suppress(ValueError):
        data = json.loads(content)
        said = data.get("database") == "unreachable" if path == "/health/" else "detail" in data
        return status == 503 and bool(headers.get("Retry-After")) and said
    return False


@pytest.mark.django_db
def test_the_api_answers_503_while_postgresql_is_down_and_loses_nothing_it_acknowledged():
    with private_postgres() as cluster:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DATABASE_URL": cluster.url,
            "CACHE_URL": "locmemcache://",
            "CELERY_TASK_ALWAYS_EAGER": "0",
        }
        _manage(env, "migrate", "--no-input", "-v0")
        token = _manage(env, "shell", "-c", SETUP).strip().splitlines()[-1]
        port = free_port()
        load = Load(base=f"http://127.0.0.1:{port}", token=token)
        with _gunicorn(env, port) as server:
            assert wait_for(lambda: _up(load.base) or server.poll() is not None, timeout=60)
            assert server.poll() is None, "gunicorn did not start"
            threads = [threading.Thread(target=load.run, args=(n,)) for n in range(THREADS)]
            for thread in threads:
                thread.start()
            try:
                wait_for(lambda: load.count("before") >= PER_PHASE, timeout=60)
                load.phase = "stopping"
                cluster.stop()
                load.phase = "down"
                figures.add("faults", "faults injected")
                wait_for(lambda: load.count("down") >= PER_PHASE, timeout=60)
                load.phase = "starting"
                cluster.start()
                load.phase = "after"
                wait_for(lambda: load.count("after") >= PER_PHASE, timeout=60)
            finally:
                load.stop = True
                for thread in threads:
                    thread.join(timeout=60)

        def answered(started=None, ended=None):
            return [
                a
                for a in load.answers
                if (started is None or a[0] == started) and (ended is None or a[1] == ended)
            ]

        assert not [a for a in load.answers if a[4] >= 500 and a[4] != 503], "a 5xx besides 503"
        # Asked and answered while the database was down: a 503 the client may retry.
        down = answered("down", "down")
        figures.add("faults", "requests during outage", len(down))
        assert down and all(_is_unavailable(*a[3:]) for a in down), {a[4] for a in down}
        assert {a[3] for a in down} >= {"/health/", "/api/v1/workers/"}
        after = answered("after")
        failed = [(*a[2:5], a[6][:300]) for a in after if a[4] not in (200, 201)]
        figures.add("faults", "failed requests after recovery", len(failed))
        assert len(after) >= PER_PHASE and failed == []
        before = [a[2:5] for a in answered("before", "before") if a[4] not in (200, 201)]
        assert before == []

        with psycopg.connect(cluster.url.replace("postgres://", "postgresql://")) as db:
            stored = {
                row[0]
                for row in db.execute(
                    "SELECT passport_number FROM workers_worker WHERE passport_number = ANY(%s)",
                    [load.created],
                )
            }
        lost = set(load.created) - stored
        figures.add("faults", "acknowledged writes lost", len(lost))
        assert load.created and not lost
