"""The employers' part of `manage.py seed_demo`: fictitious registration numbers, more sponsors,
their sponsorship decisions and job orders. Keyed on natural keys and written with `upsert`,
so running it again changes nothing."""

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from stdnum.ru import inn, ogrn

from employers.models import (
    Employer,
    JobOrder,
    JobOrderStatus,
    Sector,
    SponsorshipDecision,
    SponsorshipDecisionKind,
    SponsorshipStatus,
)
from mobility.upsert import upsert

# A fixed time, so a re-run finds nothing to change.
OPENED_AT = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)


def demo_inn(serial: int) -> str:
    """A checksum-valid, fictitious organisation INN (region code 99 is not in use)."""
    body = f"99{serial:07d}"
    return body + inn.calc_company_check_digit(body)


def demo_address(serial: int) -> str:
    """A fictitious street address, written as a Russian employer's would be."""
    return f"ул. Примерная, д. {serial}"


def demo_ogrn(serial: int) -> str:
    body = f"10299{serial:07d}"
    # calc_check_digit reads the length of the whole number, check digit place included.
    return body + ogrn.calc_check_digit(body + "0")


@dataclass(frozen=True)
class DemoEmployer:
    serial: int
    legal_name: str
    region: str
    sector: str
    status: str
    quota: int


# Beyond the ones mobility.seed creates with logins (serials 1-6).
MORE_EMPLOYERS = [
    DemoEmployer(
        7,
        "Volga Circuit Boards LLC",
        "RU-NIZ",
        Sector.ELECTRONICS,
        SponsorshipStatus.SUSPENDED,
        20,
    ),
    DemoEmployer(
        8, "Chelyabinsk Press Works JSC", "RU-CHE", Sector.MACHINERY, SponsorshipStatus.APPLIED, 0
    ),
    DemoEmployer(9, "Tver Knitwear LLC", "RU-TVE", Sector.TEXTILES, SponsorshipStatus.REJECTED, 0),
]


@dataclass(frozen=True)
class DemoJobOrder:
    employer_serial: int
    title: str
    occupation: str
    positions: int
    wage: str
    status: str
    accommodation: bool = True
    deduction: str = "0"


JOB_ORDERS = [
    DemoJobOrder(1, "Concrete worker", "7114", 30, "85000.00", JobOrderStatus.OPEN, True, "6000"),
    DemoJobOrder(1, "Bricklayer", "7112", 20, "78000.00", JobOrderStatus.OPEN, True, "6000"),
    DemoJobOrder(1, "Tower crane operator", "8343", 4, "98000.00", JobOrderStatus.DRAFT),
    DemoJobOrder(2, "Sewing machine operator", "8153", 25, "52000.00", JobOrderStatus.OPEN),
    DemoJobOrder(2, "Cutting room assistant", "8153", 5, "41000.00", JobOrderStatus.CLOSED),
    DemoJobOrder(3, "CNC machine operator", "7223", 15, "72000.00", JobOrderStatus.OPEN),
    DemoJobOrder(3, "Welder", "7212", 10, "76000.00", JobOrderStatus.FILLED),
    DemoJobOrder(4, "Electronics assembler", "8212", 20, "48000.00", JobOrderStatus.OPEN, False),
    DemoJobOrder(7, "Circuit board assembler", "8212", 10, "46000.00", JobOrderStatus.OPEN),
]

DECISION_REASONS = {
    SponsorshipStatus.SUSPENDED: "Wage reports for two months are missing; suspended until filed.",
    SponsorshipStatus.REJECTED: "The OGRN extract does not match the legal name given.",
}


def seed_more_employers() -> None:
    for spec in MORE_EMPLOYERS:
        upsert(
            Employer,
            inn=demo_inn(spec.serial),
            defaults={
                "legal_name": spec.legal_name,
                "ogrn": demo_ogrn(spec.serial),
                "region": spec.region,
                "sector": spec.sector,
                "address": demo_address(spec.serial),
                "contact_email": f"hr{spec.serial}@example.ru",
                "sponsorship_status": spec.status,
                "quota": spec.quota,
            },
        )


def seed_decisions(decided_by_username: str = "official-ru") -> None:
    """Give every demo employer that has been decided on the decisions that led there."""
    official = get_user_model().objects.filter(username=decided_by_username).first()
    if official is None:
        return
    decided = Employer.objects.filter(inn__startswith="99").exclude(
        sponsorship_status=SponsorshipStatus.APPLIED
    )
    for employer in decided.filter(decisions__isnull=True):
        steps = []
        if employer.sponsorship_status == SponsorshipStatus.REJECTED:
            steps.append((SponsorshipDecisionKind.REJECT, SponsorshipStatus.APPLIED))
        else:
            steps.append((SponsorshipDecisionKind.APPROVE, SponsorshipStatus.APPLIED))
        if employer.sponsorship_status == SponsorshipStatus.SUSPENDED:
            steps.append((SponsorshipDecisionKind.SUSPEND, SponsorshipStatus.APPROVED))
        for kind, from_status in steps:
            to_status = {
                SponsorshipDecisionKind.APPROVE: SponsorshipStatus.APPROVED,
                SponsorshipDecisionKind.REJECT: SponsorshipStatus.REJECTED,
                SponsorshipDecisionKind.SUSPEND: SponsorshipStatus.SUSPENDED,
            }[kind]
            SponsorshipDecision.objects.create(
                employer=employer,
                decision=kind,
                from_status=from_status,
                to_status=to_status,
                quota=employer.quota if kind == SponsorshipDecisionKind.APPROVE else None,
                reason=DECISION_REASONS.get(to_status, ""),
                decided_by=official,
            )


def seed_job_orders() -> None:
    """Open job orders for the approved demo employers (and one of the suspended one's, left
    open from before its suspension), a draft, a closed and a filled one."""
    seed_more_employers()
    employers = Employer.objects.in_bulk(
        [demo_inn(spec.employer_serial) for spec in JOB_ORDERS], field_name="inn"
    )
    for spec in JOB_ORDERS:
        employer = employers.get(demo_inn(spec.employer_serial))
        if employer is None:
            continue
        upsert(
            JobOrder,
            employer=employer,
            title=spec.title,
            defaults={
                "occupation": spec.occupation,
                "positions": spec.positions,
                "monthly_wage_rub": Decimal(spec.wage),
                "hours_per_week": Decimal("40.0"),
                "overtime_rate": Decimal("1.50"),
                "accommodation_provided": spec.accommodation,
                "meals_provided": False,
                "monthly_deduction_rub": Decimal(spec.deduction),
                "work_region": employer.region,
                "contract_months": 24,
                "status": spec.status,
                "opened_at": None if spec.status == JobOrderStatus.DRAFT else OPENED_AT,
            },
        )
    seed_decisions()
