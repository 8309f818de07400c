"""Tiles equal lists: every figure of the dashboard links to the list it counts, and that list,
opened as the same official, is exactly as long as the figure, whatever the filters."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone

from compliance.entitlements.models import Payment
from tests.factories import (
    EntitlementFactory,
    FindingFactory,
    GrievanceFactory,
    PlacementFactory,
    WorkerFactory,
    today,
)
from tests.world import S
from workers.models import GrievanceStatus, Placement

pytestmark = pytest.mark.django_db

LONG_AGO = 200  # days: before the period the filters below ask for


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def case(world, status, *, job=None, agency=None, opened_days_ago=0, **fields) -> Placement:
    job = job or world.job_a
    agency = agency or world.agency_a
    placement = PlacementFactory(
        status=status, job_order=job, worker=WorkerFactory(agency=agency), **fields
    )
    if opened_days_ago:
        opened = timezone.now() - timedelta(days=opened_days_ago)
        Placement.objects.filter(pk=placement.pk).update(created_at=opened)
    return placement


def finding(placement=None, *, severity="breach", status="open", detected_days_ago=0, **fields):
    detected = timezone.now() - timedelta(days=detected_days_ago)
    return FindingFactory(
        placement=placement,
        severity=severity,
        status=status,
        first_detected_at=detected,
        last_detected_at=detected,
        **fields,
    )


@pytest.fixture
def pact(world):
    """Cases, findings and grievances in Moscow (employer A, construction) and St Petersburg
    (employer B, textiles), of both agencies, some of them long finished."""
    mow_a = case(world, S.EMPLOYED)
    mow_b = case(world, S.SUBMITTED, agency=world.agency_b)
    spe_b = case(world, S.EMPLOYED, job=world.job_b, agency=world.agency_b)
    case(world, S.ARRIVED, job=world.job_b, agency=world.agency_b)
    old = case(
        world,
        S.COMPLETED,
        opened_days_ago=400,
        end_date=today() - timedelta(days=LONG_AGO),
    )
    case(world, S.DRAFT, opened_days_ago=LONG_AGO + 10)
    case(world, S.EMPLOYED, agency=world.agency_b, opened_days_ago=LONG_AGO + 10)

    finding(mow_a, severity="critical", code="SAFETY_INCIDENT_SERIOUS")
    finding(mow_a, severity="breach", status="acknowledged")
    finding(mow_b, severity="warning", code="PASSPORT_EXPIRING")
    finding(spe_b, severity="breach")
    finding(spe_b, severity="info", code="INSURANCE_EXPIRING")
    finding(old, severity="breach", detected_days_ago=LONG_AGO + 20)
    finding(mow_a, severity="breach", status="resolved")
    # About an employer and an agency alone, without a case.
    finding(employer=world.employer_b, code="EMPLOYER_QUOTA_EXCEEDED", period="quota")
    finding(agency=world.agency_a, code="AGENCY_LICENCE_INVALID", period="licence")

    # The grievance the dashboard once missed: its acknowledgement is late, its resolution
    # not yet.
    GrievanceFactory(placement=mow_a, filed_days_ago=5)
    GrievanceFactory(
        placement=spe_b, filed_days_ago=40, acknowledged_at=timezone.now() - timedelta(days=38)
    )
    GrievanceFactory(placement=mow_b, filed_days_ago=1)
    GrievanceFactory(placement=spe_b, filed_days_ago=1)
    GrievanceFactory(
        placement=old,
        filed_days_ago=LONG_AGO + 30,
        status=GrievanceStatus.RESOLVED,
        acknowledged_at=timezone.now() - timedelta(days=LONG_AGO + 29),
        closed_at=timezone.now() - timedelta(days=LONG_AGO + 5),
    )

    # Money: what counts is confirmed or accepted; a pending payment and a disputed one do
    # not. One payment long ago, before the period asked for below.
    wages_mow = EntitlementFactory(
        finding=finding(mow_a, status="resolved"), paid_accepted=Decimal("4500.00")
    )
    pay(wages_mow, "3000.00", "confirmed")
    pay(wages_mow, "1500.00", "accepted", days_ago=LONG_AGO + 5)
    pay(wages_mow, "2000.00", "pending")
    wages_spe = EntitlementFactory(
        finding=finding(spe_b, status="resolved"),
        amount_owed=Decimal("8000.00"),
        paid_accepted=Decimal("4000.00"),
    )
    pay(wages_spe, "4000.00", "confirmed")
    pay(wages_spe, "700.00", "disputed")
    fee = EntitlementFactory(
        finding=finding(mow_b, code="RECRUITMENT_FEE_CHARGED", status="resolved"),
        kind="recruitment_fee",
        currency="INR",
        owed_by="agency",
        due_on=None,
        amount_owed=Decimal("50000.00"),
        paid_accepted=Decimal("20000.00"),
    )
    pay(fee, "20000.00", "confirmed")
    return world


def pay(entitlement, amount: str, answer: str, *, days_ago: int = 3) -> Payment:
    return Payment.objects.create(
        entitlement=entitlement,
        amount=Decimal(amount),
        paid_on=today() - timedelta(days=days_ago),
        method="bank_transfer",
        answer=answer,
    )


PERSONAS = ("official_mow", "official", "official_in")


def filter_sets(world, persona: str) -> list[dict]:
    """No filter, then each of the dashboard's filters alone (regions and employers the
    official covers), and a period with a region."""
    day = (today() - timedelta(days=LONG_AGO - 15)).isoformat()
    national = persona != "official_mow"
    return [
        {},
        {"region": "RU-MOW"},
        {"sector": "textiles"},
        {"employer": world.employer_a.pk},
        {"agency": world.agency_b.pk},
        {"period_from": day},
        {"period_to": day},
        *([{"region": "RU-SPE"}, {"employer": world.employer_b.pk}] if national else []),
        {"period_from": day, "period_to": today().isoformat(), "region": "RU-MOW"},
    ]


def listed(client, link: str):
    """The length of the list behind a count, or the sum of the payments behind an amount."""
    response = client.get(link)
    assert response.status_code == 200, link
    rows = response.context["page"].paginator
    if "/payments/" in link:
        return sum((payment.amount for payment in rows.object_list), Decimal(0))
    return rows.count


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_tile_equals_the_list_behind_its_link(api, client, pact, persona):
    official = getattr(pact, persona)
    client.force_login(official)
    api.as_user(official)
    seen = 0
    for params in filter_sets(pact, persona):
        cache.clear()
        response = api.get("/api/v1/dashboard/summary/", params)
        assert response.status_code == 200, params
        tiles = response.json()["tiles"]
        groups = {tile["group"] for tile in tiles}
        assert groups - {"agencies"} == {"employed", "findings", "grievances", "stages", "money"}
        for tile in tiles:
            for name, value in params.items():
                assert f"{name}={value}" in tile["link"], (tile, params)
            assert listed(client, tile["link"]) == Decimal(str(tile["figure"])), (tile, params)
            seen += Decimal(str(tile["figure"]))
    assert seen > 0


def test_the_overdue_grievances_tile_counts_the_late_acknowledgement(api, client, pact):
    tiles = {
        tile["key"]: tile
        for tile in api.as_user(pact.official).get("/api/v1/dashboard/summary/").json()["tiles"]
    }
    overdue = tiles["grievances-overdue"]
    assert overdue["figure"] == 2
    assert "overdue=true" in overdue["link"]
    assert tiles["grievances-within"]["figure"] == 2
    client.force_login(pact.official)
    html = client.get(overdue["link"]).content.decode()
    assert html.count("· overdue") == 2


def test_the_moscow_official_counts_only_moscow(api, pact):
    tiles = {
        tile["key"]: tile["figure"]
        for tile in api.as_user(pact.official_mow).get("/api/v1/dashboard/summary/").json()["tiles"]
    }
    # Two employed in Moscow (one opened long ago); St Petersburg's stay out.
    assert tiles["employed-employed"] == 2
    # Moscow's open findings (one acknowledged, one on a case finished long ago), and the
    # agency's own, which no region holds; not St Petersburg's employer's.
    assert tiles["findings-critical"] == 1
    assert tiles["findings-breach"] == 3
    assert tiles["grievances-overdue"] == 1
    # Moscow's money: 3,000 confirmed and 1,500 accepted on one case, the agency's 20,000 INR
    # refunded on another; St Petersburg's 4,000 stays out, and so do the pending 2,000 and
    # the disputed 700.
    assert float(tiles["money-RUB"]) == 4500
    assert float(tiles["money-INR"]) == 20000
