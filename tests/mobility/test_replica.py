"""The heavy reads go to a real streaming replica; writes never do.

The module starts its own pair of PostgreSQL servers on 127.0.0.1 from the machine's
binaries (initdb, pg_ctl, pg_basebackup, postgres): a primary with `wal_level=replica`, and a
hot standby cloned from it by `pg_basebackup -R` and streaming from it. PostgreSQL refuses to
run its server as root, so when the tests run as root the server binaries run as the
`postgres` OS user (`runuser -u postgres --`) in temporary folders owned by that user; as any
other user they run as that user. Without the binaries, or as root without a `postgres`
user, the tests are skipped saying so.

The Django aliases `primary` and `replica` are added to `django.db.connections` for the
module's tests, pointed at the two servers, whose tables are created from the project's
models (no migrations: the reads and writes tried here need the tables, not the data of the
data migrations). The test database stays `default`. Starting both servers and creating the
tables takes about 5 s.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.test.utils import CaptureQueriesContext

from mobility.models import Heartbeat
from mobility.replica import REPLICA, heavy_reads

SERVER_BINARIES = ("initdb", "pg_ctl", "pg_basebackup", "postgres")
DATABASE = "mobility"
PRIMARY = "primary"
SEEN = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
LATER = datetime(2026, 12, 2, 9, 30, tzinfo=UTC)

# Transactional: a row written on the primary must be committed to reach the standby.
pytestmark = pytest.mark.django_db(transaction=True, databases=[DEFAULT_DB_ALIAS, PRIMARY, REPLICA])


def _postgres_bin() -> Path | None:
    """A folder holding all the server binaries: where those on PATH lead (Debian's
    /usr/bin wrappers hold only some), else the newest /usr/lib/postgresql/*/bin."""
    on_path = [shutil.which(name) for name in SERVER_BINARIES]
    installed = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
    )
    candidates = [Path(found).resolve().parent for found in on_path if found]
    for folder in [*candidates, *map(Path, reversed(installed))]:
        if all((folder / name).exists() for name in SERVER_BINARIES):
            return folder
    return None


def _server_user() -> list[str]:
    """The command prefix that runs a server binary as a user PostgreSQL accepts."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("Running as root and there is no 'postgres' OS user to run PostgreSQL as.")
    return ["runuser", "-u", "postgres", "--"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _connect(port: int, dbname: str = "postgres") -> psycopg.Connection:
    return psycopg.connect(
        host="127.0.0.1", port=port, user="postgres", dbname=dbname, autocommit=True
    )


def _wait(condition, what: str, seconds: float = 20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except psycopg.OperationalError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"Waited {seconds} s for {what}.")


class Servers:
    """A primary and its streaming standby, each in a folder of its own."""

    def __init__(self, bin_dir: Path, as_server: list[str], root: Path):
        self.bin_dir, self.as_server, self.root = bin_dir, as_server, root
        self.primary_port, self.standby_port = _free_port(), _free_port()
        self.primary_dir, self.standby_dir = root / "primary", root / "standby"
        self.started: list[Path] = []

    def run(self, binary: str, *args: str):
        command = [*self.as_server, str(self.bin_dir / binary), *args]
        result = subprocess.run(  # noqa: S603
            command, cwd=self.root, capture_output=True, text=True, timeout=60, check=False
        )
        if result.returncode:
            logs = "".join(path.read_text() for path in self.root.glob("*.log"))
            raise AssertionError(f"{' '.join(command)} failed:\n{result.stderr}\n{logs}")

    def start(self, data_dir: Path):
        self.run("pg_ctl", "-D", str(data_dir), "-l", str(data_dir) + ".log", "-w", "start")
        self.started.append(data_dir)

    def start_primary(self):
        self.run(
            "initdb",
            "-D",
            str(self.primary_dir),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C",
        )
        with (self.primary_dir / "postgresql.conf").open("a") as conf:
            conf.write(
                "listen_addresses = '127.0.0.1'\n"
                f"port = {self.primary_port}\n"
                f"unix_socket_directories = '{self.root}'\n"
                "wal_level = replica\n"
                "max_wal_senders = 4\n"
                "hot_standby = on\n"
                # A scratch server: durability would only cost the test time.
                "fsync = off\n"
                "full_page_writes = off\n"
            )
        with (self.primary_dir / "pg_hba.conf").open("a") as hba:
            hba.write("host replication postgres 127.0.0.1/32 trust\n")
        self.start(self.primary_dir)

    def start_standby(self):
        self.run(
            "pg_basebackup",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.primary_port),
            "-U",
            "postgres",
            "-D",
            str(self.standby_dir),
            "-R",
            "-X",
            "stream",
            "-c",
            "fast",
            "--no-sync",
        )
        with (self.standby_dir / "postgresql.conf").open("a") as conf:
            conf.write(f"port = {self.standby_port}\n")
        self.start(self.standby_dir)

        def in_recovery():
            with _connect(self.standby_port) as standby:
                return standby.execute("SELECT pg_is_in_recovery()").fetchone()[0]

        _wait(in_recovery, "the standby to accept connections in recovery")

    def stop(self):
        for data_dir in reversed(self.started):
            subprocess.run(  # noqa: S603
                [
                    *self.as_server,
                    str(self.bin_dir / "pg_ctl"),
                    "-D",
                    str(data_dir),
                    "-m",
                    "fast",
                    "-w",
                    "stop",
                ],
                cwd=self.root,
                capture_output=True,
                timeout=60,
                check=False,
            )

    def wait_for_replay(self):
        """Until the standby has replayed everything the primary has written so far."""
        with _connect(self.primary_port) as primary:
            lsn = primary.execute("SELECT pg_current_wal_lsn()").fetchone()[0]

        def replayed():
            with _connect(self.standby_port) as standby:
                row = standby.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [lsn])
                return row.fetchone()[0]

        _wait(replayed, f"the standby to replay up to {lsn}")


@pytest.fixture(scope="module")
def servers(django_db_setup):
    """Started after the test database exists, so that its set-up never meets the aliases
    below."""
    bin_dir = _postgres_bin()
    if bin_dir is None:
        pytest.skip(
            "No PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup, postgres) on PATH "
            "or in /usr/lib/postgresql/*/bin: the streaming-replica tests need them to start "
            "a primary and a standby."
        )
    as_server = _server_user()
    root = Path(tempfile.mkdtemp(prefix="mobility-replica-"))
    if as_server:
        shutil.chown(root, "postgres", "postgres")
    pair = Servers(bin_dir, as_server, root)
    try:
        pair.start_primary()
        pair.start_standby()
        with _connect(pair.primary_port) as primary:
            primary.execute(f"CREATE DATABASE {DATABASE}")
        yield pair
    finally:
        pair.stop()
        shutil.rmtree(root, ignore_errors=True)


