import json

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import override_settings

from tests import factories
from tests.queries import max_queries
from tests.workers.status_fixtures import *  # noqa: F403
from tests.workers.status_fixtures import BIRTH
from workers.status.throttles import StatusThrottle

pytestmark = pytest.mark.django_db
URL = "/api/v1/status/lookup/"


def lookup(api, reference, date_of_birth, language="en", **extra):
    return api.post(
        URL,
        {"reference": reference, "date_of_birth": str(date_of_birth)},
        format="json",
        HTTP_ACCEPT_LANGUAGE=language,
        **extra,
    )


def test_worker_sees_status_next_step_contract_and_public_timeline(api, case):
    response = lookup(api, case.reference, BIRTH)
    assert response.status_code == 200, response.data
    body = response.json()
    assert body["reference"] == case.reference
    assert body["status"] == "contract_signed"
    assert body["status_label"] == "Contract signed"
    assert "wage and hours can no longer be changed" in body["current_step"]
    assert "visa" in body["next_step"]
    assert body["worker_name"] == "R**** K****"
    assert body["contract"] == {
        "terms_signed": True,
        "monthly_wage_rub": "65000.00",
        "hours_per_week": "40.0",
        "start": "2026-03-01",
        "end": "2027-02-28",
        "employer": case.job_order.employer.legal_name,
        "work_region": "RU-MOW",
        "work_region_name": "Moscow",
    }
    assert [step["message"] for step in body["timeline"]] == [
        "Your employment contract was signed."
    ]
    assert body["grievances"] == []


def test_answer_holds_no_passport_number_internal_note_or_staff_name(api, case):
    text = json.dumps(lookup(api, case.reference, BIRTH).json())
    assert case.worker.passport_number not in text
    assert "Ravi" not in text
    assert "secret internal remark" not in text
    assert "Internal only" not in text
    assert "hr-manager" not in text


def test_reference_is_read_forgivingly(api, case):
    typed = case.reference.lower().replace("-", " ")
    assert lookup(api, typed, BIRTH).status_code == 200


def test_wrong_reference_and_wrong_date_give_the_same_404(api, case):
    other = factories.PlacementFactory()
    wrong_reference = lookup(api, other.reference, BIRTH)
    wrong_date = lookup(api, case.reference, "1994-03-10")
    malformed_reference = lookup(api, "IRM-0000-0000", BIRTH)
    assert wrong_reference.status_code == wrong_date.status_code == 404
    assert malformed_reference.status_code == 404
    assert wrong_reference.content == wrong_date.content == malformed_reference.content


# The SQL a lookup runs on the workers app's tables (cases, workers, timelines, grievances).
# The rate limiter's counters are left out: where the cache is the database (the embedded
# setup) they are SQL too, with history bookkeeping.
CASE_TABLES = '"workers_'


def test_both_wrong_inputs_take_the_same_single_query(api, case):
    with max_queries(1, exact=True, only=CASE_TABLES):
        assert lookup(api, "nonsense", BIRTH).status_code == 404
    with max_queries(1, exact=True, only=CASE_TABLES):
        assert lookup(api, case.reference, "2001-01-01").status_code == 404


def test_a_found_case_is_read_in_one_query(api, case):
    with max_queries(1, exact=True, only=CASE_TABLES):
        response = lookup(api, case.reference, BIRTH)
    assert response.status_code == 200


def test_missing_or_malformed_fields_are_a_400_naming_them(api, case):
    response = api.post(URL, {"reference": case.reference, "date_of_birth": "9 March"})
    assert response.status_code == 400
    assert "date_of_birth" in response.json()
    assert "reference" in api.post(URL, {}, format="json").json()
    assert api.post(URL, "[1, 2]", content_type="application/json").status_code == 400


def test_labels_and_explanations_in_hindi(api, case):
    body = lookup(api, case.reference, BIRTH, language="hi").json()
    assert body["status_label"] == "अनुबंध पर हस्ताक्षर हो गए"
    assert (
        body["current_step"]
        != "Your employment contract is signed. Its wage and hours can no longer be changed."
    )
    assert any("\u0900" <= ch <= "\u097f" for ch in body["next_step"])
    assert any("\u0900" <= ch <= "\u097f" for ch in body["timeline"][0]["message"])


def test_labels_and_explanations_in_russian(api, case):
    body = lookup(api, case.reference, BIRTH, language="ru").json()
    assert body["status_label"] == "Договор подписан"
    assert any("а" <= ch <= "я" for ch in body["next_step"])
    assert any("а" <= ch <= "я" for ch in body["timeline"][0]["message"])
    assert body["contract"]["work_region_name"] == "Москва"


