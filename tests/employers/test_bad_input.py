"""Nonsense sent to the employer, job-order and rulebook endpoints gets a clear 4xx, never a
500, and changes nothing."""

import pytest

from compliance.rulebook.models import Rule
from employers.models import JobOrder, SponsorshipDecision
from tests.factories import EmployerFactory, JobOrderFactory, employer_user, official_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        {"employer": "abc"},
        {"employer": "99999999999999999999999"},
        {"status": "nonsense"},
        {"work_region": "x" * 300},
        {"ordering": "password"},
        {"page": "0"},
        {"page": "abc"},
        {"page_size": "-1"},
    ],
)
def test_job_order_list_with_bad_query_is_not_a_server_error(api, query):
    JobOrderFactory()
    response = api.as_user(official_user()).get("/api/v1/job-orders/", query)
    assert response.status_code in (200, 400, 404)


@pytest.mark.parametrize(
    "body",
    [
        {"decision": "approve", "quota": "abc"},
        {"decision": "approve", "quota": 10**30},
        {"decision": ["approve"], "quota": 3},
        {"decision": "reject", "reason": {"x": 1}},
        {"decision": "reject", "reason": "x" * 5000},
        {"decision": None},
    ],
)
def test_decide_with_bad_body_is_a_400(api, body):
    employer = EmployerFactory(sponsorship_status="applied")
    response = api.as_user(official_user()).post(
        f"/api/v1/employers/{employer.pk}/decide/", body, format="json"
    )
    assert response.status_code == 400
    assert not SponsorshipDecision.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"monthly_wage_rub": "1e400"},
        {"monthly_wage_rub": "NaN"},
        {"hours_per_week": "200"},
        {"positions": "many"},
        {"occupation": None},
        {"title": "x" * 500},
    ],
)
def test_job_order_with_bad_figures_is_a_400(api, body):
    job_order = JobOrderFactory(status="draft")
    response = api.as_user(employer_user(job_order.employer)).patch(
        f"/api/v1/job-orders/{job_order.pk}/", body, format="json"
    )
    assert response.status_code == 400
    assert JobOrder.objects.get(pk=job_order.pk).positions == 10


@pytest.mark.parametrize(
    "body",
    [
        {"effective_from": "yesterday", "values": {"max_hours_per_week": 36}},
        {"effective_from": "2027-01-01", "values": "36"},
        {"effective_from": "2027-01-01", "values": {"max_hours_per_week": {"a": 1}}},
        {"effective_from": "2027-01-01", "values": {"max_hours_per_week": True}},
        {"effective_from": "2027-01-01"},
    ],
)
def test_rule_parameters_with_bad_body_are_a_400(api, body):
    rule = Rule.objects.get(code="HOURS_WEEKLY_EXCEEDED")
    response = api.as_user(official_user()).post(
        f"/api/v1/rules/{rule.pk}/parameters/", body, format="json"
    )
    assert response.status_code == 400
    assert rule.parameter_versions.count() == 1