def _settings(port: int, mirror: str) -> dict:
    own = {"NAME": DATABASE, "USER": "postgres", "PASSWORD": "", "HOST": "127.0.0.1"}
    return {
        **connections.settings[DEFAULT_DB_ALIAS],
        **own,
        "PORT": str(port),
        "OPTIONS": {},
        "CONN_MAX_AGE": 0,
        "TEST": {"MIRROR": mirror, "NAME": None, "CHARSET": None, "COLLATION": None},
    }


@pytest.fixture(scope="module")
def replica_configured(servers, django_db_blocker):
    """`primary` and `replica` as Django aliases of the two servers, as if
    DATABASE_REPLICA_URL named the standby, with the project's tables created on the primary
    and streamed to the standby; the test database stays `default`. Module-scoped, so the
    aliases exist before pytest-django's test case checks the databases a test may use."""
    saved = (
        (connections.settings[REPLICA], connections[REPLICA]) if REPLICA in connections else None
    )
    # Both as mirrors, which a test case does not flush: the standby refuses to, and the
    # primary's rows are the test's own.
    connections.settings[PRIMARY] = _settings(servers.primary_port, mirror=DEFAULT_DB_ALIAS)
    connections.settings[REPLICA] = _settings(servers.standby_port, mirror=PRIMARY)
    if saved:
        del connections[REPLICA]
    try:
        with django_db_blocker.unblock():
            with connections[PRIMARY].schema_editor() as editor:
                for model in apps.get_models():
                    if model._meta.managed and not model._meta.proxy:
                        editor.create_model(model)
            servers.wait_for_replay()
            yield servers
    finally:
        for alias in (PRIMARY, REPLICA):
            connections[alias].close()
            del connections[alias]
            del connections.settings[alias]
        if saved:
            connections.settings[REPLICA], connections[REPLICA] = saved


def _in_recovery(alias: str) -> bool:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        return cursor.fetchone()[0]


def test_a_row_written_on_the_primary_is_read_through_the_replica(replica_configured):
    Heartbeat.objects.using(PRIMARY).create(name="sweep", seen_at=SEEN)
    replica_configured.wait_for_replay()
    assert heavy_reads() == REPLICA
    assert _in_recovery(REPLICA)
    assert not _in_recovery(PRIMARY)
    assert Heartbeat.objects.using(heavy_reads()).get(name="sweep").seen_at == SEEN


def test_the_dashboard_counts_on_the_standby(replica_configured, api, world):
    """Every aggregate of the summary runs on the standby; `default` answers only who the
    reader is."""
    cache.clear()
    with (
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
        CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as on_default,
    ):
        response = api.as_user(world.official).get("/api/v1/dashboard/summary/")
    cache.clear()
    assert response.status_code == 200
    body = response.json()
    # The standby holds no cases, whatever the test database holds.
    assert body["employed"] == 0
    assert body["agencies"] == []
    assert _in_recovery(REPLICA)
    counted_on_replica = [q["sql"] for q in on_replica.captured_queries if "COUNT(" in q["sql"]]
    assert len(counted_on_replica) >= 10
    assert [q["sql"] for q in on_default.captured_queries if "COUNT(" in q["sql"]] == []


def test_a_write_to_the_replica_is_refused_and_ordinary_writes_stay_on_default(
    replica_configured,
):
    with pytest.raises(DatabaseError, match="read-only transaction"):
        Heartbeat.objects.using(REPLICA).create(name="refused", seen_at=SEEN)

    Heartbeat.objects.using(PRIMARY).create(name="import", seen_at=SEEN)
    replica_configured.wait_for_replay()
    beat = Heartbeat.objects.using(heavy_reads()).get(name="import")
    # Saved without naming a database, a row read from the replica goes to `default`, never
    # back to the standby it came from.
    beat.seen_at = LATER
    beat.save()
    assert beat._state.db == DEFAULT_DB_ALIAS
    assert Heartbeat.objects.get(name="import").seen_at == LATER
    assert Heartbeat.objects.using(REPLICA).get(name="import").seen_at == SEEN
    assert not Heartbeat.objects.using(REPLICA).filter(name="refused").exists()
