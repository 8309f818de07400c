"""The demo data set of `manage.py seed_demo`: fictitious organisations and the demo logins.

Everything is keyed on natural keys (usernames, INNs, licence numbers) and written with
`upsert`, so running it again changes nothing. Each app's `demo` module adds its own part.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction

from compliance.demo.services import seed_evidence
from employers.demo.services import demo_address, demo_inn, demo_ogrn, seed_job_orders
from employers.models import Employer, EmployerMembership, Sector, SponsorshipStatus
from mobility.models import Official, Rank, Side
from mobility.upsert import upsert
from workers.demo.services import seed_placements
from workers.models import Agency, AgencyMembership, AgencyStatus


@dataclass(frozen=True)
class DemoEmployer:
    username: str | None
    legal_name: str
    region: str
    sector: str
    status: str
    quota: int


DEMO_EMPLOYERS = [
    DemoEmployer(
        "employer-a",
        "StroyMontazh Moskva LLC",
        "RU-MOW",
        Sector.CONSTRUCTION,
        SponsorshipStatus.APPROVED,
        120,
    ),
    DemoEmployer(
        "employer-b",
        "Neva Textile Works JSC",
        "RU-SPE",
        Sector.TEXTILES,
        SponsorshipStatus.APPROVED,
        80,
    ),
    DemoEmployer(
        "employer-c",
        "Ural Machine Plant LLC",
        "RU-SVE",
        Sector.MACHINERY,
        SponsorshipStatus.APPROVED,
        80,
    ),
    DemoEmployer(
        "employer-d",
        "Kazan Electronics Assembly LLC",
        "RU-TA",
        Sector.ELECTRONICS,
        SponsorshipStatus.APPROVED,
        60,
    ),
    DemoEmployer(
        None,
        "Leningrad Region Builders LLC",
        "RU-LEN",
        Sector.CONSTRUCTION,
        SponsorshipStatus.APPLIED,
        0,
    ),
    DemoEmployer(
        None, "Podmoskovye Garments LLC", "RU-MOS", Sector.TEXTILES, SponsorshipStatus.APPLIED, 0
    ),
]

DEMO_AGENCIES = [
    ("agency-a", "Kerala Overseas Manpower Pvt Ltd", "B-0001/KER/PER/1000+/5/9001/2024", "IN-KL"),
    ("agency-b", "Punjab Global Careers Pvt Ltd", "B-0002/PUN/PER/1000+/5/9002/2024", "IN-PB"),
]

# Each side's grievance ladder: regional officials, a supervisor, a head (issue 13).
DEMO_OFFICIALS = [
    ("official-in", Side.INDIA, [], Rank.OFFICIAL),
    ("official-ru", Side.RUSSIA, [], Rank.OFFICIAL),
    ("official-ru-mow", Side.RUSSIA, ["RU-MOW"], Rank.OFFICIAL),
    ("supervisor-in", Side.INDIA, [], Rank.SUPERVISOR),
    ("supervisor-ru", Side.RUSSIA, [], Rank.SUPERVISOR),
    ("head-in", Side.INDIA, [], Rank.HEAD),
    ("head-ru", Side.RUSSIA, [], Rank.HEAD),
]


def _user(username: str, password: str, **extra):
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults=extra)
    if created or not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    return user


def seed_demo(password: str, cases: int = 0) -> list[str]:
    """Create or refresh the demo; returns the demo usernames.

    `cases` adds that many cases of a year of history to the personas' own (a case in every
    status for each agency, candidates waiting for employer-a): none by default, which is what
    tests need and keeps them fast; `manage.py seed_demo` asks for a few hundred.

    The organisations, logins and job orders are written in one transaction. The cases then
    go through the real services, each action in its own transaction as in use: a service is
    a durable transaction, so it cannot run inside the seed's. An interrupted run leaves whole
    actions behind, never half of one; the next run adds the cases that are missing and
    leaves a case it finds where it is.
    """
    with transaction.atomic(durable=True):
        usernames = _seed_organisations(password)
    seed_placements(cases)
    # Last: the evidence and the first sweep read the cases seeded above.
    seed_evidence()
    return usernames


def _seed_organisations(password: str) -> list[str]:
    usernames = []
    for serial, spec in enumerate(DEMO_EMPLOYERS, start=1):
        employer = upsert(
            Employer,
            inn=demo_inn(serial),
            defaults={
                "legal_name": spec.legal_name,
                "ogrn": demo_ogrn(serial),
                "region": spec.region,
                "sector": spec.sector,
                "address": demo_address(serial),
                "contact_email": f"hr{serial}@example.ru",
                "sponsorship_status": spec.status,
                "quota": spec.quota,
            },
        )
        if spec.username:
            user = _user(spec.username, password)
            upsert(EmployerMembership, user=user, defaults={"employer": employer})
            usernames.append(spec.username)

    for username, name, licence, state in DEMO_AGENCIES:
        agency = upsert(
            Agency,
            licence_number=licence,
            defaults={
                "name": name,
                "licence_valid_until": date(2029, 12, 31),
                "status": AgencyStatus.ACTIVE,
                "state": state,
                "contact_email": f"{username}@example.in",
            },
        )
        user = _user(username, password)
        upsert(AgencyMembership, user=user, defaults={"agency": agency})
        usernames.append(username)

    for username, side, regions, rank in DEMO_OFFICIALS:
        # The ladder's upper levels hear of escalations by e-mail.
        email = f"{username}@example.org" if rank != Rank.OFFICIAL else ""
        user = _user(username, password, email=email)
        upsert(Official, user=user, defaults={"side": side, "regions": regions, "rank": rank})
        usernames.append(username)

    seed_job_orders()

    _user("admin", password, is_staff=True, is_superuser=True)
    usernames.append("admin")
    return usernames
