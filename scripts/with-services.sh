#!/usr/bin/env bash
# Runs a command with DATABASE_URL, CELERY_BROKER_URL and CACHE_URL pointing at working services.
#
# Order of preference, for the database and the broker separately:
#   1. the variable as set by the caller;
#   2. the local PostgreSQL / Redis on their default ports, started when installed but stopped;
#   3. an embedded default that needs no server: PostgreSQL from the `pgserver` package under
#      var/pgdata, and Celery's SQLAlchemy transport (plus Django's database cache) on it.
# MOBILITY_SERVICES=embedded skips step 2 (to try the fallback on a machine that has servers).
# Says on stderr which one it chose.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
DB_NAME=${DB_NAME:-mobility}
say() { echo "[services] $*" >&2; }

port_open() {
  [ "${MOBILITY_SERVICES:-}" != "embedded" ] && (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_local_postgres() {
  [ "${MOBILITY_SERVICES:-}" != "embedded" ] || return 1
  command -v pg_ctlcluster >/dev/null || return 1
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  [ -n "$version" ] || return 1
  say "starting the local PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
  for _ in $(seq 1 20); do port_open 5432 && return 0; sleep 0.5; done
  return 1
}

start_local_redis() {
  [ "${MOBILITY_SERVICES:-}" != "embedded" ] || return 1
  command -v redis-server >/dev/null || return 1
  say "starting the local Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir "${TMPDIR:-/tmp}" --logfile "${TMPDIR:-/tmp}/mobility-redis.log" >/dev/null 2>&1 || true
  for _ in $(seq 1 20); do port_open 6379 && return 0; sleep 0.5; done
  return 1
}

embedded=""
if [ -z "${DATABASE_URL:-}" ]; then
  if port_open 5432 || start_local_postgres; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB_NAME"
    say "database: local PostgreSQL on 127.0.0.1:5432"
  else
    mkdir -p var
    uri=$("$PY" scripts/database.py embedded var/pgdata "$DB_NAME")
    export DATABASE_URL="$uri"
    embedded=1
    say "database: no PostgreSQL server found, using the embedded one under var/pgdata"
  fi
else
  say "database: DATABASE_URL from the environment"
fi

if [ -z "${CELERY_BROKER_URL:-}" ]; then
  if port_open 6379 || start_local_redis; then
    export CELERY_BROKER_URL="redis://127.0.0.1:6379/0"
    export CACHE_URL="${CACHE_URL:-rediscache://127.0.0.1:6379/1}"
    say "broker: local Redis on 127.0.0.1:6379"
  else
    # Celery's SQLAlchemy transport keeps the queue in tables of the same database.
    export CELERY_BROKER_URL="sqla+$("$PY" scripts/database.py sqlalchemy "$DATABASE_URL")"
    export CACHE_URL="${CACHE_URL:-dbcache://mobility_cache}"
    say "broker: no Redis found, using Celery's SQLAlchemy transport on the database"
  fi
else
  say "broker: CELERY_BROKER_URL from the environment"
fi
export MOBILITY_EMBEDDED_DB="$embedded"

exec "$@"
