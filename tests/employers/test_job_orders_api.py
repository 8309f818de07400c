"""Job orders through the API: who sees which, drafting, and opening against the rulebook."""

from decimal import Decimal

import pytest

from employers.models import JobOrder
from tests.factories import (
    EmployerFactory,
    JobOrderFactory,
    UserFactory,
    employer_user,
    official_user,
)

pytestmark = pytest.mark.django_db

BODY = {
    "title": "Reinforced-concrete worker",
    "occupation": "7114",
    "positions": 12,
    "monthly_wage_rub": "85000.00",
    "hours_per_week": "40.0",
    "overtime_rate": "1.50",
    "accommodation_provided": True,
    "meals_provided": False,
    "monthly_deduction_rub": "5000.00",
    "contract_months": 12,
}


def test_employer_drafts_a_job_order_in_its_own_region_by_default(api):
    employer = EmployerFactory(region="RU-SPE")
    response = api.as_user(employer_user(employer)).post("/api/v1/job-orders/", BODY, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "draft"
    assert body["work_region"] == "RU-SPE"
    assert body["employer"] == employer.pk
    assert body["monthly_wage_rub"] == "85000.00"


AT_LEAST_ONE = "Ensure this value is greater than or equal to 1."


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "occupation",
            "9999",
            "Enter a 4-digit ISCO-08 occupation code, e.g. 7112 for bricklayers.",
        ),
        ("positions", 0, AT_LEAST_ONE),
        ("hours_per_week", "0", AT_LEAST_ONE),
        ("monthly_wage_rub", "-1", "Ensure this value is greater than or equal to 0."),
        ("work_region", "RU-XXX", "RU-XXX is not an ISO 3166-2:RU region code (e.g. RU-MOW)."),
        ("contract_months", 0, AT_LEAST_ONE),
        ("overtime_rate", "0.5", AT_LEAST_ONE),
    ],
)
def test_a_bad_job_order_field_is_named_with_the_reason(api, world, field, value, message):
    user = world.employer_a_user
    response = api.as_user(user).post("/api/v1/job-orders/", {**BODY, field: value}, format="json")
    assert response.status_code == 400
    assert response.json() == {field: [message]}
    assert JobOrder.objects.count() == 2  # the world's two open job orders


def test_only_employer_staff_create_job_orders(api, world):
    for user in (world.agency_a_user, world.official):
        response = api.as_user(user).post("/api/v1/job-orders/", BODY, format="json")
        assert response.status_code == 403
    assert JobOrder.objects.count() == 2  # the world's two open job orders


def test_agency_sees_only_open_job_orders_of_approved_employers(api, world):
    shown = world.job_a
    draft = JobOrderFactory(status="draft", employer=world.employer_a)
    closed = JobOrderFactory(status="closed", employer=world.employer_a)
    suspended = JobOrderFactory(
        status="open", employer=EmployerFactory(sponsorship_status="suspended")
    )
    client = api.as_user(world.agency_a_user)
    ids = {row["id"] for row in client.get("/api/v1/job-orders/").json()["results"]}
    assert ids == {world.job_a.pk, world.job_b.pk}
    for hidden in (draft, closed, suspended):
        assert client.get(f"/api/v1/job-orders/{hidden.pk}/").status_code == 404
    assert client.patch(f"/api/v1/job-orders/{shown.pk}/", {"positions": 1}).status_code == 403
    assert client.post(f"/api/v1/job-orders/{draft.pk}/open/").status_code == 404


def test_another_employer_does_not_find_a_job_order(api, world):
    job_order = JobOrderFactory(status="draft", employer=world.employer_a)
    stranger = api.as_user(world.employer_b_user)
    assert stranger.get(f"/api/v1/job-orders/{job_order.pk}/").status_code == 404
    assert (
        stranger.patch(f"/api/v1/job-orders/{job_order.pk}/", {"positions": 1}).status_code == 404
    )
    assert stranger.post(f"/api/v1/job-orders/{job_order.pk}/open/").status_code == 404
    assert stranger.delete(f"/api/v1/job-orders/{job_order.pk}/").status_code == 404
    assert JobOrder.objects.filter(pk=job_order.pk, positions=10).exists()


def test_officials_read_job_orders_in_their_regions_only(api, world):
    moscow_draft = JobOrderFactory(status="draft", employer=world.employer_a)
    limited = api.as_user(world.official_mow)
    listed = {r["id"] for r in limited.get("/api/v1/job-orders/").json()["results"]}
    assert listed == {world.job_a.pk, moscow_draft.pk}
    assert limited.get(f"/api/v1/job-orders/{world.job_b.pk}/").status_code == 404
    everyone = api.as_user(world.official_in)
    assert everyone.get("/api/v1/job-orders/").json()["count"] == 3
    assert everyone.post(f"/api/v1/job-orders/{moscow_draft.pk}/open/").status_code == 403