def test_not_found_message_is_translated(api, case):
    english = lookup(api, "IRM-0000-0000", BIRTH).json()["detail"]
    russian = lookup(api, "IRM-0000-0000", BIRTH, language="ru").json()["detail"]
    assert english == "We could not find a case with this reference and date of birth. Check both."
    assert russian.startswith("Мы не нашли дело")


def test_signed_in_session_is_not_needed_and_no_csrf_token_is_asked(client, case):
    response = client.post(
        URL,
        {"reference": case.reference, "date_of_birth": str(BIRTH)},
        content_type="application/json",
    )
    assert response.status_code == 200


def test_many_tries_on_one_reference_are_refused_with_429(api, case, monkeypatch):
    monkeypatch.setattr(
        StatusThrottle,
        "THROTTLE_RATES",
        {**StatusThrottle.THROTTLE_RATES, "status_reference": "3/min"},
    )
    for number in range(3):
        address = {"REMOTE_ADDR": f"10.0.0.{number + 1}"}
        assert lookup(api, case.reference, "2000-01-01", **address).status_code == 404
    refused = lookup(api, case.reference, BIRTH, REMOTE_ADDR="10.0.0.99")
    assert refused.status_code == 429
    assert "wait" in refused.json()["detail"]
    assert "Retry-After" in refused
    assert lookup(api, factories.PlacementFactory().reference, BIRTH).status_code == 404


def test_many_tries_from_one_address_are_refused_with_429(api, case, monkeypatch):
    monkeypatch.setattr(
        StatusThrottle, "THROTTLE_RATES", {**StatusThrottle.THROTTLE_RATES, "status_ip": "2/min"}
    )
    assert lookup(api, case.reference, BIRTH).status_code == 200
    assert lookup(api, "IRM-0000-0000", BIRTH).status_code == 404
    assert lookup(api, case.reference, BIRTH).status_code == 429
    assert lookup(api, case.reference, BIRTH, REMOTE_ADDR="10.1.1.1").status_code == 200


def test_a_forged_forwarded_for_header_does_not_reset_the_limit(api, case, monkeypatch):
    monkeypatch.setattr(
        StatusThrottle, "THROTTLE_RATES", {**StatusThrottle.THROTTLE_RATES, "status_ip": "1/min"}
    )
    assert lookup(api, case.reference, BIRTH).status_code == 200
    forged = lookup(api, case.reference, BIRTH, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert forged.status_code == 429


@override_settings(LANGUAGE_CODE="en")
def test_the_limit_message_is_translated(api, case, monkeypatch):
    monkeypatch.setattr(
        StatusThrottle, "THROTTLE_RATES", {**StatusThrottle.THROTTLE_RATES, "status_ip": "1/min"}
    )
    lookup(api, case.reference, BIRTH)
    refused = lookup(api, case.reference, BIRTH, language="hi")
    assert refused.status_code == 429
    assert any("\u0900" <= ch <= "\u097f" for ch in refused.json()["detail"])


def test_the_answer_has_the_documented_shape(api, case):
    body = lookup(api, case.reference, BIRTH).json()
    # SPEC §8 and §9: reference, status, its label, updated at, timeline, the step now and
    # next, the masked name, the contract summary and the worker's grievances.
    assert set(body) == {
        "reference",
        "status",
        "status_label",
        "updated_at",
        "timeline",
        "current_step",
        "next_step",
        "worker_name",
        "contract",
        "grievances",
    }
    # Each step of the timeline: when, the status and its label, and the sentence to read.
    assert set(body["timeline"][0]) == {"at", "status", "status_label", "message"}


@pytest.mark.parametrize(
    "backend, location",
    [
        ("django.core.cache.backends.locmem.LocMemCache", ""),
        ("django.core.cache.backends.db.DatabaseCache", "mobility_test_throttle_cache"),
    ],
)
def test_the_limits_also_hold_on_a_cache_other_than_redis(
    api, case, settings, monkeypatch, backend, location
):
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": location}}
    if location:
        call_command("createcachetable", verbosity=0)
    assert type(caches["default"]).__name__ == backend.rsplit(".", 1)[1]
    rates = {**StatusThrottle.THROTTLE_RATES, "status_ip": "2/min"}
    monkeypatch.setattr(StatusThrottle, "THROTTLE_RATES", rates)
    assert lookup(api, case.reference, BIRTH).status_code == 200
    assert lookup(api, case.reference, BIRTH).status_code == 200
    assert lookup(api, case.reference, BIRTH).status_code == 429
