"""Factories for every model the tests build; numbers are fictitious but checksum-valid.

`PlacementFactory(employed=True)` is the one employed case: every date of its journey (the
departure, the arrival, the contract, the permit, the formalities after arrival) follows from
`arrived_on`, six months ago unless given, so that the case keeps every deadline of RULES.md."""

import hashlib
from datetime import date, timedelta
from decimal import Decimal

import factory
from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from compliance.models import (
    CheckRun,
    Entitlement,
    Finding,
    InsuranceCover,
    SafetyRecord,
    WageReport,
)
from compliance.rulebook.models import Rule
from employers.models import (
    Employer,
    EmployerMembership,
    JobOrder,
    JobOrderStatus,
    Sector,
    SponsorshipStatus,
)
from mobility.models import Official, Side
from mobility.seed import demo_inn, demo_ogrn
from workers.documents.sample_files import pdf_bytes
from workers.models import (
    Agency,
    AgencyMembership,
    AgencyStatus,
    Document,
    DocumentKind,
    Grievance,
    Placement,
    PlacementStatus,
    Worker,
)
from workers.placements.references import new_reference


def today() -> date:
    return timezone.localdate()


def months_ago(n: int) -> date:
    """The first day of the month `n` months before this one."""
    return today().replace(day=1) - relativedelta(months=n)


# Every factory-made user signs in with this password.
PASSWORD = "pass-word-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class EmployerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employer

    legal_name = factory.Sequence(lambda n: f"Test Employer {n} LLC")
    inn = factory.Sequence(lambda n: demo_inn(5000 + n))
    ogrn = factory.Sequence(lambda n: demo_ogrn(5000 + n))
    region = "RU-MOW"
    sector = Sector.CONSTRUCTION
    sponsorship_status = SponsorshipStatus.APPROVED
    quota = 50


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Test Agency {n} Pvt Ltd")
    licence_number = factory.Sequence(lambda n: f"B-{n:04d}/TST/PER/100/5/{n}/2025")
    licence_valid_until = date(2030, 1, 1)
    status = AgencyStatus.ACTIVE
    state = "IN-KL"


class JobOrderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobOrder

    employer = factory.SubFactory(EmployerFactory)
    title = "Mason"
    occupation = "7112"
    positions = 10
    monthly_wage_rub = Decimal("60000.00")
    hours_per_week = Decimal("40.0")
    overtime_rate = Decimal("1.50")
    work_region = factory.SelfAttribute("employer.region")
    contract_months = 12
    status = JobOrderStatus.OPEN


class WorkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Worker

    agency = factory.SubFactory(AgencyFactory)
    full_name = factory.Sequence(lambda n: f"Test Worker {n}")
    date_of_birth = date(1995, 5, 17)
    sex = "M"
    passport_number = factory.Sequence(lambda n: f"T{n:07d}")
    passport_expiry = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=6 * 365))
    state_of_origin = "IN-KL"
    phone = "+919876543210"
    occupation = "7112"
    preferred_language = "en"
    consent_at = factory.LazyFunction(timezone.now)


def _days_after_arrival(days: int):
    return factory.LazyAttribute(lambda o: o.arrived_on + timedelta(days=days))


