"""Nonsense sent to the employer, job-order and rulebook endpoints gets a 4xx naming what is
wrong, never a 500, and changes nothing."""

import pytest

from compliance.rulebook.models import Rule
from employers.models import JobOrder, SponsorshipDecision
from tests.factories import EmployerFactory, JobOrderFactory, employer_user, official_user

pytestmark = pytest.mark.django_db

NOT_A_CHOICE = "Select a valid choice. That choice is not one of the available choices."
NO_DATE = "Date has wrong format. Use one of these formats instead: YYYY-MM-DD."
NOT_A_NUMBER = "max_hours_per_week must be a number of 0 or more."


@pytest.mark.parametrize(
    ("query", "status", "body"),
    [
        ({"employer": "abc"}, 400, {"employer": ["Enter a whole number."]}),
        (
            {"employer": "99999999999999999999999"},
            400,
            {"employer": ["Ensure this value is less than or equal to 9223372036854775807."]},
        ),
        (
            {"status": "nonsense"},
            400,
            {"status": ["Select a valid choice. nonsense is not one of the available choices."]},
        ),
        (
            {"work_region": "x" * 300},
            400,
            {
                "work_region": [
                    f"Select a valid choice. {'x' * 300} is not one of the available choices."
                ]
            },
        ),
        ({"page": "0"}, 404, {"detail": "Invalid page."}),
        ({"page": "abc"}, 404, {"detail": "Invalid page."}),
    ],
)
def test_a_job_order_list_with_a_bad_filter_or_page_says_which(api, query, status, body):
    JobOrderFactory()
    response = api.as_user(official_user()).get("/api/v1/job-orders/", query)
    assert (response.status_code, response.json()) == (status, body)


@pytest.mark.parametrize("query", [{"ordering": "password"}, {"page_size": "-1"}])
def test_an_unknown_ordering_or_page_size_is_ignored(api, query):
    job_order = JobOrderFactory()
    response = api.as_user(official_user()).get("/api/v1/job-orders/", query)
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [job_order.pk]


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"decision": "approve", "quota": "abc"}, "quota", "A valid integer is required."),
        (
            {"decision": "approve", "quota": 10**30},
            "quota",
            "Ensure this value is less than or equal to 1000000.",
        ),
        (
            {"decision": ["approve"], "quota": 3},
            "decision",
            "\"['approve']\" is not a valid choice.",
        ),
        ({"decision": "reject", "reason": {"x": 1}}, "reason", "Not a valid string."),
        (
            {"decision": "reject", "reason": "x" * 5000},
            "reason",
            "Ensure this field has no more than 2000 characters.",
        ),
        ({"decision": None}, "decision", "This field may not be null."),
    ],
)
def test_a_decision_with_a_bad_body_names_the_field_and_decides_nothing(api, body, field, message):
    employer = EmployerFactory(sponsorship_status="applied")
    response = api.as_user(official_user()).post(
        f"/api/v1/employers/{employer.pk}/decide/", body, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {field: [message]}
    assert not SponsorshipDecision.objects.exists()
    employer.refresh_from_db()
    assert employer.sponsorship_status == "applied"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"monthly_wage_rub": "1e400"}, "Ensure that there are no more than 12 digits in total."),
        ({"monthly_wage_rub": "NaN"}, "A valid number is required."),
        ({"hours_per_week": "200"}, "Ensure this value is less than or equal to 168."),
        ({"positions": "many"}, "A valid integer is required."),
        ({"occupation": None}, "This field may not be null."),
        ({"title": "x" * 500}, "Ensure this field has no more than 200 characters."),
    ],
)
def test_a_job_order_with_bad_figures_names_the_field_and_keeps_the_draft(api, body, message):
    job_order = JobOrderFactory(status="draft")
    response = api.as_user(employer_user(job_order.employer)).patch(
        f"/api/v1/job-orders/{job_order.pk}/", body, format="json"
    )
    assert response.status_code == 400
    [field] = body
    assert response.json() == {field: [message]}
    assert JobOrder.objects.get(pk=job_order.pk).positions == 10


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        (
            {"effective_from": "yesterday", "values": {"max_hours_per_week": 36}},
            {"effective_from": [NO_DATE]},
        ),
        (
            {"effective_from": "2027-01-01", "values": "36"},
            {"values": ["Give the parameters as an object of name: value."]},
        ),
        (
            {"effective_from": "2027-01-01", "values": {"max_hours_per_week": {"a": 1}}},
            {"values": [NOT_A_NUMBER]},
        ),
        (
            {"effective_from": "2027-01-01", "values": {"max_hours_per_week": True}},
            {"values": [NOT_A_NUMBER]},
        ),
        (
            {"effective_from": "2027-01-01"},
            {"values": ["This field is required."]},
        ),
    ],
)
def test_rule_parameters_with_a_bad_body_name_the_field_and_add_no_version(api, body, errors):
    rule = Rule.objects.get(code="HOURS_WEEKLY_EXCEEDED")
    response = api.as_user(official_user()).post(
        f"/api/v1/rules/{rule.pk}/parameters/", body, format="json"
    )
    assert response.status_code == 400
    assert rule.parameter_versions.count() == 1
    assert response.json() == errors
