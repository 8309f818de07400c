"""Start a real Celery worker process against the configured broker and the test database."""

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

from mobility.celery import app as celery_app

ROOT = Path(__file__).resolve().parents[1]


def database_url() -> str:
    """The test database, for processes the tests start."""
    db = connection.settings_dict
    host = db["HOST"] or db["OPTIONS"].get("host", "")
    if host.startswith("/"):
        return f"postgres://{db['USER']}@/{db['NAME']}?host={host}"
    return f"postgres://{db['USER']}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


@contextlib.contextmanager
def running_worker(queue: str, broker: str | None = None):
    """A worker consuming only `queue`, so a developer's own worker never takes the test's
    tasks; `broker` is a private one a fault test stops and starts."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": broker or settings.CELERY_BROKER_URL,
        "CELERY_TASK_ALWAYS_EAGER": "0",
    }
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "mobility",
            "worker",
            "-Q",
            queue,
            "--pool",
            "solo",
            "--without-heartbeat",
            "--without-mingle",
            "--without-gossip",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env=env,
    )
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    try:
        yield process
    finally:
        celery_app.conf.task_always_eager = eager
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_for(predicate, timeout: float = 60.0, every: float = 0.25):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(every)
    return predicate()
