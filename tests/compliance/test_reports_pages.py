"""The reports page: the scope's reports with their progress and files, monthly ones by month,
the request form, and the list pages' export buttons followed in place by htmx."""

from datetime import date

from django.test import TestCase

from compliance.models import Report
from compliance.reports.services import run_report
from tests import factories
from tests.compliance.reports_helpers import request_export
from workers.models import PlacementStatus

S = PlacementStatus


def _post(client, path, data, **headers):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(path, data, **headers)


def test_an_official_asks_for_a_report_on_the_page_and_finds_its_file(client, world):
    world.case(S.SUBMITTED)
    client.force_login(world.official)
    form = {
        "kind": "export_cases",
        "format": "xlsx",
        "language": "ru",
        "filters": "status=submitted",
    }
    response = _post(client, "/reports/", form)
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.kind, report.format, report.language) == ("export_cases", "xlsx", "ru")
    assert report.filters == {"status": "submitted"}
    page = client.get("/reports/").text
    assert f"/api/v1/reports/{report.pk}/download/" in page
    assert "status=submitted" in page


def test_a_refused_filter_is_shown_beside_the_form_and_nothing_is_written(client, world):
    client.force_login(world.official)
    form = {"kind": "export_cases", "format": "csv", "language": "en", "filters": "colour=red"}
    response = _post(client, "/reports/", form)
    assert response.status_code == 400
    assert "colour: Unknown filter" in response.text
    assert not Report.objects.exists()


def test_the_form_offers_each_role_only_the_kinds_open_to_it(client, world):
    client.force_login(world.employer_a_user)
    page = client.get("/reports/").text
    assert 'value="export_cases"' in page
    assert 'value="export_grievances"' not in page
    response = _post(
        client, "/reports/", {"kind": "export_grievances", "format": "csv", "language": "en"}
    )
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_a_report_being_prepared_is_polled_until_its_file_is_offered(client, world, api):
    world.case(S.SUBMITTED)
    response = request_export(api, world.official, "export_cases", run=False)
    report = Report.objects.get(pk=response.json()["id"])
    client.force_login(world.official)
    polling = client.get(f"/reports/{report.pk}/status/").text
    assert f'hx-get="/reports/{report.pk}/status/"' in polling
    assert "<progress" in polling
    run_report(report.pk)
    done = client.get(f"/reports/{report.pk}/status/").text
    assert "hx-get" not in done
    assert f"/api/v1/reports/{report.pk}/download/" in done


def test_another_scopes_report_does_not_exist_on_the_pages(client, world, api):
    world.case(S.SUBMITTED)
    report = request_export(api, world.employer_a_user, "export_cases").json()
    for outsider in (world.employer_b_user, world.agency_a_user, world.official_mow):
        client.force_login(outsider)
        assert client.get(f"/reports/{report['id']}/status/").status_code == 404
        assert f"/reports/{report['id']}/" not in client.get("/reports/").text


def test_a_user_of_no_role_gets_no_reports_page(client, db):
    client.force_login(factories.UserFactory())
    assert client.get("/reports/").status_code == 404


def test_monthly_reports_are_listed_by_month(client, world, django_assert_max_num_queries):
    for month in (date(2026, 10, 1), date(2026, 11, 1)):
        Report.objects.create(
            kind="employer_compliance",
            format="pdf",
            language="en",
            month=month,
            fingerprint=str(month),
            scope_role="official",
            scope_side="RU",
        )
    client.force_login(world.official)
    with django_assert_max_num_queries(20):
        page = client.get("/reports/").text
    assert "Monthly reports" in page
    assert page.index("November 2026") < page.index("October 2026")


def test_an_export_button_asks_for_the_job_and_follows_it_in_place(client, world):
    world.case(S.SUBMITTED)
    client.force_login(world.official)
    body = {"kind": "export_cases", "format": "csv", "query": "status=submitted&region=RU-MOW"}
    response = _post(client, "/reports/export/", body, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    report = Report.objects.get()
    assert report.filters == {"region": "RU-MOW", "status": "submitted"}
    assert f'id="report-{report.pk}"' in response.text


def test_an_export_button_with_a_refused_filter_says_so_in_place(client, world):
    client.force_login(world.official)
    body = {"kind": "export_cases", "format": "csv", "query": "colour=red"}
    response = _post(client, "/reports/export/", body, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert "colour: Unknown filter" in response.text
    assert not Report.objects.exists()
