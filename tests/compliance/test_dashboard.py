"""The officials' dashboard counts only what its reader may open, and every filter narrows it."""

import pytest
from django.core.cache import cache

from compliance.models import Report
from tests.compliance.reports_helpers import export_from_page
from tests.factories import FindingFactory, PlacementFactory, today
from tests.queries import max_queries
from tests.world import S

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def open_finding(placement, code="WAGE_UNDERPAID", severity="breach"):
    return FindingFactory(code=code, placement=placement, period="2025-10", severity=severity)


def test_official_sees_every_tile(api, world):
    open_finding(world.case(S.EMPLOYED))
    world.case(S.SUBMITTED)
    body = api.as_user(world.official).get("/api/v1/dashboard/summary/").json()
    assert body["employed"] == 1
    assert body["cases_by_stage"]["submitted"] == 1
    assert body["open_findings_by_severity"]["breach"] == 1
    assert body["compliance_rate_by_category"]["wages"] == 0.0
    assert body["compliance_rate_by_category"]["safety"] == 100.0
    assert body["pact_target"] == 70000
    assert body["top_employers_by_open_breaches"][0]["open_breaches"] == 1


def test_region_limited_official_counts_only_their_regions(api, world):
    open_finding(world.case(S.EMPLOYED))  # Moscow
    open_finding(world.case(S.EMPLOYED, peer=True))  # St Petersburg
    world.case(S.EMPLOYED, peer=True)
    body = api.as_user(world.official_mow).get("/api/v1/dashboard/summary/").json()
    assert body["employed"] == 1
    assert body["open_findings_by_severity"]["breach"] == 1
    assert [row["key"] for row in body["cases_by_region"]] == ["RU-MOW"]


def test_filters_narrow_every_figure(api, world):
    open_finding(world.case(S.EMPLOYED, peer=True))  # textiles, agency B
    open_finding(world.case(S.EMPLOYED))  # construction, agency A
    client = api.as_user(world.official)
    by_sector = client.get("/api/v1/dashboard/summary/?sector=textiles").json()
    assert by_sector["employed"] == 1
    assert by_sector["open_findings_by_severity"]["breach"] == 1
    assert by_sector["cases_by_sector"] == [{"key": "textiles", "count": 1}]
    by_agency = client.get(f"/api/v1/dashboard/summary/?agency={world.agency_b.pk}").json()
    assert [row["agency"] for row in by_agency["agencies"]] == [world.agency_b.pk]
    assert by_agency["agencies"][0]["open_findings"] == 1


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("sector=mining", "sector", "Choose one from the list."),
        ("region=XX", "region", "Choose one from the list."),
        ("period_from=2026-02-30", "period_from", "Enter a date: pick it in the calendar."),
        ("period_to=2026-11", "period_to", "Enter a date: pick it in the calendar."),
        ("agency=-1", "agency", "Choose one from the list."),
        ("employer=abc", "employer", "Choose one from the list."),
        (
            "period_from=2026-03-01&period_to=2026-01-01",
            "period_to",
            "The period must end on or after the day it starts.",
        ),
    ],
)
def test_a_bad_filter_is_refused_naming_the_filter_and_why(api, world, query, field, message):
    response = api.as_user(world.official).get(f"/api/v1/dashboard/summary/?{query}")
    assert response.status_code == 400
    assert response.json() == {field: [message]}


def test_only_officials_see_the_dashboard(api, client, world):
    for user in (world.agency_a_user, world.employer_a_user):
        assert api.as_user(user).get("/api/v1/dashboard/summary/").status_code == 403
        client.force_login(user)
        assert client.get("/officials/dashboard/").status_code == 404
    client.logout()
    assert client.get("/officials/dashboard/").status_code == 302


def dashboard_page(client):
    cache.clear()
    response = client.get("/officials/dashboard/")
    assert response.status_code == 200
    assert b"chart-findings-per-month" in response.content


def test_dashboard_page_queries_do_not_grow_with_data(client, world):
    client.force_login(world.official)
    open_finding(world.case(S.EMPLOYED))
    # The ceiling leaves room for the embedded setup, whose database cache costs queries too.
    with max_queries(26) as few:
        dashboard_page(client)
    for _ in range(15):
        open_finding(PlacementFactory(employed=True, job_order=world.job_b), severity="critical")
    with max_queries(len(few), compared_with=few):
        dashboard_page(client)


