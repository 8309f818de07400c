"""A finding about a case is seen by exactly those who see the case: the findings scope is
built from `placements_visible_to`, the drafts an employer never received included."""

from decimal import Decimal as D

import pytest

from compliance.findings.selectors import findings_visible_to
from compliance.grievances.selectors import grievances_visible_to
from compliance.models import Finding
from tests import factories
from tests.compliance.finding_helpers import make_finding
from tests.compliance.rule_helpers import check, compliant_case
from workers.models import CaseEvent, Grievance
from workers.placements.selectors import placements_visible_to

pytestmark = pytest.mark.django_db
URL = "/api/v1/findings/"


@pytest.fixture
def cases():
    """Five cases of one employer and agency, each with a finding (a fee charged to the
    worker fires in every status), and one case in another region."""
    employer = factories.EmployerFactory(region="RU-MOW")
    job_order = factories.JobOrderFactory(employer=employer)
    agency = factories.AgencyFactory()

    def case(status, **fields):
        worker = factories.WorkerFactory(agency=agency)
        placement = compliant_case(
            job_order=job_order,
            worker=worker,
            agency=agency,
            status=status,
            recruitment_fee_inr=D("100"),
            **fields,
        )
        return placement

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
        employer=factories.EmployerFactory(region="RU-SPE"), recruitment_fee_inr=D("100")
    )
    for placement in (employed, draft, withdrawn_draft, withdrawn_later, elsewhere):
        assert "RECRUITMENT_FEE_CHARGED" in check(placement)
    return {
        "employer": employer,
        "agency": agency,
        "employed": employed,
        "draft": draft,
        "withdrawn_draft": withdrawn_draft,
        "withdrawn_later": withdrawn_later,
        "elsewhere": elsewhere,
    }


def _personas(cases):
    return {
        "employer": factories.employer_user(employer=cases["employer"]),
        "agency": factories.agency_user(agency=cases["agency"]),
        "official": factories.official_user(),
        "region-limited official": factories.official_user(regions=["RU-SPE"]),
        "peer employer": factories.employer_user(),
    }


def _cases_of(findings) -> set[int]:
    return set(findings.exclude(placement=None).values_list("placement_id", flat=True))


def test_the_findings_about_cases_are_those_of_the_cases_each_persona_sees(cases):
    with_findings = set(Finding.objects.values_list("placement_id", flat=True))
    for name, user in _personas(cases).items():
        visible_cases = set(placements_visible_to(user).values_list("pk", flat=True))
        assert _cases_of(findings_visible_to(user)) == visible_cases & with_findings, name


def test_an_employer_sees_no_finding_about_a_draft_or_a_draft_withdrawn_unsubmitted(api, cases):
    user = factories.employer_user(employer=cases["employer"])
    seen = _cases_of(findings_visible_to(user))
    assert seen == {cases["employed"].pk, cases["withdrawn_later"].pk}
    client = api.as_user(user)
    listed = {f["placement"] for f in client.get(URL, {"page_size": 100}).json()["results"]}
    assert listed == seen
    hidden = Finding.objects.get(placement=cases["withdrawn_draft"])
    assert client.get(f"{URL}{hidden.pk}/").status_code == 404


def test_findings_about_the_employer_or_the_agency_itself_stay_with_them(cases):
    personas = _personas(cases)
    about_employer = make_finding(code="EMPLOYER_QUOTA_EXCEEDED", employer=cases["employer"])
    about_agency = make_finding(code="AGENCY_LICENCE_INVALID", agency=cases["agency"])
    assert about_employer in findings_visible_to(personas["employer"])
    assert about_employer not in findings_visible_to(personas["peer employer"])
    assert about_employer not in findings_visible_to(personas["agency"])
    assert about_agency in findings_visible_to(personas["agency"])
    assert about_agency not in findings_visible_to(personas["employer"])
    # Agencies are Indian: no Russian region limits who among officials sees them.
    assert about_agency in findings_visible_to(personas["region-limited official"])
    assert about_employer not in findings_visible_to(personas["region-limited official"])


def test_grievances_follow_the_case_scope_too(cases):
    personas = _personas(cases)
    for key in ("employed", "withdrawn_draft", "elsewhere"):
        Grievance.objects.create(
            placement=cases[key],
            receipt=f"GRV-{key[:4].upper()}-0001",
            category="wages",
            description="Not paid.",
            acknowledgement_due=cases[key].created_at,
            resolution_due=cases[key].created_at,
        )
    for name, user in personas.items():
        visible_cases = set(placements_visible_to(user).values_list("pk", flat=True))
        grievance_cases = set(grievances_visible_to(user).values_list("placement_id", flat=True))
        if name == "agency":
            assert grievance_cases == set(), name
        else:
            with_grievance = set(Grievance.objects.values_list("placement_id", flat=True))
            assert grievance_cases == visible_cases & with_grievance, name
