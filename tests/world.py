"""The personas every test module shares (the `world` fixture of tests/conftest.py), and a case
of theirs in any status with what the moves out of that status need.

- the owner: agency A (Kerala) and employer A (construction, Moscow) with an open job order,
  one staff member each;
- the peer who must not see the owner's cases: agency B and employer B (textiles,
  St Petersburg) with their own open job order and staff;
- an official of the Russian side for all regions (`official`), one limited to Moscow
  (`official_mow`) and one of the Indian side (`official_in`).
"""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from employers.models import Employer, JobOrder
from mobility.models import Side
from tests import factories
from tests.factories import today
from workers.models import Agency, DocumentKind, Placement, PlacementStatus

S = PlacementStatus

# The statuses a case passes through once its contract is signed, and once it has arrived.
SIGNED = (S.CONTRACT_SIGNED, S.VISA_ISSUED, S.DEPARTED, S.ARRIVED)
DEPARTED = (S.DEPARTED, S.ARRIVED)


@dataclass
class World:
    agency_a: Agency
    agency_b: Agency
    employer_a: Employer
    employer_b: Employer
    job_a: JobOrder
    job_b: JobOrder
    agency_a_user: object
    agency_b_user: object
    employer_a_user: object
    employer_b_user: object
    official: object
    official_mow: object
    official_in: object

    def user(self, role: str):
        """The owner's user in a role of the lifecycle table ("agency", "employer", "official")."""
        return {
            "agency": self.agency_a_user,
            "employer": self.employer_a_user,
            "official": self.official,
        }[role]

    def case(self, status: str = S.DRAFT, *, peer: bool = False, **fields) -> Placement:
        """A case of agency A on employer A's job order (of agency B on employer B's with
        `peer`) in `status`, holding every document and record the moves out of `status`
        require: the worker's passport and a recent medical certificate always, the contract
        document once accepted, the contract terms once signed, the journey's dates once
        departed, a safety induction once arrived. An employed case is
        `PlacementFactory(employed=True)`. `fields` go to the factory."""
        agency, job = (self.agency_b, self.job_b) if peer else (self.agency_a, self.job_a)
        fields.setdefault("worker", factories.WorkerFactory(agency=agency))
        fields.setdefault("job_order", job)
        if status == S.EMPLOYED:
            placement = factories.PlacementFactory(employed=True, **fields)
        else:
            placement = factories.PlacementFactory(status=status, **_stage(status), **fields)
        worker = placement.worker
        factories.DocumentFactory(worker=worker, kind=DocumentKind.PASSPORT)
        factories.DocumentFactory(
            worker=worker,
            kind=DocumentKind.MEDICAL_CERTIFICATE,
            issued_on=today() - timedelta(days=10),
        )
        if status == S.ACCEPTED:
            factories.DocumentFactory(placement=placement, kind=DocumentKind.CONTRACT)
        if status in (S.ARRIVED, S.EMPLOYED):
            induction = placement.employment_start or today() - timedelta(days=1)
            factories.SafetyRecordFactory(placement=placement, date=induction)
        return placement


def _stage(status: str) -> dict:
    """The facts a case in `status` (before employment) holds: a contract starting in a month,
    so that a permit issued today is valid on its start; a departure two days ago and an
    arrival yesterday."""
    fields = {}
    if status in SIGNED:
        start = today() + timedelta(days=30)
        fields.update(
            contract_wage_rub=Decimal("60000.00"),
            contract_hours_per_week=Decimal("40.0"),
            contract_start=start,
            contract_end=start + timedelta(days=365),
        )
    if status in DEPARTED:
        fields["departure_date"] = today() - timedelta(days=2)
    if status == S.ARRIVED:
        fields["arrival_date"] = today() - timedelta(days=1)
    return fields


def build_world() -> World:
    agency_a, agency_b = factories.AgencyFactory(), factories.AgencyFactory()
    employer_a = factories.EmployerFactory(region="RU-MOW", sector="construction")
    employer_b = factories.EmployerFactory(region="RU-SPE", sector="textiles")
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


# The bodies of SPEC §5 that make each move when its requirements are met.
GOOD_BODIES = {
    S.SUBMITTED: lambda: {},
    S.ACCEPTED: lambda: {},
    S.REJECTED: lambda: {"reason": "Not enough experience."},
    S.CONTRACT_SIGNED: lambda: contract_body(),
    S.VISA_ISSUED: lambda: {
        "visa_number": "V-1",
        "work_permit_number": "WP-1",
        "work_permit_valid_from": today().isoformat(),
        "work_permit_valid_until": (today() + timedelta(days=500)).isoformat(),
        "work_permit_region": "RU-MOW",
        "work_permit_occupation": "7112",
    },
    S.DEPARTED: lambda: {"departure_date": today().isoformat()},
    S.ARRIVED: lambda: {"arrival_date": today().isoformat()},
    S.EMPLOYED: lambda: {"employment_start": today().isoformat()},
    S.COMPLETED: lambda: {"end_date": today().isoformat()},
    S.TERMINATED: lambda: {"end_date": today().isoformat(), "reason": "Site closed."},
    S.REPATRIATED: lambda: {"reason": "Medical emergency."},
    S.WITHDRAWN: lambda: {"reason": "The worker changed their mind."},
}


def contract_body(**overrides) -> dict:
    """The body of the contract_signed move: the job order's terms, starting in a month."""
    start = today() + timedelta(days=30)
    body = {
        "contract_wage_rub": "60000.00",
        "contract_hours_per_week": "40.0",
        "contract_start": start.isoformat(),
        "contract_end": (start + timedelta(days=365)).isoformat(),
    }
    return {**body, **overrides}


def wage_body(placement, when, **overrides) -> dict:
    """A wage report of SPEC §9 for `placement` and the month of `when`, paid five weeks after
    the month began: 60,000 gross, 18,000 income tax, 2,000 of deductions, 40,000 net."""
    body = {
        "placement": placement.pk,
        "month": f"{when:%Y-%m}",
        "gross_rub": "60000.00",
        "tax_withheld_rub": "18000.00",
        "deductions_rub": "2000.00",
        "net_paid_rub": "40000.00",
        "paid_on": (when + timedelta(days=35)).isoformat(),
        "hours_worked": "168",
        "overtime_hours": "4",
        "employer_contributions_rub": "18000.00",
    }
    body.update(overrides)
    return body
