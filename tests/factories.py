"""Factories for every model the tests build; numbers are fictitious but checksum-valid."""

from datetime import date

import factory
from django.contrib.auth import get_user_model

from employers.models import Employer, EmployerMembership, Sector, SponsorshipStatus
from mobility.models import Official, Side
from mobility.seed import demo_inn, demo_ogrn
from workers.models import Agency, AgencyMembership, AgencyStatus


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
