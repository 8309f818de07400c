"""Row rules of the CSV imports: which columns each kind has, how a row is checked and cleaned,
and how clean rows become model objects.

Checking holds one chunk of rows at a time: the passport numbers seen so far go to a temporary
table (repeats within the file are found there at the end), and the database is asked once per
chunk, never once per row, so a million rows take constant memory and a bounded number of
queries. The temporary table lives in the task's database session, so the import needs a
direct connection or session pooling, not transaction pooling.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from employers.job_orders.selectors import job_orders_visible_to
from mobility.access import Actor, Role
from mobility.placement_status import OPEN
from workers.models import CaseEvent, Placement, PlacementStatus, Worker
from workers.placements.lifecycle import CASE_OPENED_MESSAGE
from workers.placements.references import new_reference
from workers.registry import validation

# (row number, column, message); the column is "" for a problem with the whole row.
Problem = tuple[int, str, str]

WORKER_CHECKS: dict[str, Callable] = {
    "full_name": validation.check_full_name,
    "date_of_birth": validation.check_date_of_birth,
    "sex": validation.check_sex,
    "passport_number": validation.check_passport_number,
    "passport_expiry": validation.check_passport_expiry,
    "state_of_origin": validation.check_state_of_origin,
    "phone": validation.check_phone,
    "email": validation.check_email,
    "occupation": validation.check_occupation,
    "preferred_language": validation.check_preferred_language,
    "consent": validation.check_consent,
}
WORKER_OPTIONAL = frozenset({"phone", "email", "preferred_language"})
PLACEMENT_REQUIRED = ("passport_number", "job_order")
PLACEMENT_OPTIONAL = ("recruitment_fee_inr",)
MAX_FEE = Decimal("9999999999.99")


def _messages(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


@dataclass
class RowChecker:
    """Checks rows one by one; `flush()` runs the per-chunk database checks. Clean rows (as
    lists of strings) are handed to `keep` in file order."""

    agency_id: int
    keep: Callable[[list[str]], None]
    pending: list[tuple[int, list[str]]] = field(default_factory=list)
    # (passport number, row) of the chunk, on their way to the session's temporary table.
    passports: list[tuple[str, int]] = field(default_factory=list)

    columns: ClassVar[tuple[str, ...]] = ()
    required: ClassVar[tuple[str, ...]] = ()

    def check(self, number: int, row: dict[str, str]) -> list[Problem]:
        raise NotImplementedError

    def flush(self) -> list[Problem]:
        self._store_passports()
        return self.check_chunk()

    def check_chunk(self) -> list[Problem]:
        raise NotImplementedError

    def start(self) -> None:
        """Passport numbers seen so far wait in a temporary table, not in memory, so that a
        million rows take no more memory than a thousand."""
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMPORARY TABLE IF NOT EXISTS import_passports"
                " (passport varchar(8) NOT NULL, row integer NOT NULL)"
            )
            cursor.execute("TRUNCATE import_passports")

    def finish(self) -> list[Problem]:
        """Rows whose passport number an earlier row of the file already has."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT row, first_row FROM (SELECT row, min(row) OVER (PARTITION BY passport)"
                " AS first_row FROM import_passports) AS seen"
                " WHERE row > first_row ORDER BY row"
            )
            repeated = cursor.fetchall()
            cursor.execute("DROP TABLE import_passports")
        message = _("This passport number is already in this file, in row %(row)d.")
        return [(row, "passport_number", message % {"row": first}) for row, first in repeated]

    def _store_passports(self) -> None:
        with (
            connection.cursor() as cursor,
            cursor.copy("COPY import_passports (passport, row) FROM STDIN") as copy,
        ):
            for passport_and_row in self.passports:
                copy.write_row(passport_and_row)
        self.passports.clear()

    def _passport(self, number: int, value: str, problems: list[Problem]) -> str | None:
        try:
            passport = validation.check_passport_number(value)
        except ValidationError as error:
            problems.append((number, "passport_number", _messages(error)))
            return None
        self.passports.append((passport, number))
        return passport


@dataclass
class WorkerRows(RowChecker):
    columns = tuple(WORKER_CHECKS)
    required = tuple(c for c in WORKER_CHECKS if c not in WORKER_OPTIONAL)

    def check(self, number, row):
        problems: list[Problem] = []
        clean = {}
        for column, check in WORKER_CHECKS.items():
            if column == "passport_number":
                clean[column] = self._passport(number, row.get(column, ""), problems)
                continue
            try:
                clean[column] = check(row.get(column, ""))
            except ValidationError as error:
                problems.append((number, column, _messages(error)))
        if not problems:
            self.pending.append((number, [str(clean[c]) for c in self.columns if c != "consent"]))
        return problems

    def check_chunk(self):
        passports = {row[self.columns.index("passport_number")] for _n, row in self.pending}
        taken = set(
            Worker.objects.filter(passport_number__in=passports).values_list(
                "passport_number", flat=True
            )
        )
        problems = []
        index = self.columns.index("passport_number")
        for number, row in self.pending:
            if row[index] in taken:
                message = _("A worker with this passport number is already registered.")
                problems.append((number, "passport_number", message))
            else:
                self.keep(row)
        self.pending.clear()
        return problems


