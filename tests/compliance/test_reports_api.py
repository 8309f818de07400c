"""Reports as jobs through the API: asked for (202), followed (status, progress), downloaded by
whoever acts in the scope it was made in and nobody else (404), refused whole on bad input."""

import dataclasses

import pytest

from compliance.models import Report
from compliance.reports import exports, kinds
from tests import factories
from tests.compliance.reports_helpers import csv_rows, file_of, request_export
from workers.models import PlacementStatus

S = PlacementStatus


def _made(api, user, kind="export_cases", file_format="csv", filters=None, **extra):
    response = request_export(api, user, kind, file_format, filters, **extra)
    assert response.status_code == 202, response.json()
    return response.json()


def test_an_official_asks_for_an_export_follows_it_and_downloads_the_file(world, api):
    case = world.case(S.SUBMITTED)
    queued = _made(api, world.official)
    # The answer reads the report as it was queued; the eager task finished it on commit.
    report = api.get(f"/api/v1/reports/{queued['id']}/").json()
    assert report["status"] == "finished"
    assert report["progress"] == 100
    assert report["rows"] == 1
    download = api.get(report["download_url"])
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert [row["reference"] for row in csv_rows(file_of(download))] == [case.reference]


def test_a_report_not_yet_built_is_queued_without_a_file(world, api):
    world.case(S.SUBMITTED)
    report = _made(api, world.official, run=False)
    detail = api.get(f"/api/v1/reports/{report['id']}/").json()
    assert (detail["status"], detail["progress"], detail["download_url"]) == ("queued", 0, None)
    assert api.get(f"/api/v1/reports/{report['id']}/download/").status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "export_everything", "format": "csv"}, "kind"),
        ({"kind": "export_cases", "format": "pdf"}, "format"),
        ({"kind": "export_cases", "format": "docx"}, "format"),
        ({"kind": "export_cases", "format": "csv", "language": "fr"}, "language"),
        ({"kind": "export_cases", "format": "csv", "filters": {"colour": "red"}}, "filters"),
        ({"kind": "export_cases", "format": "csv", "filters": {"status": "asleep"}}, "filters"),
        ({"kind": "export_cases", "format": "csv", "filters": {"page": "2"}}, "filters"),
        ({"kind": "export_cases", "format": "csv", "filters": ["status"]}, "filters"),
        ({"kind": "export_cases", "format": "csv", "filters": {"status": {"a": 1}}}, "filters"),
        ({"kind": "export_findings", "format": "xlsx", "filters": {"severity": "x"}}, "filters"),
        ({"format": "csv"}, "kind"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_nothing_is_written(world, api, body, field):
    response = api.as_user(world.official).post("/api/v1/reports/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Report.objects.exists()


def test_a_refused_filter_is_worded_as_the_list_words_it(world, api):
    response = request_export(api, world.official, "export_cases", filters={"colour": "red"})
    assert response.status_code == 400
    (problem,) = response.json()["filters"]
    assert problem.startswith("colour: Unknown filter; this list takes:")


def test_an_employer_may_not_ask_for_the_officials_grievance_export(world, api):
    response = request_export(api, world.employer_a_user, "export_grievances")
    assert response.status_code == 400
    assert "kind" in response.json()
    assert not Report.objects.exists()


def test_anonymous_callers_are_told_to_sign_in(api):
    assert api.post("/api/v1/reports/", {}, format="json").status_code == 401
    assert api.get("/api/v1/reports/").status_code == 401


def test_a_download_outside_the_reports_scope_is_a_404(world, api):
    world.case(S.SUBMITTED)
    report = _made(api, world.employer_a_user)
    colleague = factories.employer_user(world.employer_a)
    for outsider in (world.employer_b_user, world.agency_a_user, world.official_mow):
        api.as_user(outsider)
        assert api.get(f"/api/v1/reports/{report['id']}/").status_code == 404
        assert api.get(f"/api/v1/reports/{report['id']}/download/").status_code == 404
        assert api.get("/api/v1/reports/").json()["count"] == 0
    api.as_user(colleague)
    assert api.get(f"/api/v1/reports/{report['id']}/download/").status_code == 200


def test_an_all_regions_report_is_not_for_a_region_limited_official(world, api):
    world.case(S.SUBMITTED)
    everywhere = _made(api, world.official)
    moscow = _made(api, world.official_mow)
    api.as_user(world.official_mow)
    assert api.get(f"/api/v1/reports/{everywhere['id']}/download/").status_code == 404
    assert api.get(f"/api/v1/reports/{moscow['id']}/download/").status_code == 200
    # Moscow is one of the regions of an official of every region; India's side is another.
    api.as_user(world.official)
    assert api.get(f"/api/v1/reports/{moscow['id']}/download/").status_code == 200
    api.as_user(world.official_in)
    assert api.get(f"/api/v1/reports/{moscow['id']}/download/").status_code == 404


def test_an_official_whose_regions_narrowed_loses_the_reports_of_the_wider_scope(world, api):
    world.case(S.SUBMITTED)
    report = _made(api, world.official)
    world.official.official.regions = ["RU-SPE"]
    world.official.official.save()
    api.as_user(type(world.official).objects.get(pk=world.official.pk))
    assert api.get(f"/api/v1/reports/{report['id']}/download/").status_code == 404


def test_the_same_request_on_unchanged_data_reuses_the_finished_file(world, api):
    world.case(S.SUBMITTED)
    first = _made(api, world.official, filters={"status": "submitted"})
    colleague = factories.official_user(world.official.official.side)
    again = _made(api, colleague, filters={"status": "submitted"})
    assert again["id"] == first["id"]
    assert again["status"] == "finished"
    assert Report.objects.count() == 1
    # Another language writes other words: another file.
    in_russian = _made(api, world.official, filters={"status": "submitted"}, language="ru")
    assert in_russian["id"] != first["id"]


def test_a_change_to_the_data_makes_a_new_file(world, api):
    case = world.case(S.SUBMITTED)
    first = _made(api, world.official)
    case.worker.full_name = "Renamed Worker"
    case.worker.save()
    second = _made(api, world.official)
    assert second["id"] != first["id"]
    rows = csv_rows(file_of(api.get(f"/api/v1/reports/{second['id']}/download/")))
    assert [row["worker"] for row in rows] == ["Renamed Worker"]


def test_a_release_that_changes_an_exports_columns_makes_a_new_file(world, api, monkeypatch):
    world.case(S.SUBMITTED)
    first = _made(api, world.official)
    cases = kinds.kind_named("export_cases")
    fewer = dataclasses.replace(cases, version=_fewer_columns_version)
    monkeypatch.setitem(kinds.KINDS, "export_cases", fewer)
    assert _made(api, world.official)["id"] != first["id"]


def _fewer_columns_version(actor, filters):
    export = next(e for e in exports.EXPORTS if e.code == "export_cases")
    trimmed = dataclasses.replace(export, columns=lambda actor: export.columns(actor)[:3])
    return trimmed.version(actor, filters)


def test_the_list_shows_the_scopes_reports_in_a_bounded_number_of_queries(
    world, api, django_assert_max_num_queries
):
    world.case(S.SUBMITTED)
    for kind in ("export_cases", "export_workers", "export_findings", "export_employers"):
        _made(api, world.official, kind)
    _made(api, world.employer_a_user)
    api.as_user(world.official)
    with django_assert_max_num_queries(6):
        listing = api.get("/api/v1/reports/").json()
    assert listing["count"] == 4
    assert {r["kind"] for r in listing["results"]} == {
        "export_cases",
        "export_workers",
        "export_findings",
        "export_employers",
    }
    api.as_user(world.employer_a_user)
    assert [r["kind"] for r in api.get("/api/v1/reports/").json()["results"]] == ["export_cases"]