def _contract_end(o) -> date:
    return o.arrived_on + timedelta(days=7) + relativedelta(years=1, days=-1)


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    class Params:
        # The day the worker arrived in Russia; the `employed` trait dates the journey from it:
        # departure the day before, work and the one-year contract a week after, the permit
        # from a month before the start to four months past the end, and the formalities of
        # the first days each well inside its deadline.
        arrived_on = factory.LazyFunction(lambda: months_ago(6))
        employed = factory.Trait(
            status=PlacementStatus.EMPLOYED,
            contract_wage_rub=factory.SelfAttribute("job_order.monthly_wage_rub"),
            contract_hours_per_week=factory.SelfAttribute("job_order.hours_per_week"),
            contract_start=_days_after_arrival(7),
            contract_end=factory.LazyAttribute(_contract_end),
            visa_number=factory.Sequence(lambda n: f"V-{n:07d}"),
            work_permit_number=factory.Sequence(lambda n: f"77-2025-{n:06d}"),
            work_permit_valid_from=factory.LazyAttribute(
                lambda o: o.arrived_on + timedelta(days=7) - relativedelta(months=1)
            ),
            work_permit_valid_until=factory.LazyAttribute(
                lambda o: _contract_end(o) + relativedelta(months=4)
            ),
            departure_date=_days_after_arrival(-1),
            arrival_date=factory.SelfAttribute("arrived_on"),
            employment_start=_days_after_arrival(7),
            migration_registered_on=_days_after_arrival(1),
            work_permit_region=factory.SelfAttribute("job_order.work_region"),
            work_permit_occupation=factory.SelfAttribute("job_order.occupation"),
            mvd_start_notified_on=_days_after_arrival(8),
            medical_exam_on=_days_after_arrival(11),
            fingerprinted_on=_days_after_arrival(11),
        )

    reference = factory.LazyFunction(new_reference)
    worker = factory.SubFactory(WorkerFactory)
    agency = factory.SelfAttribute("worker.agency")
    job_order = factory.SubFactory(JobOrderFactory)


class WageReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WageReport

    placement = factory.SubFactory(PlacementFactory)
    month = date(2025, 10, 1)
    gross_rub = Decimal("60000.00")
    tax_withheld_rub = Decimal("18000.00")
    deductions_rub = Decimal("0.00")
    net_paid_rub = factory.LazyAttribute(
        lambda o: o.gross_rub - o.tax_withheld_rub - o.deductions_rub
    )
    paid_on = date(2025, 11, 5)
    hours_worked = Decimal("184.0")
    overtime_hours = Decimal("0.0")
    employer_contributions_rub = Decimal("18000.00")


class SafetyRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SafetyRecord

    placement = factory.SubFactory(PlacementFactory)
    kind = "induction"
    date = date(2025, 9, 1)
    description = "Site induction"


class InsuranceCoverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InsuranceCover

    placement = factory.SubFactory(PlacementFactory)
    kind = "dms"
    policy_number = factory.Sequence(lambda n: f"DMS-{n:06d}")
    valid_from = date(2025, 1, 1)
    valid_until = date(2027, 12, 31)


def _subject_key(o) -> str:
    for kind in ("placement", "employer", "agency", "worker"):
        subject = getattr(o, kind)
        if subject is not None:
            return f"{kind}:{subject.pk}"
    raise ValueError("A finding is about a placement, an employer, an agency or a worker.")


class FindingFactory(factory.django.DjangoModelFactory):
    """A finding as the engine writes it, made directly for the tests of handling findings (the
    rules that raise them are tested on their own). About an employed case unless an employer,
    an agency or a worker is given."""

    class Meta:
        model = Finding

    class Params:
        code = "WAGE_UNDERPAID"
        about_a_case = factory.LazyAttribute(
            lambda o: o.employer is None and o.agency is None and o.worker is None
        )

    rule = factory.LazyAttribute(lambda o: Rule.objects.get(code=o.code))
    employer = None
    agency = None
    worker = None
    placement = factory.Maybe(
        "about_a_case",
        yes_declaration=factory.SubFactory(PlacementFactory, employed=True),
        no_declaration=None,
    )
    subject_key = factory.LazyAttribute(_subject_key)
    severity = factory.SelfAttribute("rule.severity")
    period = ""
    evidence = factory.LazyFunction(lambda: {"expected": "60000.00", "actual": "50000.00"})
    first_detected_at = factory.LazyFunction(timezone.now)
    last_detected_at = factory.SelfAttribute("first_detected_at")
    due_at = factory.LazyAttribute(lambda o: o.first_detected_at + timedelta(days=14))


