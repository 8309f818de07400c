"""Demo cases for `seed_demo`: for `agency-a` and `agency-b`, one worker in every case status,
and a few more candidates waiting for `employer-a`'s decision; then, if asked, a year of history
of both agencies with the approved employers of the four pact sectors. Every case is moved
through the real lifecycle services, with documents and a timeline, each step on its own day
(`mobility.backdate`).

Keyed on the workers' (fictitious) passport numbers: a worker that exists already is left as
it is, so running the seed twice changes nothing.
"""

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db.models import Q
from django.utils import timezone

from employers.models import JobOrder, JobOrderStatus, SponsorshipStatus
from mobility.access import Actor, actor_for
from mobility.backdate import Replay
from mobility.errors import RequirementsUnmet
from mobility.placement_status import EMPLOYED_OR_ENDED
from workers.documents import services as documents_services
from workers.documents.sample_files import pdf_bytes, png_bytes
from workers.models import CaseEvent, Document, DocumentKind, Placement, PlacementStatus, Worker
from workers.placements import lifecycle
from workers.placements import services as placements_services
from workers.registry import services as registry_services

S = PlacementStatus

# The moves (in order) that bring a new case to each status.
_TO_CONTRACT = [S.SUBMITTED, S.ACCEPTED, S.CONTRACT_SIGNED]
_TO_ARRIVED = [*_TO_CONTRACT, S.VISA_ISSUED, S.DEPARTED, S.ARRIVED]
_TO_EMPLOYED = [*_TO_ARRIVED, S.EMPLOYED]
PATHS = {
    S.DRAFT: [],
    S.SUBMITTED: [S.SUBMITTED],
    S.ACCEPTED: [S.SUBMITTED, S.ACCEPTED],
    S.REJECTED: [S.SUBMITTED, S.REJECTED],
    S.CONTRACT_SIGNED: _TO_CONTRACT,
    S.VISA_ISSUED: [*_TO_CONTRACT, S.VISA_ISSUED],
    S.DEPARTED: [*_TO_CONTRACT, S.VISA_ISSUED, S.DEPARTED],
    S.ARRIVED: _TO_ARRIVED,
    S.EMPLOYED: _TO_EMPLOYED,
    S.COMPLETED: [*_TO_EMPLOYED, S.COMPLETED],
    S.TERMINATED: [*_TO_EMPLOYED, S.TERMINATED],
    S.REPATRIATED: [*_TO_ARRIVED, S.REPATRIATED],
    S.WITHDRAWN: [S.SUBMITTED, S.WITHDRAWN],
}

# Given names by the sex recorded with them (about a third of the workers are women); the
# family names are borne by women and men alike.
GIVEN_NAMES = {
    "M": [
        "Anil", "Rahul", "Vikram", "Arjun", "Manoj", "Suresh", "Rajesh", "Ravi",
        "Sanjay", "Ajay", "Deepak", "Gurdev", "Sukhdev", "Ranjit", "Baldev", "Harish",
    ],
    "F": [
        "Priya", "Sunita", "Lakshmi", "Deepa", "Anjali", "Divya", "Meera", "Reshma",
        "Pooja", "Neha", "Kavita", "Asha", "Simran", "Jasleen", "Harleen", "Geeta",
    ],
}  # fmt: skip
FAMILY_NAMES = [
    "Nair", "Menon", "Pillai", "Thomas", "Gill", "Sandhu", "Sidhu", "Dhillon",
    "Sharma", "Verma", "Joseph", "Mathew", "Varghese", "Kurian", "Iyer", "Reddy",
    "Rao", "Patel", "Das", "Bose", "Grewal", "Brar", "Chopra", "Arora",
]  # fmt: skip

