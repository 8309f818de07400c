"""A finding about a case is seen by exactly those who see the case: the findings scope is
built from `placements_visible_to`, the drafts an employer never received included."""

from decimal import Decimal as D

import pytest

from compliance.findings.selectors import findings_visible_to
from compliance.grievances.selectors import grievances_visible_to
from compliance.models import Finding
from tests import factories
from tests.compliance.rule_helpers import check, compliant_case
from workers.models import CaseEvent, Grievance
from workers.placements.selectors import placements_visible_to

pytestmark = pytest.mark.django_db
URL = "/api/v1/findings/"


@pytest.fixture
def cases(world):
    """Four cases of the owner's (agency A on employer A's job order in Moscow), each with a
    finding (a fee charged to the worker fires in every status), and one of the peer's in
    St Petersburg."""

    def case(status, **fields):
        return compliant_case(
            job_order=world.job_a,
            worker__agency=world.agency_a,
            status=status,
            recruitment_fee_inr=D("100"),
            **fields,
        )

    employed = case("employed")
    draft = case("draft")
    withdrawn_draft = case("withdrawn")
    CaseEvent.objects.create(placement=withdrawn_draft, from_status="draft", to_status="withdrawn")
    withdrawn_later = case("withdrawn")
    CaseEvent.objects.create(placement=withdrawn_later, from_status="draft", to_status="submitted")
    CaseEvent.objects.create(
        placement=withdrawn_later, from_status="submitted", to_status="withdrawn"
    )
    elsewhere = compliant_case(
        job_order=world.job_b, worker__agency=world.agency_b, recruitment_fee_inr=D("100")
    )
    for placement in (employed, draft, withdrawn_draft, withdrawn_later, elsewhere):
        assert "RECRUITMENT_FEE_CHARGED" in check(placement)
    return {
        "employer": world.employer_a,
        "agency": world.agency_a,
        "employed": employed,
        "draft": draft,
        "withdrawn_draft": withdrawn_draft,
        "withdrawn_later": withdrawn_later,
        "elsewhere": elsewhere,
    }


def _personas(world):
    return {
        "employer": world.employer_a_user,
        "agency": world.agency_a_user,
        "official": world.official,
        "region-limited official": world.official_mow,
        "peer employer": world.employer_b_user,
        "peer agency": world.agency_b_user,
    }


def _cases_of(findings) -> set[int]:
    return set(findings.exclude(placement=None).values_list("placement_id", flat=True))


def test_the_findings_about_cases_are_those_of_the_cases_each_persona_sees(world, cases):
    with_findings = set(Finding.objects.values_list("placement_id", flat=True))
    for name, user in _personas(world).items():
        visible_cases = set(placements_visible_to(user).values_list("pk", flat=True))
        assert _cases_of(findings_visible_to(user)) == visible_cases & with_findings, name


def test_an_employer_sees_no_finding_about_a_draft_or_a_draft_withdrawn_unsubmitted(
    api, world, cases
):
    user = world.employer_a_user
    seen = _cases_of(findings_visible_to(user))
    assert seen == {cases["employed"].pk, cases["withdrawn_later"].pk}
    client = api.as_user(user)
    listed = {f["placement"] for f in client.get(URL, {"page_size": 100}).json()["results"]}
    assert listed == seen
    hidden = Finding.objects.get(placement=cases["withdrawn_draft"])
    assert client.get(f"{URL}{hidden.pk}/").status_code == 404


def test_findings_about_the_employer_or_the_agency_itself_stay_with_them(world, cases):
    personas = _personas(world)
    about_employer = factories.FindingFactory(
        code="EMPLOYER_QUOTA_EXCEEDED", employer=world.employer_a
    )
    about_peer = factories.FindingFactory(code="EMPLOYER_QUOTA_EXCEEDED", employer=world.employer_b)
    about_agency = factories.FindingFactory(code="AGENCY_LICENCE_INVALID", agency=world.agency_a)
    assert about_employer in findings_visible_to(personas["employer"])
    assert about_employer not in findings_visible_to(personas["peer employer"])
    assert about_employer not in findings_visible_to(personas["agency"])
    assert about_agency in findings_visible_to(personas["agency"])
    assert about_agency not in findings_visible_to(personas["employer"])
    assert about_agency not in findings_visible_to(personas["peer agency"])
    # Agencies are Indian: no Russian region limits who among officials sees them.
    limited = findings_visible_to(personas["region-limited official"])
    assert about_agency in limited
    assert about_employer in limited and about_peer not in limited


def test_grievances_follow_the_case_scope_too(world, cases):
    personas = _personas(world)
    for key in ("employed", "withdrawn_draft", "elsewhere"):
        factories.GrievanceFactory(placement=cases[key])
    for name, user in personas.items():
        visible_cases = set(placements_visible_to(user).values_list("pk", flat=True))
        grievance_cases = set(grievances_visible_to(user).values_list("placement_id", flat=True))
        if name in ("agency", "peer agency"):
            assert grievance_cases == set(), name
        else:
            with_grievance = set(Grievance.objects.values_list("placement_id", flat=True))
            assert grievance_cases == visible_cases & with_grievance, name