def test_agency_table_exports_as_csv(client, world):
    world.case(S.EMPLOYED)
    client.force_login(world.official)
    lines = export_from_page(client, "export_dashboard", "table=agencies")
    lines = lines.decode("utf-8-sig").splitlines()
    assert lines[0] == "agency,name,status,cases,employed,open_findings,status_label"
    # Only agencies with cases are listed: agency B has none.
    assert lines[1:] == [f"{world.agency_a.pk},{world.agency_a.name},active,1,1,0,Active"]


def test_an_unknown_dashboard_table_is_refused(client, world):
    client.force_login(world.official)
    body = {"kind": "export_dashboard", "format": "csv", "query": "table=passwords"}
    response = client.post("/reports/export/", body)
    assert response.status_code == 302
    assert not Report.objects.exists()


def test_a_bad_date_is_an_error_beside_its_field_and_every_figure_is_withheld(client, world):
    world.case(S.EMPLOYED)
    client.force_login(world.official_mow)
    response = client.get("/officials/dashboard/", {"region": "RU-MOW", "period_from": "2026-11"})
    assert response.status_code == 400
    html = response.content.decode()
    beside = html[html.index('<label class="invalid">') :]
    beside = beside[: beside.index("</label>")]
    assert 'name="period_from"' in beside
    assert "Enter a date: pick it in the calendar." in beside
    assert "period_from •" not in html
    # The region stays as chosen, and no figure stands under it, national or other.
    assert '<option value="RU-MOW" selected>' in html
    assert "data-tile" not in html and 'class="figure"' not in html
    assert "No figures are shown until the filters marked above are corrected." in html


def test_dates_are_date_pickers_and_employers_and_agencies_are_picked_by_name(client, world):
    client.force_login(world.official)
    html = client.get("/officials/dashboard/").content.decode()
    assert 'type="date" name="period_from"' in html and 'type="date" name="period_to"' in html
    for name, label in (
        ("employer", world.employer_a.legal_name),
        ("agency", world.agency_b.name),
    ):
        assert f'<select name="{name}" data-search="Type to search"' in html
        assert f'<option value="{getattr(world, name + "_a").pk}">' in html
        assert f">{label}</option>" in html
    assert "js/searchable-select.js" in html


def test_a_region_limited_official_is_offered_only_their_regions(api, client, world):
    client.force_login(world.official_mow)
    response = client.get("/officials/dashboard/")
    form = response.context["fields"][0].form
    assert [field.name for field in response.context["fields"]] == [
        "region",
        "sector",
        "employer",
        "agency",
        "period_from",
        "period_to",
    ]
    assert [code for code, _ in form.fields["region"].choices] == ["", "RU-MOW"]
    assert dict(form.fields["region"].choices)[""] == "All your regions"
    # Employers elsewhere are not offered either.
    assert [e.pk for e in form.fields["employer"].queryset] == [world.employer_a.pk]
    refused = api.as_user(world.official_mow).get("/api/v1/dashboard/summary/?region=RU-SPE")
    assert refused.status_code == 400
    assert refused.json() == {"region": ["Choose one from the list."]}


def test_the_pact_target_is_labelled_the_whole_pacts_against_narrowed_figures(client, world):
    world.case(S.EMPLOYED)
    client.force_login(world.official)
    national = client.get("/officials/dashboard/").content.decode()
    assert "<progress" in national and "Target of the whole pact" in national
    for user, query in ((world.official, {"sector": "textiles"}), (world.official_mow, {})):
        client.force_login(user)
        cache.clear()
        html = client.get("/officials/dashboard/", query).content.decode()
        assert "<progress" not in html
        assert "70,000 is the target of the whole pact; the figure counts only" in html


def test_a_list_refuses_a_yes_no_filter_it_cannot_read(client, world):
    client.force_login(world.official)
    response = client.get("/officials/grievances/", {"overdue": "1"})
    html = response.content.decode()
    assert "Choose one from the list." in html
    assert response.context["page"].paginator.count == 0


def test_the_charts_read_sectors_regions_and_months_in_words(client, world):
    open_finding(world.case(S.EMPLOYED))
    client.force_login(world.official)
    charts = client.get("/officials/dashboard/").context["charts"]
    assert [row["label"] for row in charts["casesBySector"]] == ["Construction"]
    assert [row["label"] for row in charts["casesByRegion"]] == ["Moscow"]
    assert charts["findingsPerMonth"][0]["label"] == f"{today():%B %Y}"