def test_only_drafts_are_edited(api):
    job_order = JobOrderFactory(status="open")
    client = api.as_user(employer_user(job_order.employer))
    response = client.patch(f"/api/v1/job-orders/{job_order.pk}/", {"positions": 3})
    assert response.status_code == 409
    assert response.json()["allowed"] == ["close", "fill"]
    draft = JobOrderFactory(status="draft", employer=job_order.employer)
    assert client.patch(f"/api/v1/job-orders/{draft.pk}/", {"positions": 3}).status_code == 200
    draft.refresh_from_db()
    assert draft.positions == 3


def test_opening_below_the_moscow_minimum_names_the_rule_and_figures(api):
    job_order = JobOrderFactory(status="draft", monthly_wage_rub=Decimal("30000.00"))
    client = api.as_user(employer_user(job_order.employer))
    response = client.post(f"/api/v1/job-orders/{job_order.pk}/open/")
    assert response.status_code == 400
    [problem] = response.json()["requirements"]
    assert "below the minimum wage of Moscow" in problem
    # Opening is judged on today's date; since 2026-01-01 Moscow's 39,730 RUB applies
    # (RULES.md, the regional minimum above the federal one).
    assert "30,000 RUB" in problem and "39,730 RUB" in problem
    job_order.refresh_from_db()
    assert job_order.status == "draft" and job_order.opened_at is None


def test_opening_with_41_hours_is_refused_and_40_opens(api):
    job_order = JobOrderFactory(status="draft", hours_per_week=Decimal("41"))
    client = api.as_user(employer_user(job_order.employer))
    response = client.post(f"/api/v1/job-orders/{job_order.pk}/open/")
    assert response.status_code == 400
    [problem] = response.json()["requirements"]
    assert "41 hours" in problem and "legal maximum of 40 hours" in problem
    client.patch(f"/api/v1/job-orders/{job_order.pk}/", {"hours_per_week": "40"})
    response = client.post(f"/api/v1/job-orders/{job_order.pk}/open/")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "open" and response.json()["opened_at"]


@pytest.mark.parametrize("status", ["applied", "suspended", "rejected", "revoked"])
def test_only_an_approved_employer_opens_a_job_order(api, status):
    job_order = JobOrderFactory(status="draft", employer=EmployerFactory(sponsorship_status=status))
    response = api.as_user(employer_user(job_order.employer)).post(
        f"/api/v1/job-orders/{job_order.pk}/open/"
    )
    assert response.status_code == 400
    assert "Only an approved sponsor opens job orders" in response.json()["requirements"][0]


def test_open_job_order_is_filled_or_closed_and_then_stays(api):
    job_order = JobOrderFactory(status="open")
    client = api.as_user(employer_user(job_order.employer))
    assert client.post(f"/api/v1/job-orders/{job_order.pk}/fill/").json()["status"] == "filled"
    response = client.post(f"/api/v1/job-orders/{job_order.pk}/close/")
    assert response.status_code == 409 and response.json()["allowed"] == []
    assert client.post(f"/api/v1/job-orders/{job_order.pk}/open/").status_code == 409


def test_drafts_can_be_deleted_open_ones_cannot(api):
    draft = JobOrderFactory(status="draft")
    client = api.as_user(employer_user(draft.employer))
    assert client.delete(f"/api/v1/job-orders/{draft.pk}/").status_code == 204
    live = JobOrderFactory(status="open", employer=draft.employer)
    assert client.delete(f"/api/v1/job-orders/{live.pk}/").status_code == 409


def test_job_orders_filter_and_order(api):
    employer = EmployerFactory()
    JobOrderFactory(employer=employer, monthly_wage_rub=Decimal("70000"), occupation="7112")
    JobOrderFactory(employer=employer, monthly_wage_rub=Decimal("90000"), occupation="7411")
    JobOrderFactory(status="draft")
    client = api.as_user(official_user())
    rows = client.get(
        "/api/v1/job-orders/", {"employer": employer.pk, "ordering": "-monthly_wage_rub"}
    ).json()["results"]
    assert [r["monthly_wage_rub"] for r in rows] == ["90000.00", "70000.00"]
    assert client.get("/api/v1/job-orders/", {"status": "draft"}).json()["count"] == 1
    assert client.get("/api/v1/job-orders/", {"occupation": "7411"}).json()["count"] == 1
    assert client.get("/api/v1/job-orders/", {"work_region": "RU-SPE"}).json()["count"] == 0


def test_a_user_without_a_role_finds_no_job_orders(api):
    job_order = JobOrderFactory()
    client = api.as_user(UserFactory())
    assert client.get("/api/v1/job-orders/").json()["count"] == 0
    assert client.get(f"/api/v1/job-orders/{job_order.pk}/").status_code == 404
    assert client.post("/api/v1/job-orders/", BODY, format="json").status_code == 403
    api.force_authenticate(None)
    assert api.get("/api/v1/job-orders/").status_code == 401
