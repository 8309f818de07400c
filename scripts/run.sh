#!/usr/bin/env bash
# `make run` after scripts/with-services.sh chose the services: prepare and start everything.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DEBUG="${DEBUG:-1}"
PORT="${PORT:-8000}"

"$PY" scripts/database.py create
"$PY" manage.py migrate --no-input -v0
"$PY" manage.py createcachetable
if command -v msgfmt >/dev/null; then
  "$PY" manage.py compilemessages --ignore=.venv -v0
else
  echo "[run] gettext is not installed: using the compiled translations in locale/"
fi
"$PY" manage.py seed_demo --force

cat <<MSG

  Mobility is starting on  http://127.0.0.1:$PORT/
  API docs:                http://127.0.0.1:$PORT/api/docs/
  Health:                  http://127.0.0.1:$PORT/health/
  Demo logins (password demo-pass): agency-a, agency-b, employer-a, employer-b,
    official-in, official-ru, official-ru-mow, admin

MSG
export PORT
exec .venv/bin/honcho start -f Procfile.dev
