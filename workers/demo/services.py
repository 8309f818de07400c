"""Demo cases for `seed_demo`: for `agency-a` and `agency-b`, one worker in every case status,
each moved there through the real lifecycle services, with documents and a timeline, and a few
more candidates waiting for `employer-a`'s decision.

Keyed on the workers' (fictitious) passport numbers: a worker that exists already is left as
it is, so running the seed twice changes nothing.
"""

from datetime import date, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from employers.models import JobOrder, JobOrderStatus
from mobility.access import Actor, actor_for
from mobility.placement_status import EMPLOYED_OR_ENDED
from workers.documents import services as documents_services
from workers.documents.sample_files import pdf_bytes, png_bytes
from workers.models import Document, DocumentKind, Placement, PlacementStatus, Worker
from workers.placements import lifecycle
from workers.placements import services as placements_services
from workers.registry import services as registry_services

S = PlacementStatus

# The moves (in order) that bring a new case to each status.
_TO_CONTRACT = [S.SUBMITTED, S.ACCEPTED, S.CONTRACT_SIGNED]
_TO_EMPLOYED = [*_TO_CONTRACT, S.VISA_ISSUED, S.DEPARTED, S.ARRIVED, S.EMPLOYED]
PATHS = {
    S.DRAFT: [],
    S.SUBMITTED: [S.SUBMITTED],
    S.ACCEPTED: [S.SUBMITTED, S.ACCEPTED],
    S.REJECTED: [S.SUBMITTED, S.REJECTED],
    S.CONTRACT_SIGNED: _TO_CONTRACT,
    S.VISA_ISSUED: [*_TO_CONTRACT, S.VISA_ISSUED],
    S.DEPARTED: [*_TO_CONTRACT, S.VISA_ISSUED, S.DEPARTED],
    S.ARRIVED: [*_TO_CONTRACT, S.VISA_ISSUED, S.DEPARTED, S.ARRIVED],
    S.EMPLOYED: _TO_EMPLOYED,
    S.COMPLETED: [*_TO_EMPLOYED, S.COMPLETED],
    S.TERMINATED: [*_TO_EMPLOYED, S.TERMINATED],
    S.REPATRIATED: [*_TO_CONTRACT, S.VISA_ISSUED, S.DEPARTED, S.ARRIVED, S.REPATRIATED],
    S.WITHDRAWN: [S.SUBMITTED, S.WITHDRAWN],
}

FIRST_NAMES = ["Anil", "Priya", "Rahul", "Sunita", "Vikram", "Lakshmi", "Arjun", "Deepa", "Manoj"]
LAST_NAMES = ["Nair", "Singh", "Kumar", "Menon", "Gill", "Pillai", "Sandhu", "Thomas", "Kaur"]

DEMO_AGENCIES = [("agency-a", "IN-KL", "employer-a"), ("agency-b", "IN-PB", "employer-b")]
PERMIT_OF_ANOTHER_REGION = "RU-LEN"
# Beyond the one submitted case of every agency, candidates left waiting in an employer's inbox
# so that it opens on several to decide, one at a time or together.
WAITING_CANDIDATES = {"employer-a": 2}


def _user(username: str) -> Any:
    return get_user_model().objects.get(username=username)


def _open_job_order(employer_username: str) -> JobOrder:
    """The employers' demo, which runs first, opens job orders for both demo employers."""
    employer = _user(employer_username).employer_membership.employer
    return JobOrder.objects.filter(employer=employer, status=JobOrderStatus.OPEN).earliest("pk")


def _dates(status: str, today: date) -> dict:
    """Dates that tell a plausible story: cases before departure start work next month; cases
    that reached work started a year ago (so the demo has a year of wages to report); the
    others left five weeks ago. Contracts run two years."""
    if S.DEPARTED not in PATHS[status]:
        start = today + timedelta(days=45)
    elif S.EMPLOYED in PATHS[status]:
        start = today - timedelta(days=395)
    else:
        start = today - timedelta(days=30)
    return {
        "contract_start": start,
        "contract_end": start + timedelta(days=730),
        "permit_from": start - timedelta(days=30),
        "permit_until": start + timedelta(days=760),
        "departure": start - timedelta(days=5),
        "arrival": start - timedelta(days=4),
        "induction": start - timedelta(days=3),
        "employment_start": start,
        "end": today - timedelta(days=2),
    }


def _body(to: str, job: JobOrder, when: dict) -> dict:
    return {
        S.REJECTED: {"reason": "The worker's experience does not match the job."},
        S.CONTRACT_SIGNED: {
            "contract_wage_rub": str(job.monthly_wage_rub),
            "contract_hours_per_week": str(job.hours_per_week),
            "contract_start": when["contract_start"],
            "contract_end": when["contract_end"],
        },
        S.VISA_ISSUED: {
            "visa_number": "DEMO-V-0001",
            "work_permit_number": "DEMO-WP-0001",
            "work_permit_valid_from": when["permit_from"],
            "work_permit_valid_until": when["permit_until"],
            "work_permit_region": when["permit_region"],
            "work_permit_occupation": job.occupation,
        },
        S.DEPARTED: {"departure_date": when["departure"]},
        S.ARRIVED: {"arrival_date": when["arrival"]},
        S.EMPLOYED: {"employment_start": when["employment_start"]},
        S.COMPLETED: {"end_date": when["end"]},
        S.TERMINATED: {"end_date": when["end"], "reason": "The site closed for the winter."},
        S.REPATRIATED: {"reason": "Medical emergency; flown home at the employer's expense."},
        S.WITHDRAWN: {"reason": "The worker accepted another offer."},
    }.get(to, {})


