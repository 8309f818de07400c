"""Without DATABASE_REPLICA_URL everything reads `default`; with it, a `replica` alias appears.

The streaming replica itself is tried in test_replica.py."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.test.utils import CaptureQueriesContext

from mobility.replica import heavy_reads
from tests.factories import FindingFactory
from tests.world import S

SHOW_DATABASES = (
    "from django.conf import settings; import json; "
    "print(json.dumps({'databases': settings.DATABASES, 'routers': settings.DATABASE_ROUTERS}))"
)


def _settings_with(**variables) -> dict:
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_REPLICA_URL"}
    environment |= {"DJANGO_SETTINGS_MODULE": "mobility.settings", "SECRET_KEY": "x", **variables}
    result = subprocess.run(
        [sys.executable, "-c", SHOW_DATABASES],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)


def test_without_a_replica_url_there_is_only_the_primary():
    assert list(_settings_with()["databases"]) == ["default"]


def test_a_replica_url_adds_a_replica_that_tests_take_as_the_test_database():
    shown = _settings_with(DATABASE_REPLICA_URL="postgres://reader:secret@standby:5433/mobility")
    replica = shown["databases"]["replica"]
    assert (replica["HOST"], replica["PORT"], replica["NAME"], replica["USER"]) == (
        "standby",
        5433,
        "mobility",
        "reader",
    )
    assert replica["TEST"] == {"MIRROR": "default"}
    assert shown["routers"] == ["mobility.replica.PrimaryRouter"]


@pytest.mark.skipif(
    "replica" in settings.DATABASES, reason="DATABASE_REPLICA_URL is set for this test run."
)
@pytest.mark.django_db
def test_without_a_replica_the_dashboard_reads_and_counts_on_default(api, world):
    cache.clear()
    FindingFactory(
        code="WAGE_UNDERPAID", placement=world.case(S.EMPLOYED), period="2025-10", severity="breach"
    )
    world.case(S.SUBMITTED)
    assert heavy_reads() == DEFAULT_DB_ALIAS
    with CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as on_default:
        body = api.as_user(world.official).get("/api/v1/dashboard/summary/").json()
    cache.clear()
    assert body["employed"] == 1
    assert body["cases_by_stage"]["submitted"] == 1
    assert body["open_findings_by_severity"]["breach"] == 1
    assert body["compliance_rate_by_category"]["wages"] == 0.0
    assert body["top_employers_by_open_breaches"][0]["open_breaches"] == 1
    assert len([q for q in on_default.captured_queries if "COUNT(" in q["sql"]]) >= 10
