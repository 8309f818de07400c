"""Factories for every model the tests build; numbers are fictitious but checksum-valid."""

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from compliance.models import InsuranceCover, SafetyRecord, WageReport
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
from workers.models import Agency, AgencyMembership, AgencyStatus, Placement, Worker
from workers.placements.references import new_reference


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "pass-word-123")

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


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

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


def agency_user(agency=None, **kwargs):
    user = UserFactory(**kwargs)
    AgencyMembership.objects.create(user=user, agency=agency or AgencyFactory())
    return user


def employer_user(employer=None, **kwargs):
    user = UserFactory(**kwargs)
    EmployerMembership.objects.create(user=user, employer=employer or EmployerFactory())
    return user


def official_user(side=Side.RUSSIA, regions=(), **kwargs):
    user = UserFactory(**kwargs)
    Official.objects.create(user=user, side=side, regions=list(regions))
    return user


def superuser(**kwargs):
    return UserFactory(is_superuser=True, is_staff=True, **kwargs)
