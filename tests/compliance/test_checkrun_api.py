"""`/api/v1/check-runs/`: an official checks one case now or starts a sweep; nobody else may."""

from decimal import Decimal as D

import pytest

from compliance.models import CheckRun
from tests.compliance.rule_helpers import compliant_case
from tests.queries import max_queries

pytestmark = pytest.mark.django_db
URL = "/api/v1/check-runs/"


def test_an_official_checks_one_case_and_gets_the_finished_run(api, world):
    case = compliant_case(recruitment_fee_inr=D("100"))
    response = api.as_user(world.official).post(URL, {"placement": case.pk})
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "finished"
    assert body["placement"] == case.pk
    assert body["subjects_evaluated"] == 1
    # Judged today, the run counts every finding it opened on the case, the fee among them.
    opened = list(case.findings.filter(status="open").values_list("rule__code", flat=True))
    assert "RECRUITMENT_FEE_CHARGED" in opened
    assert body["findings_opened"] == case.findings.count() == len(opened)


def test_an_official_starts_a_sweep_and_gets_its_id(api, world, django_capture_on_commit_callbacks):
    compliant_case()
    with django_capture_on_commit_callbacks(execute=True):
        response = api.as_user(world.official).post(URL, {}, format="json")
    assert response.status_code == 202
    run = CheckRun.objects.get(pk=response.json()["id"])
    assert run.scope == "all"
    assert run.status == "finished"


def test_scope_all_also_starts_a_sweep(api, world):
    response = api.as_user(world.official).post(URL, {"scope": "all"}, format="json")
    assert response.status_code == 202
    assert response.json()["status"] == "queued"
    assert CheckRun.objects.get().scope == "all"


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"placement": "abc"}, "placement", "A valid integer is required."),
        ({"scope": "some"}, "scope", '"some" is not a valid choice.'),
        ({"placement": 0}, "placement", "Ensure this value is greater than or equal to 1."),
        (
            {"placement": 99999999999999999999},
            "placement",
            "Ensure this value is less than or equal to 9223372036854775807.",
        ),
        (
            {"placement": 1, "scope": "all"},
            "non_field_errors",
            "Give either a case (placement) or the scope all, not both.",
        ),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_starts_nothing(api, world, body, field, message):
    response = api.as_user(world.official).post(URL, body, format="json")
    assert response.status_code == 400
    assert response.json() == {field: [message]}
    assert not CheckRun.objects.exists()


def test_a_case_outside_the_officials_regions_is_not_found(api, world):
    case = compliant_case(job_order=world.job_b)  # works in RU-SPE
    response = api.as_user(world.official_mow).post(URL, {"placement": case.pk}, format="json")
    assert response.status_code == 404
    missing = api.as_user(world.official_mow).post(URL, {"placement": 999999}, format="json")
    assert missing.status_code == 404
    assert not CheckRun.objects.exists()


@pytest.mark.parametrize("persona", ["agency_a_user", "employer_a_user"])
def test_agencies_and_employers_cannot_start_or_see_check_runs(api, world, persona):
    case = compliant_case(job_order=world.job_a, worker__agency=world.agency_a)
    client = api.as_user(getattr(world, persona))
    assert client.post(URL, {"placement": case.pk}, format="json").status_code == 403
    assert client.get(URL).status_code == 403
    assert not CheckRun.objects.exists()


def test_officials_list_and_read_runs_with_their_progress(api, world):
    case = compliant_case()
    client = api.as_user(world.official)
    for _ in range(3):
        client.post(URL, {"placement": case.pk}, format="json")
    with max_queries(8):
        listing = client.get(URL, {"status": "finished"})
    assert listing.status_code == 200
    assert listing.json()["count"] == 3
    run_id = listing.json()["results"][0]["id"]
    detail = client.get(f"{URL}{run_id}/").json()
    # The case was judged three times: the first run opened its findings, the others none.
    progress = ("status", "scope", "placement", "chunks_total", "chunks_done", "findings_opened")
    assert {name: detail[name] for name in progress} == {
        "status": "finished",
        "scope": "placement",
        "placement": case.pk,
        "chunks_total": 1,
        "chunks_done": 1,
        "findings_opened": 0,
    }


def test_anonymous_callers_are_asked_to_sign_in(api):
    assert api.get(URL).status_code == 401