class EntitlementFactory(factory.django.DjangoModelFactory):
    """What a money finding owes, as the engine opens it (the engine's own path is tested in
    tests/compliance/test_entitlements.py): 10,000 RUB of wages, due on 15 November 2025."""

    class Meta:
        model = Entitlement

    finding = factory.SubFactory(FindingFactory)
    placement = factory.SelfAttribute("finding.placement")
    kind = "underpaid_wages"
    period = factory.SelfAttribute("finding.period")
    currency = "RUB"
    amount_owed = Decimal("10000.00")
    owed_by = "employer"
    legal_source = "Labour Code art. 22, 135"
    due_on = date(2025, 11, 15)


class GrievanceFactory(factory.django.DjangoModelFactory):
    """A worker's grievance filed `filed_days_ago` days ago, with the three-day acknowledgement
    and thirty-day resolution deadlines of SPEC §7 counted from then."""

    class Meta:
        model = Grievance

    class Params:
        filed_days_ago = 0

    receipt = factory.LazyFunction(lambda: new_reference("GRV"))
    placement = factory.SubFactory(PlacementFactory, employed=True)
    category = "wages"
    description = "My October wage was not paid."
    created_at = factory.LazyAttribute(lambda o: timezone.now() - timedelta(days=o.filed_days_ago))
    acknowledgement_due = factory.LazyAttribute(lambda o: o.created_at + timedelta(days=3))
    resolution_due = factory.LazyAttribute(lambda o: o.created_at + timedelta(days=30))
    level_since = factory.SelfAttribute("created_at")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # `created_at` is set on insert; the filing time is written over it afterwards.
        filed = kwargs.pop("created_at")
        grievance = super()._create(model_class, *args, **kwargs)
        model_class.objects.filter(pk=grievance.pk).update(created_at=filed)
        grievance.created_at = filed
        return grievance


class DocumentFactory(factory.django.DjangoModelFactory):
    """An uploaded PDF, stored like an upload (random content, its SHA-256 and size); a case's
    document belongs to the case's worker too."""

    class Meta:
        model = Document

    class Params:
        content = factory.LazyAttributeSequence(lambda o, n: pdf_bytes(f"{o.kind} {n}"))

    placement = None
    worker = factory.Maybe(
        "placement",
        yes_declaration=factory.SelfAttribute("placement.worker"),
        no_declaration=factory.SubFactory(WorkerFactory),
    )
    kind = DocumentKind.PASSPORT
    original_name = factory.LazyAttributeSequence(lambda o, n: f"{o.kind}-{n}.pdf")
    file = factory.LazyAttribute(lambda o: ContentFile(o.content, name=o.original_name))
    sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(o.content).hexdigest())
    content_type = "application/pdf"
    size = factory.LazyAttribute(lambda o: len(o.content))


class CheckRunFactory(factory.django.DjangoModelFactory):
    """A finished check run: of one case when `placement` is given, else a sweep of all."""

    class Meta:
        model = CheckRun

    placement = None
    scope = factory.Maybe("placement", yes_declaration="placement", no_declaration="all")
    trigger = "user"
    status = "finished"
    started_at = factory.LazyFunction(timezone.now)
    finished_at = factory.LazyAttribute(
        lambda o: o.started_at if o.status in ("finished", "failed") else None
    )
    chunks_total = factory.Maybe("placement", yes_declaration=0, no_declaration=2)
    chunks_done = factory.LazyAttribute(lambda o: o.chunks_total if o.status == "finished" else 0)


def agency_user(agency=None, **kwargs):
    user = UserFactory(**kwargs)
    AgencyMembership.objects.create(user=user, agency=agency or AgencyFactory())
    return user


def employer_user(employer=None, **kwargs):
    user = UserFactory(**kwargs)
    EmployerMembership.objects.create(user=user, employer=employer or EmployerFactory())
    return user


def official_user(side=Side.RUSSIA, regions=(), rank="official", **kwargs):
    user = UserFactory(**kwargs)
    Official.objects.create(user=user, side=side, regions=list(regions), rank=rank)
    return user


def superuser(**kwargs):
    return UserFactory(is_superuser=True, is_staff=True, **kwargs)
