"""A worker who complains must not be exposed to the employer or the agency before an official
decides to share the grievance: neither through the clock finding it raises, nor through the
date of birth that opens the public grievance lookup together with the receipt."""

import pytest
from django.utils import timezone

from compliance.checks import engine
from compliance.grievances.services import share_with_employer
from mobility.access import actor_for
from tests import factories
from tests.compliance.rule_helpers import compliant_case

pytestmark = pytest.mark.django_db
RULE = "GRIEVANCE_SLA_BREACHED"


@pytest.fixture
def late_grievance(world):
    """A grievance on the owner's case left unacknowledged for five days (the limit is
    three), and the sweep."""
    case = compliant_case(job_order=world.job_a, worker__agency=world.agency_a)
    grievance = factories.GrievanceFactory(placement=case, filed_days_ago=5)
    engine.run_sweep_now(on=timezone.localdate())
    return grievance


def listed(api, user) -> list[str]:
    response = api.as_user(user).get("/api/v1/findings/", {"rule": RULE})
    assert response.status_code == 200
    return [row["period"] for row in response.data["results"]]


def test_officials_read_the_clock_finding_of_a_late_grievance(api, world, late_grievance):
    assert listed(api, world.official) == [late_grievance.receipt]
    assert listed(api, world.official_mow) == [late_grievance.receipt]


def test_the_employer_reads_it_only_once_an_official_shares_the_grievance(
    api, client, world, late_grievance
):
    employer = world.employer_a_user
    assert listed(api, employer) == []
    client.force_login(employer)
    assert late_grievance.receipt not in client.get("/employer/findings/").content.decode()
    share_with_employer(actor=actor_for(world.official), grievance_id=late_grievance.pk)
    assert listed(api, employer) == [late_grievance.receipt]
    assert listed(api, world.employer_b_user) == []


def test_the_agency_never_reads_it(api, world, late_grievance):
    agency = world.agency_a_user
    assert listed(api, agency) == []
    share_with_employer(actor=actor_for(world.official), grievance_id=late_grievance.pk)
    assert listed(api, agency) == []


def test_an_employer_reads_a_candidates_age_but_not_the_date_of_birth(api, world, late_grievance):
    worker = late_grievance.placement.worker
    body = api.as_user(world.employer_a_user).get(f"/api/v1/workers/{worker.pk}/").json()
    assert "date_of_birth" not in body
    born, today = worker.date_of_birth, timezone.localdate()
    assert body["age"] == today.year - born.year - (
        (today.month, today.day) < (born.month, born.day)
    )
    agency = api.as_user(world.agency_a_user)
    assert agency.get(f"/api/v1/workers/{worker.pk}/").json()["date_of_birth"] == str(born)
