"""The officials' dashboard counts only what its reader may open, and every filter narrows it."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from compliance.models import Finding
from compliance.rulebook.models import Rule
from mobility.models import Side
from tests.factories import (
    AgencyFactory,
    EmployerFactory,
    JobOrderFactory,
    PlacementFactory,
    agency_user,
    employer_user,
    official_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def employed_case(region="RU-MOW", sector="construction", agency=None, **kwargs):
    employer = EmployerFactory(region=region, sector=sector)
    job_order = JobOrderFactory(employer=employer)
    extra = {"worker__agency": agency} if agency else {}
    return PlacementFactory(job_order=job_order, status="employed", **extra, **kwargs)


def open_finding(placement, code="WAGE_UNDERPAID", severity="breach"):
    now = timezone.now()
    return Finding.objects.create(
        rule=Rule.objects.get(code=code),
        subject_key=f"placement:{placement.pk}",
        placement=placement,
        period="2025-10",
        severity=severity,
        evidence={},
        first_detected_at=now,
        last_detected_at=now,
        due_at=now,
    )


def test_official_sees_every_tile(api):
    moscow = employed_case()
    open_finding(moscow)
    PlacementFactory(status="submitted")
    body = api.as_user(official_user()).get("/api/v1/dashboard/summary/").json()
    assert body["employed"] == 1
    assert body["cases_by_stage"]["submitted"] == 1
    assert body["open_findings_by_severity"]["breach"] == 1
    assert body["compliance_rate_by_category"]["wages"] == 0.0
    assert body["compliance_rate_by_category"]["safety"] == 100.0
    assert body["pact_target"] == 70000
    assert body["top_employers_by_open_breaches"][0]["open_breaches"] == 1


def test_region_limited_official_counts_only_their_regions(api):
    open_finding(employed_case(region="RU-MOW"))
    open_finding(employed_case(region="RU-SPE"))
    employed_case(region="RU-SPE")
    body = (
        api.as_user(official_user(Side.RUSSIA, ["RU-MOW"])).get("/api/v1/dashboard/summary/").json()
    )
    assert body["employed"] == 1
    assert body["open_findings_by_severity"]["breach"] == 1
    assert [row["key"] for row in body["cases_by_region"]] == ["RU-MOW"]


def test_filters_narrow_every_figure(api):
    agency = AgencyFactory()
    open_finding(employed_case(sector="textiles", agency=agency))
    open_finding(employed_case(sector="construction"))
    client = api.as_user(official_user())
    by_sector = client.get("/api/v1/dashboard/summary/?sector=textiles").json()
    assert by_sector["employed"] == 1
    assert by_sector["open_findings_by_severity"]["breach"] == 1
    assert by_sector["cases_by_sector"] == [{"key": "textiles", "count": 1}]
    by_agency = client.get(f"/api/v1/dashboard/summary/?agency={agency.pk}").json()
    assert [row["agency"] for row in by_agency["agencies"]] == [agency.pk]
    assert by_agency["agencies"][0]["open_findings"] == 1


@pytest.mark.parametrize(
    "query",
    [
        "sector=mining",
        "region=XX",
        "period_from=2026-02-30",
        "agency=-1",
        "employer=abc",
        "period_from=2026-03-01&period_to=2026-01-01",
    ],
)
def test_bad_filters_are_a_clear_400(api, query):
    response = api.as_user(official_user()).get(f"/api/v1/dashboard/summary/?{query}")
    assert response.status_code == 400
    assert response.json()


def test_only_officials_see_the_dashboard(api, client):
    for user in (agency_user(), employer_user()):
        assert api.as_user(user).get("/api/v1/dashboard/summary/").status_code == 403
        client.force_login(user)
        assert client.get("/officials/dashboard/").status_code == 404
    client.logout()
    assert client.get("/officials/dashboard/").status_code == 302


def page_queries(client) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/officials/dashboard/")
    assert response.status_code == 200
    assert b"chart-findings-per-month" in response.content
    return len(queries)


def test_dashboard_page_queries_do_not_grow_with_data(client):
    client.force_login(official_user())
    open_finding(employed_case())
    few = page_queries(client)
    for _ in range(15):
        open_finding(employed_case(region="RU-SPE", sector="textiles"), severity="critical")
    # The ceiling leaves room for the embedded setup, whose database cache costs queries too.
    assert page_queries(client) == few <= 26


def test_agency_table_exports_as_csv(client):
    agency = AgencyFactory(name="Export Test Agency")
    employed_case(agency=agency)
    client.force_login(official_user())
    response = client.get("/officials/dashboard/export/agencies.csv")
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "agency,name,status,cases,employed,open_findings"
    assert lines[1] == f"{agency.pk},Export Test Agency,active,1,1,0"
    assert client.get("/officials/dashboard/export/passwords.csv").status_code == 404
