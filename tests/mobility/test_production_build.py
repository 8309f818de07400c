"""The Dockerfile's collectstatic step, then pages served with what it collected, with the
production settings in processes of their own: a vendored file naming a missing source map,
or a template naming a static file that is not collected, fails here instead of in the image
build or as a 500 on every page of a DEBUG=0 server."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mobility.healthcheck import host_to_ask
from tests.celery_worker import database_url

ROOT = Path(__file__).resolve().parents[2]
HOST = "mobility.example.org"
HASHED = re.compile(r'(?:src|href)="(/static/[\w/.-]+\.[0-9a-f]{12}\.(?:css|js))"')

# Runs in the production process: every page and every static file it references, through
# the whole middleware stack (WhiteNoise serves the collected files).
RENDER = """
import json
import re
import django

django.setup()
from django.test import Client

client = Client(HTTP_HOST=%(host)r)
pages = {}
for path in ("/", "/status/"):
    response = client.get(path, secure=True)
    html = response.content.decode()
    assets = {
        url: client.get(url, secure=True).status_code
        for url in re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    }
    pages[path] = {"status": response.status_code, "html": html, "assets": assets}
print(json.dumps(pages))
"""


def production(args: list[str], static_root: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mobility.settings",
        "DEBUG": "0",
        "SECRET_KEY": "collectstatic-and-render-only",
        "ALLOWED_HOSTS": HOST,
        "STATIC_ROOT": str(static_root),
        "DATABASE_URL": database_url(),
        "CACHE_URL": "locmemcache://",
    }
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.mark.production_build
@pytest.mark.django_db
def test_collected_static_files_serve_the_pages_with_production_settings(tmp_path):
    static_root = tmp_path / "staticfiles"
    production(["manage.py", "collectstatic", "--no-input", "-v0"], static_root)
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    assert "vendor/chart.umd.min.js" in manifest

    pages = json.loads(production(["-c", RENDER % {"host": HOST}], static_root).stdout)

    for path, page in pages.items():
        assert page["status"] == 200, path
        hashed = HASHED.findall(page["html"])
        assert f"/static/{manifest['css/mobility.css']}" in hashed, path
        assert f"/static/{manifest['vendor/htmx.min.js']}" in hashed, path
        assert page["assets"] and set(page["assets"]) == set(hashed), path
        assert set(page["assets"].values()) == {200}, page["assets"]


@pytest.mark.parametrize(
    "allowed_hosts, host",
    [
        ([HOST], HOST),
        ([HOST, "localhost"], HOST),
        ([".example.org"], "example.org"),
        (["*"], "localhost"),
    ],
)
def test_the_container_healthcheck_asks_as_a_name_django_serves(allowed_hosts, host):
    assert host_to_ask(allowed_hosts) == host
