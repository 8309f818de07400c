"""Private Redis and PostgreSQL servers the fault tests stop and start: never the shared ones.

Each listens on a free port of its own, keeps its data in a temporary folder, and is killed
and removed when the test ends, whatever happened.
"""

import contextlib
import glob
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import redis

from mobility.celery import app as celery_app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until(ready, what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} did not come up within {timeout:.0f} s")


def _stop(process: subprocess.Popen | None) -> None:
    if process is not None and process.poll() is None:
        process.kill()
        process.wait(timeout=10)


class PrivateRedis:
    """A redis-server without persistence: killed, it comes back empty, as a crashed broker
    without an append-only file would."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        binary = shutil.which("redis-server") or pytest.skip("redis-server is not installed")
        self.process = subprocess.Popen(  # noqa: S603
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
        )
        _wait_until(self._answers, "the private Redis")

    def _answers(self) -> bool:
        try:
            return redis.Redis(port=self.port, socket_connect_timeout=0.5).ping()
        except redis.RedisError:
            return False

    def kill(self) -> None:
        _stop(self.process)

    def queued(self, queue: str = "celery") -> int:
        return redis.Redis(port=self.port).llen(queue)


@contextlib.contextmanager
def private_redis():
    with tempfile.TemporaryDirectory(prefix="mobility-fault-redis-") as folder:
        server = PrivateRedis(Path(folder))
        server.start()
        try:
            yield server
        finally:
            server.kill()


@contextlib.contextmanager
def publishing_to(url: str):
    """This process sends its tasks to `url` instead of running them eagerly (the variable
    wins over Celery's own setting)."""
    saved = (
        os.environ.get("CELERY_BROKER_URL"),
        celery_app.conf.broker_url,
        celery_app.conf.task_always_eager,
    )
    os.environ["CELERY_BROKER_URL"] = url
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = url, False
    _forget_connections()
    try:
        yield
    finally:
        variable, celery_app.conf.broker_url, celery_app.conf.task_always_eager = saved
        if variable is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = variable
        _forget_connections()


def _forget_connections() -> None:
    # kombu keeps a pool per broker address: the next task takes the one of the new address.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def postgres_binaries() -> Path:
    """The machine's PostgreSQL programs (initdb, pg_ctl, postgres), else those pgserver
    brings along (the fallback of `make test` on a machine without PostgreSQL)."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.insert(0, str(Path(on_path).parent))
    bundled = importlib.util.find_spec("pgserver")
    if bundled is not None and bundled.origin:
        candidates.append(str(Path(bundled.origin).parent / "pginstall" / "bin"))
    for folder in candidates:
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    pytest.skip("no PostgreSQL server programs (initdb, pg_ctl) on this machine")


class PrivateCluster:
    """A PostgreSQL cluster of its own; as root, its programs run as the postgres user, since
    PostgreSQL refuses to run as root."""

    def __init__(self, folder: Path) -> None:
        self.bin = postgres_binaries()
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"
        self.as_user = {}
        if os.geteuid() == 0:
            self.as_user = {"user": "postgres", "group": "postgres"}
            shutil.chown(folder, "postgres", "postgres")

    def _run(self, *args: str, timeout: float = 60) -> None:
        subprocess.run(  # noqa: S603
            [str(self.bin / args[0]), *args[1:]],
            check=True,
            capture_output=True,
            timeout=timeout,
            **self.as_user,
        )

    def init(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= "
            "-c fsync=off -c max_connections=50"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            "start",
        )

    def stop(self) -> None:
        """A fast shutdown: sessions are ended, as when the server restarts or fails over."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def kill(self) -> None:
        pid_file = self.data / "postmaster.pid"
        if pid_file.exists():
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int(pid_file.read_text().split()[0]), signal.SIGKILL)


@contextlib.contextmanager
def private_postgres():
    folder = Path(tempfile.mkdtemp(prefix="mobility-fault-pg-"))
    cluster = PrivateCluster(folder)
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        with contextlib.suppress(Exception):
            cluster.stop()
        cluster.kill()
        shutil.rmtree(folder, ignore_errors=True)