DEMO_AGENCIES = [("agency-a", "IN-KL", "employer-a"), ("agency-b", "IN-PB", "employer-b")]
PERMIT_OF_ANOTHER_REGION = "RU-LEN"
# Beyond the one submitted case of every agency, candidates left waiting in an employer's inbox
# so that it opens on several to decide, one at a time or together.
WAITING_CANDIDATES = {"employer-a": 2}
# The year of history numbers its workers from here, after the cases above.
HISTORY_SERIALS = 100
# Cases whose steps are dated together: one query per table for each batch, and a run that is
# interrupted leaves at most a batch stamped with the day of the run.
REPLAY_BATCH = 25

# Days from opening a case to each move, as the pact's cases usually take them; the work
# starts (and the contract with it) ten weeks after the case is opened.
MOVE_DAY = {S.SUBMITTED: 2, S.ACCEPTED: 9, S.REJECTED: 9, S.WITHDRAWN: 6}
MOVE_DAY |= {S.CONTRACT_SIGNED: 20, S.VISA_ISSUED: 35}
START_DAY = 65


def _user(username: str) -> Any:
    return get_user_model().objects.get(username=username)


def _open_job_order(employer_username: str) -> JobOrder:
    """The employers' demo, which runs first, opens job orders for both demo employers."""
    employer = _user(employer_username).employer_membership.employer
    return JobOrder.objects.filter(employer=employer, status=JobOrderStatus.OPEN).earliest("pk")


@dataclass
class DemoCase:
    """One case to seed: its worker, the moves to make and the days they are made on."""

    serial: int
    passport: str
    state: str
    job: JobOrder
    path: list[str]
    opened: date
    start: date
    end: date
    actors: dict[str, Actor] = field(default_factory=dict)
    # The year of history stops a case where a requirement is unmet (an employer's quota used
    # up); the personas' cases must reach their status.
    may_stop: bool = False
    # The permit's region, when it is not the job's (the demo of WORK_PERMIT_MISMATCH).
    permit_region: str = ""

    def dates(self) -> dict:
        """Contracts run two years, the permit a month either side."""
        return {
            "contract_start": self.start,
            "contract_end": self.start + timedelta(days=730),
            "permit_from": self.start - timedelta(days=30),
            "permit_until": self.start + timedelta(days=760),
            "departure": self.start - timedelta(days=5),
            "arrival": self.start - timedelta(days=4),
            "induction": self.start - timedelta(days=3),
            "employment_start": self.start,
            "end": self.end,
        }

    def day_of(self, to: str) -> date:
        when = self.dates()
        return {
            S.DEPARTED: when["departure"],
            S.ARRIVED: when["arrival"],
            S.EMPLOYED: when["employment_start"],
            S.COMPLETED: self.end,
            S.TERMINATED: self.end,
            S.REPATRIATED: when["arrival"] + timedelta(days=20),
        }.get(to) or self.opened + timedelta(days=MOVE_DAY[to])


def _persona_case(status: str, serial: int, today: date) -> tuple[date, date]:
    """(opened, work start) telling a plausible story: cases before departure were opened in
    the last weeks and start work next month; cases that reached work started a year ago (so
    the demo has a year of wages to report); the others left five weeks ago."""
    if S.DEPARTED not in PATHS[status]:
        return today - timedelta(days=40 + serial % 7), today + timedelta(days=45)
    start = today - timedelta(days=365 if S.EMPLOYED in PATHS[status] else 30)
    return start - timedelta(days=START_DAY), start


def _history_case(serial: int, today: date, job: JobOrder) -> tuple[list[str], date, date, date]:
    """(moves, opened, start, end) of one case of the year of history: opened on a day of the
    last year, more of them lately as the programme grows; one in twelve refused by the
    employer, a few withdrawn, repatriated, terminated or completed early; the moves made by
    today, the rest still to come."""
    rng = random.Random(f"demo-case-{serial}")
    opened = today - timedelta(days=12 + int(353 * (1 - math.sqrt(rng.random()))))
    start = opened + timedelta(days=START_DAY)
    end = start + timedelta(days=rng.randint(60, 300))
    fate = rng.random()
    if fate < 0.08:
        path = PATHS[S.REJECTED]
    elif fate < 0.12:
        path = PATHS[S.WITHDRAWN]
    elif fate < 0.14:
        path = PATHS[S.DRAFT]
    elif fate < 0.16:
        path = PATHS[S.REPATRIATED]
    elif fate < 0.22:
        path = PATHS[S.TERMINATED]
    elif fate < 0.26:
        path = PATHS[S.COMPLETED]
    else:
        path = PATHS[S.EMPLOYED]
    case = DemoCase(serial, "", "", job, path, opened, start, end)
    made = [to for to in path if case.day_of(to) < today]
    return made, opened, start, end