def _upload(actor: Actor, kind: str, content: bytes, name: str, **target: Any) -> Document:
    upload = ContentFile(content, name=name)
    return documents_services.add_document(actor=actor, kind=kind, upload=upload, **target)


def seed_placements() -> int:
    """Create the demo cases that do not exist yet; returns how many were created."""
    today = timezone.localdate()
    official = actor_for(_user("official-ru"))
    created = 0
    for agency_index, (username, state, employer_username) in enumerate(DEMO_AGENCIES, start=1):
        agency_user = _user(username)
        job = _open_job_order(employer_username)
        actors = {
            "agency": actor_for(agency_user),
            "employer": actor_for(job.employer.members.order_by("pk").first().user),
            "official": official,
        }
        extra = [S.SUBMITTED] * WAITING_CANDIDATES.get(employer_username, 0)
        for status_index, status in enumerate([*PATHS, *extra], start=1):
            passport = f"D{agency_index}{status_index:06d}"
            if Worker.objects.filter(passport_number=passport).exists():
                continue
            if status_index <= len(PATHS):
                serial = status_index + len(PATHS) * (agency_index - 1)
            else:
                # After both agencies' one-per-status workers, so that no name repeats.
                serial = status_index + len(PATHS) * (len(DEMO_AGENCIES) - 1)
            _seed_placement(state, job, actors, passport, status, serial, today)
            created += 1
    return created


def _seed_placement(
    state: str,
    job: JobOrder,
    actors: dict[str, Actor],
    passport: str,
    status: str,
    serial: int,
    today: date,
) -> None:
    # Distinct first/last name pairs for the 26 demo workers (9 x 9 combinations).
    first = FIRST_NAMES[serial % len(FIRST_NAMES)]
    last = LAST_NAMES[(serial // len(FIRST_NAMES) + serial) % len(LAST_NAMES)]
    name = f"{first} {last}"
    worker = registry_services.register_worker(
        actor=actors["agency"],
        data={
            "full_name": name,
            "date_of_birth": date(1985 + serial % 15, 1 + serial % 12, 1 + serial % 27),
            "sex": "F" if serial % 3 == 0 else "M",
            "passport_number": passport,
            "passport_expiry": today + timedelta(days=6 * 365),
            "state_of_origin": state,
            "phone": f"+91987650{int(passport[1:]) % 10000:04d}",
            "occupation": job.occupation,
            "preferred_language": ("hi", "en", "ru")[serial % 3],
        },
    )
    agency_actor = actors["agency"]
    _upload(
        agency_actor,
        DocumentKind.PASSPORT,
        png_bytes(rgb=(serial, 92, 173)),
        "passport.png",
        worker=worker,
    )
    _upload(
        agency_actor,
        DocumentKind.MEDICAL_CERTIFICATE,
        pdf_bytes(f"Medical certificate of {name}, passport {passport}: fit for work."),
        "medical.pdf",
        worker=worker,
        issued_on=today - timedelta(days=20),
    )
    placement = placements_services.open_placement(actor=agency_actor, worker=worker, job_order=job)
    when = _dates(status, today)
    # The second agency's employed worker (employer-b, Saint Petersburg) holds a permit of
    # Leningrad Oblast: the demo shows WORK_PERMIT_MISMATCH.
    mismatched = status == S.EMPLOYED and serial > len(PATHS)
    when["permit_region"] = PERMIT_OF_ANOTHER_REGION if mismatched else job.work_region
    for to in PATHS[status]:
        _before_move(to, placement, actors, name, when)
        move = lifecycle.move_for(placement.status, to)
        actor = actors[move.roles[0]]
        placement = placements_services.transition_placement(
            actor=actor, placement_id=placement.pk, to=to, data=_body(to, job, when)
        )
    if status in EMPLOYED_OR_ENDED:
        placements_services.update_placement_facts(
            actor=actors["employer"],
            placement_id=placement.pk,
            changes={
                "mvd_start_notified_on": when["arrival"] + timedelta(days=2),
                "migration_registered_on": when["arrival"] + timedelta(days=3),
                "medical_exam_on": when["arrival"] + timedelta(days=10),
                "fingerprinted_on": when["arrival"] + timedelta(days=10),
            },
        )


def _before_move(
    to: str, placement: Placement, actors: dict[str, Actor], name: str, when: dict
) -> None:
    """What each move needs on file first: the signed contract, the visa and permit scans, the
    safety induction before work starts."""
    if to == S.CONTRACT_SIGNED:
        _upload(
            actors["employer"],
            DocumentKind.CONTRACT,
            pdf_bytes(f"Employment contract {placement.reference} with {name}."),
            "contract.pdf",
            placement=placement,
        )
    elif to == S.DEPARTED:
        for kind in (DocumentKind.VISA, DocumentKind.WORK_PERMIT):
            _upload(
                actors["agency"],
                kind,
                pdf_bytes(f"{kind} for case {placement.reference}."),
                f"{kind}.pdf",
                placement=placement,
            )
    elif to == S.EMPLOYED:
        # compliance.SafetyRecord through the case's reverse relation: workers does not import
        # the compliance app.
        placement.safety_records.create(
            kind="induction", date=when["induction"], description="Site safety induction"
        )
