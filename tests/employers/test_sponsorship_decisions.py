"""Sponsorship decisions (SPEC §9): every decision from every status, who may decide, and the
record each decision leaves."""

import pytest

from employers.models import SponsorshipDecision, SponsorshipStatus
from employers.sponsorship.services import DECISIONS
from employers.sponsorship.signals import employer_changed
from mobility.models import Side
from tests.factories import EmployerFactory, agency_user, employer_user, official_user
from tests.signals import announced

pytestmark = pytest.mark.django_db

STATUSES = SponsorshipStatus.values
BODIES = {
    "approve": {"decision": "approve", "quota": 40},
    "reject": {"decision": "reject", "reason": "Incomplete application"},
    "suspend": {"decision": "suspend", "reason": "Unpaid wages under investigation"},
    "revoke": {"decision": "revoke", "reason": "Repeated serious breaches"},
}
ALLOWED = {
    ("approve", "applied"): "approved",
    ("approve", "suspended"): "approved",
    ("reject", "applied"): "rejected",
    ("suspend", "approved"): "suspended",
    ("revoke", "approved"): "revoked",
    ("revoke", "suspended"): "revoked",
}


def decide(api, user, employer, body):
    return api.as_user(user).post(f"/api/v1/employers/{employer.pk}/decide/", body, format="json")


def test_the_decision_table_is_spec_section_9():
    table = {
        (kind, status): rule.to_status
        for kind, rule in DECISIONS.items()
        for status in rule.from_statuses
    }
    assert table == ALLOWED


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("decision", list(BODIES))
def test_every_decision_from_every_status(api, decision, status):
    employer = EmployerFactory(sponsorship_status=status, quota=5)
    official = official_user(Side.RUSSIA, username="decider")
    response = decide(api, official, employer, BODIES[decision])
    employer.refresh_from_db()
    if (decision, status) in ALLOWED:
        assert response.status_code == 200, response.json()
        assert employer.sponsorship_status == ALLOWED[(decision, status)]
        record = SponsorshipDecision.objects.get(employer=employer)
        assert (record.from_status, record.to_status) == (status, employer.sponsorship_status)
        assert record.decided_by == official
        assert record.reason == BODIES[decision].get("reason", "")
        assert response.json()["decided_by"] == "decider"
        if decision == "approve":
            assert employer.quota == 40
    else:
        assert response.status_code == 409
        assert response.json()["allowed"] == sorted(
            kind for (kind, origin) in ALLOWED if origin == status
        )
        assert employer.sponsorship_status == status and employer.quota == 5
        assert not SponsorshipDecision.objects.exists()


QUOTA_NEEDED = "An approval needs a quota of at least one worker."


@pytest.mark.parametrize(
    ("status", "body", "requirement"),
    [
        ("applied", {"decision": "approve"}, QUOTA_NEEDED),
        ("suspended", {"decision": "approve", "quota": None}, QUOTA_NEEDED),
        ("applied", {"decision": "reject"}, "A decision to reject needs a reason."),
        (
            "approved",
            {"decision": "suspend", "reason": "   "},
            "A decision to suspend needs a reason.",
        ),
        ("suspended", {"decision": "revoke", "reason": ""}, "A decision to revoke needs a reason."),
    ],
)
def test_a_missing_quota_or_reason_is_named_and_nothing_is_decided(api, status, body, requirement):
    employer = EmployerFactory(sponsorship_status=status)
    response = decide(api, official_user(), employer, body)
    assert response.status_code == 400
    assert response.json() == {"detail": "Requirements not met.", "requirements": [requirement]}
    employer.refresh_from_db()
    assert employer.sponsorship_status == status
    assert not SponsorshipDecision.objects.exists()


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"decision": "promote"}, {"decision": ['"promote" is not a valid choice.']}),
        (
            {"decision": "approve", "quota": 0},
            {"quota": ["Ensure this value is greater than or equal to 1."]},
        ),
        ({"quota": 3}, {"decision": ["This field is required."]}),
        ({}, {"decision": ["This field is required."]}),
    ],
)
def test_malformed_decision_bodies_get_field_errors(api, body, errors):
    employer = EmployerFactory(sponsorship_status="applied")
    response = decide(api, official_user(), employer, body)
    assert response.status_code == 400
    assert response.json() == errors
    assert not SponsorshipDecision.objects.exists()


def test_region_limited_official_does_not_find_an_employer_outside_their_regions(api):
    employer = EmployerFactory(region="RU-SPE", sponsorship_status="applied")
    official = official_user(Side.RUSSIA, regions=["RU-MOW"])
    assert decide(api, official, employer, BODIES["approve"]).status_code == 404
    inside = EmployerFactory(region="RU-MOW", sponsorship_status="applied")
    assert decide(api, official, inside, BODIES["approve"]).status_code == 200


def test_employer_member_cannot_decide_own_sponsorship(api):
    employer = EmployerFactory(sponsorship_status="suspended")
    response = decide(api, employer_user(employer), employer, BODIES["approve"])
    assert response.status_code == 403
    employer.refresh_from_db()
    assert employer.sponsorship_status == "suspended"


def test_indian_side_official_reads_but_cannot_decide(api):
    employer = EmployerFactory(sponsorship_status="applied")
    official = official_user(Side.INDIA)
    assert api.as_user(official).get(f"/api/v1/employers/{employer.pk}/").status_code == 200
    assert decide(api, official, employer, BODIES["approve"]).status_code == 403


def test_agency_cannot_decide(api):
    employer = EmployerFactory(sponsorship_status="approved")
    assert decide(api, agency_user(), employer, BODIES["suspend"]).status_code == 403
    pending = EmployerFactory(sponsorship_status="applied")
    assert decide(api, agency_user(), pending, BODIES["approve"]).status_code == 404


def test_decisions_are_listed_on_the_employer_with_who_and_why(api):
    employer = EmployerFactory(sponsorship_status="applied")
    official = official_user(username="ru-chief")
    decide(api, official, employer, BODIES["approve"])
    decide(api, official, employer, BODIES["suspend"])
    detail = api.as_user(official).get(f"/api/v1/employers/{employer.pk}/").json()
    assert [d["decision"] for d in detail["decisions"]] == ["suspend", "approve"]
    assert detail["decisions"][0]["reason"] == BODIES["suspend"]["reason"]
    assert detail["decisions"][0]["decided_by"] == "ru-chief"
    assert detail["allowed_decisions"] == ["approve", "revoke"]
    owner = api.as_user(employer_user(employer)).get(f"/api/v1/employers/{employer.pk}/decisions/")
    assert owner.status_code == 200 and owner.json()["count"] == 2


def test_a_decision_tells_listeners_after_commit(api, django_capture_on_commit_callbacks):
    employer = EmployerFactory(sponsorship_status="applied")
    with (
        announced(employer_changed, "employer_id") as heard,
        django_capture_on_commit_callbacks(execute=True),
    ):
        decide(api, official_user(), employer, BODIES["approve"])
    assert heard == [employer.pk]


def test_agencies_do_not_read_decision_reasons(api):
    employer = EmployerFactory(sponsorship_status="applied")
    decide(api, official_user(), employer, BODIES["approve"])
    client = api.as_user(agency_user())
    detail = client.get(f"/api/v1/employers/{employer.pk}/")
    assert detail.status_code == 200 and "decisions" not in detail.json()
    assert client.get(f"/api/v1/employers/{employer.pk}/decisions/").status_code == 403
    stranger = api.as_user(employer_user())
    assert stranger.get(f"/api/v1/employers/{employer.pk}/decisions/").status_code == 404
