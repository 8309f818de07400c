from decimal import Decimal as D

import pytest

from compliance.models import CheckRun
from tests import factories
from tests.compliance.rule_helpers import compliant_case

pytestmark = pytest.mark.django_db
URL = "/api/v1/check-runs/"


def test_an_official_checks_one_case_and_gets_the_finished_run(api):
    case = compliant_case(recruitment_fee_inr=D("100"))
    response = api.as_user(factories.official_user()).post(URL, {"placement": case.pk})
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "finished"
    assert body["placement"] == case.pk
    assert body["subjects_evaluated"] == 1
    assert body["findings_opened"] >= 1


def test_an_official_starts_a_sweep_and_gets_its_id(api, django_capture_on_commit_callbacks):
    compliant_case()
    with django_capture_on_commit_callbacks(execute=True):
        response = api.as_user(factories.official_user()).post(URL, {}, format="json")
    assert response.status_code == 202
    run = CheckRun.objects.get(pk=response.json()["id"])
    assert run.scope == "all"
    assert run.status == "finished"


def test_scope_all_also_starts_a_sweep(api):
    response = api.as_user(factories.official_user()).post(URL, {"scope": "all"}, format="json")
    assert response.status_code == 202
    assert response.json()["status"] == "queued"


@pytest.mark.parametrize(
    "body",
    [
        {"placement": "abc"},
        {"scope": "some"},
        {"placement": 0},
        {"placement": 99999999999999999999},
        {"placement": 1, "scope": "all"},
    ],
)
def test_bad_input_is_refused_with_a_reason_and_starts_nothing(api, body):
    response = api.as_user(factories.official_user()).post(URL, body, format="json")
    assert response.status_code == 400
    assert response.json()
    assert not CheckRun.objects.exists()


def test_a_case_outside_the_officials_regions_is_not_found(api):
    case = compliant_case()  # works in RU-MOW
    official = factories.official_user(regions=["RU-SPE"])
    response = api.as_user(official).post(URL, {"placement": case.pk}, format="json")
    assert response.status_code == 404
    missing = api.as_user(official).post(URL, {"placement": 999999}, format="json")
    assert missing.status_code == 404


@pytest.mark.parametrize("make_user", [factories.agency_user, factories.employer_user])
def test_agencies_and_employers_cannot_start_or_see_check_runs(api, make_user):
    case = compliant_case()
    client = api.as_user(make_user())
    assert client.post(URL, {"placement": case.pk}, format="json").status_code == 403
    assert client.get(URL).status_code == 403
    assert not CheckRun.objects.exists()


def test_officials_list_and_read_runs_with_their_progress(api, django_assert_max_num_queries):
    case = compliant_case()
    client = api.as_user(factories.official_user())
    for _ in range(3):
        client.post(URL, {"placement": case.pk}, format="json")
    with django_assert_max_num_queries(8):
        listing = client.get(URL, {"status": "finished"})
    assert listing.status_code == 200
    assert listing.json()["count"] == 3
    run_id = listing.json()["results"][0]["id"]
    detail = client.get(f"{URL}{run_id}/").json()
    assert {"status", "chunks_total", "chunks_done", "findings_opened"} <= set(detail)


def test_anonymous_callers_are_asked_to_sign_in(api):
    assert api.get(URL).status_code == 401