def _history_jobs() -> list[JobOrder]:
    """One open job order of every approved demo employer, so that every sector and each of
    their regions has cases."""
    jobs = {}
    for job in (
        JobOrder.objects.filter(
            status=JobOrderStatus.OPEN,
            employer__sponsorship_status=SponsorshipStatus.APPROVED,
            employer__inn__startswith="99",
        )
        .select_related("employer")
        .order_by("employer__inn", "pk")
    ):
        jobs.setdefault(job.employer_id, job)
    return list(jobs.values())


def seed_placements(cases: int = 0) -> int:
    """Create the demo cases that do not exist yet: the personas' cases, and `cases` more of
    the year of history. Returns how many were created."""
    today = timezone.localdate()
    official = actor_for(_user("official-ru"))
    agencies = {}
    replay, pending, created = Replay(), [], 0
    for agency_index, (username, state, employer_username) in enumerate(DEMO_AGENCIES, start=1):
        agency = actor_for(_user(username))
        agencies[username] = (agency, state)
        job = _open_job_order(employer_username)
        actors = {"agency": agency, "employer": _employer_actor(job), "official": official}
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
            opened, start = _persona_case(status, serial, today)
            end = today - timedelta(days=2)
            case = DemoCase(serial, passport, state, job, PATHS[status], opened, start, end)
            case.actors = actors
            # The second agency's employed worker (employer-b, Saint Petersburg) holds a
            # permit of Leningrad Oblast: the demo shows WORK_PERMIT_MISMATCH.
            if status == S.EMPLOYED and agency_index == len(DEMO_AGENCIES):
                case.permit_region = PERMIT_OF_ANOTHER_REGION
            pending.append(_seed_case(case, replay, today))
            created += 1

    jobs = _history_jobs() if cases else []
    employers = {job.pk: _employer_actor(job) for job in jobs}
    for index in range(cases):
        serial = HISTORY_SERIALS + index
        passport = f"H{serial:07d}"
        if Worker.objects.filter(passport_number=passport).exists():
            continue
        agency, state = agencies[DEMO_AGENCIES[index % len(DEMO_AGENCIES)][0]]
        job = jobs[(index // len(DEMO_AGENCIES)) % len(jobs)]
        path, opened, start, end = _history_case(serial, today, job)
        case = DemoCase(serial, passport, state, job, path, opened, start, end, may_stop=True)
        case.actors = {"agency": agency, "employer": employers[job.pk], "official": official}
        pending.append(_seed_case(case, replay, today))
        created += 1
        if len(pending) >= REPLAY_BATCH:
            _date_steps(replay, pending)
    _date_steps(replay, pending)
    return created


def _date_steps(replay: Replay, workers: list[Worker]) -> None:
    """Put what the replayed steps wrote for these workers on the days the steps stand for;
    empties both."""
    if not workers:
        return
    ids = [worker.pk for worker in workers]
    replay.apply(Worker, Q(pk__in=ids))
    replay.apply(Placement, Q(worker_id__in=ids))
    replay.apply(CaseEvent, Q(placement__worker_id__in=ids))
    replay.apply(Document, Q(worker_id__in=ids) | Q(placement__worker_id__in=ids))
    # compliance.SafetyRecord, reached through the case: workers does not import compliance.
    replay.apply(Placement.safety_records.rel.related_model, Q(placement__worker_id__in=ids))
    replay.clear()
    workers.clear()


def _employer_actor(job: JobOrder) -> Actor:
    return actor_for(job.employer.members.order_by("pk").first().user)


def worker_name(serial: int) -> tuple[str, str]:
    """(full name, sex): every third worker a woman; distinct names for the first thousand."""
    sex = "F" if serial % 3 == 0 else "M"
    # The how-manieth woman or man this serial is.
    nth = serial // 3 - 1 if sex == "F" else serial - serial // 3 - 1
    given = GIVEN_NAMES[sex]
    # 17 is coprime to the 24 family names: each given name meets every family name once.
    family = FAMILY_NAMES[(nth // len(given) * 17 + nth) % len(FAMILY_NAMES)]
    return f"{given[nth % len(given)]} {family}", sex


def _moment(day: date, serial: int, step: int) -> datetime:
    """A time in the working day on `day`, different for each case and step."""
    minutes = (serial * 37 + step * 53) % 480
    return timezone.make_aware(datetime.combine(day, time(9)) + timedelta(minutes=minutes))


def _seed_case(case: DemoCase, replay: Replay, today: date) -> Worker:
    serial, passport, job = case.serial, case.passport, case.job
    name, sex = worker_name(serial)
    agency_actor = case.actors["agency"]
    with replay.at(_moment(case.opened, serial, 0)):
        worker = registry_services.register_worker(
            actor=agency_actor,
            data={
                "full_name": name,
                "date_of_birth": date(1985 + serial % 15, 1 + serial % 12, 1 + serial % 27),
                "sex": sex,
                "passport_number": passport,
                "passport_expiry": today + timedelta(days=6 * 365),
                "state_of_origin": case.state,
                "phone": f"+91987650{int(passport[1:]) % 10000:04d}",
                "occupation": job.occupation,
                "preferred_language": ("hi", "en", "ru")[serial % 3],
            },
        )
        _upload(
            agency_actor,
            DocumentKind.PASSPORT,
            png_bytes(rgb=(serial % 256, 92, 173)),
            "passport.png",
            worker=worker,
        )
        _upload(
            agency_actor,
            DocumentKind.MEDICAL_CERTIFICATE,
            pdf_bytes(f"Medical certificate of {name}, passport {passport}: fit for work."),
            "medical.pdf",
            worker=worker,
            issued_on=case.opened - timedelta(days=10),
        )
        placement = placements_services.open_placement(
            actor=agency_actor, worker=worker, job_order=job
        )
    when = case.dates() | {"permit_region": case.permit_region or job.work_region}
    for step, to in enumerate(case.path, start=1):
        day = case.day_of(to)
        with replay.at(_moment(day, serial, step)):
            _before_move(to, placement, case.actors, name, when)
            move = lifecycle.move_for(placement.status, to)
            try:
                placement = placements_services.transition_placement(
                    actor=case.actors[move.roles[0]],
                    placement_id=placement.pk,
                    to=to,
                    data=_body(to, job, when),
                    today=day,
                )
            except RequirementsUnmet:
                if not case.may_stop:
                    raise
                break
        if to == S.EMPLOYED and case.path[-1] in EMPLOYED_OR_ENDED:
            _record_formalities(case, placement, replay, today)
    return worker


def _record_formalities(case: DemoCase, placement: Placement, replay: Replay, today: date) -> None:
    """The employer records the formalities after arrival, those done by now."""
    arrival = case.dates()["arrival"]
    done = {
        "mvd_start_notified_on": arrival + timedelta(days=2),
        "migration_registered_on": arrival + timedelta(days=3),
        "medical_exam_on": arrival + timedelta(days=10),
        "fingerprinted_on": arrival + timedelta(days=10),
    }
    done = {name: day for name, day in done.items() if day < today}
    if not done:
        return
    with replay.at(_moment(max(done.values()), case.serial, 20)):
        placements_services.update_placement_facts(
            actor=case.actors["employer"], placement_id=placement.pk, changes=done
        )


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
