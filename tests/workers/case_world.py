"""A small world of two agencies and two employers for the case tests, and helpers to put a
case into any status with what the next move needs."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from mobility.models import Side
from tests import factories
from workers.documents.sample_files import pdf_bytes
from workers.models import Document, DocumentKind, PlacementStatus

S = PlacementStatus


@dataclass
class World:
    agency_a: object
    agency_b: object
    employer_a: object
    employer_b: object
    job_a: object
    job_b: object
    agency_a_user: object
    agency_b_user: object
    employer_a_user: object
    employer_b_user: object
    official: object
    official_mow: object
    official_in: object

    def user(self, role: str):
        return {
            "agency": self.agency_a_user,
            "employer": self.employer_a_user,
            "official": self.official,
        }[role]


def make_world() -> World:
    agency_a, agency_b = factories.AgencyFactory(), factories.AgencyFactory()
    employer_a = factories.EmployerFactory(region="RU-MOW")
    employer_b = factories.EmployerFactory(region="RU-SPE")
    return World(
        agency_a=agency_a,
        agency_b=agency_b,
        employer_a=employer_a,
        employer_b=employer_b,
        job_a=factories.JobOrderFactory(employer=employer_a),
        job_b=factories.JobOrderFactory(employer=employer_b),
        agency_a_user=factories.agency_user(agency_a),
        agency_b_user=factories.agency_user(agency_b),
        employer_a_user=factories.employer_user(employer_a),
        employer_b_user=factories.employer_user(employer_b),
        official=factories.official_user(Side.RUSSIA),
        official_mow=factories.official_user(Side.RUSSIA, ["RU-MOW"]),
        official_in=factories.official_user(Side.INDIA),
    )


_serial = iter(range(10**6))


def attach(kind: str, *, worker=None, placement=None, issued_on=None) -> Document:
    owner = placement.worker if placement else worker
    content = pdf_bytes(f"{kind} {next(_serial)}")
    document = Document(
        worker=owner,
        placement=placement,
        kind=kind,
        sha256=f"{next(_serial):064d}",
        content_type="application/pdf",
        size=len(content),
        issued_on=issued_on,
    )
    document.file.save("test.pdf", ContentFile(content), save=False)
    document.save()
    return document


def today():
    return timezone.localdate()


def contract_body(**overrides) -> dict:
    start = today() + timedelta(days=30)
    body = {
        "contract_wage_rub": "60000.00",
        "contract_hours_per_week": "40.0",
        "contract_start": start.isoformat(),
        "contract_end": (start + timedelta(days=365)).isoformat(),
    }
    return {**body, **overrides}


GOOD_BODIES = {
    S.SUBMITTED: lambda: {},
    S.ACCEPTED: lambda: {},
    S.REJECTED: lambda: {"reason": "Not enough experience."},
    S.CONTRACT_SIGNED: contract_body,
    S.VISA_ISSUED: lambda: {
        "visa_number": "V-1",
        "work_permit_number": "WP-1",
        "work_permit_valid_from": today().isoformat(),
        "work_permit_valid_until": (today() + timedelta(days=500)).isoformat(),
    },
    S.DEPARTED: lambda: {"departure_date": today().isoformat()},
    S.ARRIVED: lambda: {"arrival_date": today().isoformat()},
    S.EMPLOYED: lambda: {"employment_start": today().isoformat()},
    S.COMPLETED: lambda: {"end_date": today().isoformat()},
    S.TERMINATED: lambda: {"end_date": today().isoformat(), "reason": "Site closed."},
    S.REPATRIATED: lambda: {"reason": "Medical emergency."},
    S.WITHDRAWN: lambda: {"reason": "The worker changed their mind."},
}


def case_in(world: World, status: str, job=None, agency=None):
    """A case of agency A on employer A's job order (or the given ones) in `status`, with every
    document and record the moves out of `status` require."""
    agency = agency or world.agency_a
    job = job or world.job_a
    worker = factories.WorkerFactory(agency=agency)
    placement = factories.PlacementFactory(worker=worker, job_order=job, status=status)
    attach(DocumentKind.PASSPORT, worker=worker)
    attach(DocumentKind.MEDICAL_CERTIFICATE, worker=worker, issued_on=today() - timedelta(days=10))
    if status == S.ACCEPTED:
        attach(DocumentKind.CONTRACT, placement=placement)
    if status in (S.CONTRACT_SIGNED, S.VISA_ISSUED, S.DEPARTED, S.ARRIVED, S.EMPLOYED):
        start = today() + timedelta(days=30)
        placement.contract_wage_rub = Decimal("60000.00")
        placement.contract_hours_per_week = Decimal("40.0")
        placement.contract_start = start
        placement.contract_end = start + timedelta(days=365)
    if status in (S.DEPARTED, S.ARRIVED, S.EMPLOYED):
        placement.departure_date = today() - timedelta(days=2)
    if status in (S.ARRIVED, S.EMPLOYED):
        placement.arrival_date = today() - timedelta(days=1)
        factories.SafetyRecordFactory(placement=placement, date=today() - timedelta(days=1))
    if status == S.EMPLOYED:
        placement.employment_start = today() - timedelta(days=1)
    placement.save()
    return placement
