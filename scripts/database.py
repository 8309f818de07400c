"""Database helpers for the Makefile (plain Python, no Django needed).

database.py embedded DIR NAME   start (or reuse) the pgserver PostgreSQL under DIR, make sure
                                database NAME exists, print its URL
database.py create              make sure the database of $DATABASE_URL exists
database.py sqlalchemy URL      print URL in SQLAlchemy's psycopg 3 form (for Celery's transport)
"""

import os
import sys
import warnings
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql


def _connect_kwargs(url: str) -> tuple[dict, str]:
    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "postgres"
    query = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p)
    kwargs = {
        "host": query.get("host") or parts.hostname or "127.0.0.1",
        "port": parts.port or 5432,
        "user": parts.username or "postgres",
        "password": parts.password or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    return kwargs, name


def create(url: str) -> None:
    kwargs, name = _connect_kwargs(url)
    with psycopg.connect(**kwargs) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def embedded(directory: str, name: str) -> str:
    # platformdirs warns about XDG_RUNTIME_DIR on headless machines; it is harmless here.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    import pgserver

    os.makedirs(os.path.dirname(os.path.abspath(directory)), exist_ok=True)
    # cleanup_mode=None keeps the server running after this helper exits.
    server = pgserver.get_server(directory, cleanup_mode=None)
    url = server.get_uri(name)
    create(url)
    return url


def sqlalchemy(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(scheme="postgresql+psycopg"))


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "embedded":
        print(embedded(*args))
    elif command == "create":
        create(os.environ["DATABASE_URL"])
    elif command == "sqlalchemy":
        print(sqlalchemy(*args))
    else:
        sys.exit(__doc__)
