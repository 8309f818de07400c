"""The evidence and grievance lists cost the same number of queries however long they are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.compliance.finding_helpers import make_finding
from tests.compliance.grievance_helpers import make_grievance
from tests.compliance.test_evidence_api import employed_case, months_ago

pytestmark = pytest.mark.django_db


def grow(employer, count):
    for _ in range(count):
        case = employed_case(employer)
        factories.WageReportFactory(placement=case, month=months_ago(1))
        factories.SafetyRecordFactory(placement=case)
        factories.InsuranceCoverFactory(placement=case)
        make_grievance(case)
        make_finding(placement=case)


def assert_flat(fetch, employer, django_assert_max_num_queries):
    grow(employer, 5)
    fetch()
    with CaptureQueriesContext(connection) as small:
        fetch()
    grow(employer, 25)
    with django_assert_max_num_queries(len(small.captured_queries)):
        fetch()


@pytest.fixture
def employer():
    return factories.EmployerFactory()


@pytest.mark.parametrize(
    "url", ["/api/v1/wage-reports/", "/api/v1/safety-records/", "/api/v1/insurance-covers/"]
)
@pytest.mark.parametrize("role", ["official", "employer", "agency"])
def test_evidence_lists_stay_flat(api, employer, role, url, django_assert_max_num_queries):
    if role == "official":
        user = factories.official_user()
    elif role == "employer":
        user = factories.employer_user(employer)
    else:
        user = factories.agency_user(employed_case(employer).agency)
    client = api.as_user(user)
    assert_flat(lambda: client.get(url), employer, django_assert_max_num_queries)


@pytest.mark.parametrize("role", ["official", "employer"])
def test_the_grievance_list_stays_flat(api, employer, role, django_assert_max_num_queries):
    user = factories.official_user() if role == "official" else factories.employer_user(employer)
    client = api.as_user(user)
    assert_flat(lambda: client.get("/api/v1/grievances/"), employer, django_assert_max_num_queries)


@pytest.mark.parametrize(
    ("role", "url"),
    [
        ("official", "/officials/grievances/"),
        ("employer", "/employer/grievances/"),
        ("employer", "/employer/findings/"),
        ("employer", f"/employer/evidence/?month={months_ago(1):%Y-%m}"),
    ],
)
def test_pages_stay_flat(client, employer, role, url, django_assert_max_num_queries):
    user = factories.official_user() if role == "official" else factories.employer_user(employer)
    client.force_login(user)
    assert_flat(lambda: client.get(url), employer, django_assert_max_num_queries)