def build_workers(agency_id: int, rows: Iterable[list[str]]) -> list[Worker]:
    now = timezone.now()
    names = [c for c in WORKER_CHECKS if c != "consent"]
    return [
        Worker(agency_id=agency_id, consent_at=now, **dict(zip(names, row, strict=True)))
        for row in rows
    ]


@dataclass
class PlacementRows(RowChecker):
    columns = PLACEMENT_REQUIRED + PLACEMENT_OPTIONAL
    required = PLACEMENT_REQUIRED
    # Job orders are few; each id is asked about once per import.
    job_order_problems: dict[str, str | None] = field(default_factory=dict)

    def check(self, number, row):
        problems: list[Problem] = []
        passport = self._passport(number, row.get("passport_number", ""), problems)
        job_order = (row.get("job_order") or "").strip()
        problem = self._job_order_problem(job_order)
        if problem:
            problems.append((number, "job_order", problem))
        fee = (row.get("recruitment_fee_inr") or "").strip() or "0"
        try:
            amount = Decimal(fee)
            if not amount.is_finite() or amount < 0 or amount > MAX_FEE:
                raise InvalidOperation
        except InvalidOperation:
            amount = None
            message = _("Enter the fee in rupees as a number of 0 or more, e.g. 0 or 15000.")
            problems.append((number, "recruitment_fee_inr", message))
        if not problems:
            self.pending.append((number, [passport, job_order, str(amount)]))
        return problems

    def _job_order_problem(self, value: str) -> str | None:
        if value not in self.job_order_problems:
            self.job_order_problems[value] = self._look_up_job_order(value)
        return self.job_order_problems[value]

    def _look_up_job_order(self, value: str) -> str | None:
        # The job orders the agency may recruit for; others do not exist for it.
        usable = job_orders_visible_to(Actor(role=Role.AGENCY, agency_id=self.agency_id))
        if value.isdigit() and len(value) < 19 and usable.filter(pk=int(value)).exists():
            return None
        return _("There is no open job order with this id.")

    def check_chunk(self):
        passports = {row[0] for _n, row in self.pending}
        workers = dict(
            Worker.objects.filter(
                agency_id=self.agency_id, passport_number__in=passports
            ).values_list("passport_number", "pk")
        )
        busy = dict(
            Placement.objects.filter(worker_id__in=workers.values())
            .filter(status__in=OPEN)
            .values_list("worker_id", "reference")
        )
        problems = []
        for number, (passport, job_order, fee) in self.pending:
            worker_id = workers.get(passport)
            if worker_id is None:
                message = _("No worker of your agency has this passport number.")
                problems.append((number, "passport_number", message))
            elif worker_id in busy:
                message = _("This worker already has an open case, %(reference)s.") % {
                    "reference": busy[worker_id]
                }
                problems.append((number, "passport_number", message))
            else:
                self.keep([str(worker_id), job_order, fee])
        self.pending.clear()
        return problems


def build_placements(agency_id: int, rows: Iterable[list[str]]) -> list[Placement]:
    """Draft cases with fresh references; references already taken are drawn again."""
    rows = list(rows)
    references = _fresh_references(len(rows))
    return [
        Placement(
            reference=reference,
            worker_id=int(worker_id),
            agency_id=agency_id,
            job_order_id=int(job_order),
            recruitment_fee_inr=Decimal(fee),
            status=PlacementStatus.DRAFT,
        )
        for reference, (worker_id, job_order, fee) in zip(references, rows, strict=True)
    ]


def _fresh_references(count: int) -> list[str]:
    # 35 random bits: among a million cases a few drawn references will already exist.
    references: set[str] = set()
    while len(references) < count:
        wanted = {new_reference() for _ in range(count - len(references))} - references
        taken = set(
            Placement.objects.filter(reference__in=wanted).values_list("reference", flat=True)
        )
        references |= wanted - taken
    return list(references)


def opening_events(placements: list[Placement]) -> list[CaseEvent]:
    return [
        CaseEvent(
            placement=placement,
            to_status=placement.status,
            public_message=CASE_OPENED_MESSAGE,
            note="Opened by a CSV import.",
        )
        for placement in placements
    ]


KINDS = {"workers": (WorkerRows, build_workers), "placements": (PlacementRows, build_placements)}
