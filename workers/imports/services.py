"""CSV imports of workers and cases (SPEC §10): all or nothing.

An upload is stored and queued (`start_import`); a Celery task runs `run_import`, which streams
the file three times and never holds it whole: it counts the rows, then checks every row
(writing the clean values to a temporary file on disk), and only when no row has a problem
writes them all in one transaction with `bulk_create` in chunks. Otherwise nothing is written
and the import lists every bad row (row number as a spreadsheet shows it, the header being
row 1; column; message). Running it again after a crash gives the same result.
"""

import csv
import io
import logging
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from itertools import islice

import pghistory
from django.core.cache import cache
from django.core.files import File
from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mobility.access import Actor, Role
from mobility.errors import ActionForbidden, DomainError
from mobility.locks import alone
from workers.imports.rows import KINDS, Problem, RowChecker, opening_events
from workers.models import Import, ImportKind, ImportStatus

MAX_BYTES = 50 * 1024 * 1024


MAX_ROWS = 1_000_000


CHUNK_ROWS = 5_000


# Keeps a file of a million bad rows from filling the database with its report.
MAX_REPORTED_PROBLEMS = 10_000
# Invisible in a spreadsheet, refused by PostgreSQL in any text: say so before writing.
NUL_MESSAGE = gettext_lazy(
    "This value contains a NUL character (code 0), which no field may hold. Remove it from the "
    "file and upload it again."
)


FINISHED = (ImportStatus.DONE, ImportStatus.FAILED)
# An import waits behind at most a few others: one unfinished this long after its task was
# sent may have lost it, and is sent again (as often, while it runs).
RESEND_AFTER = timedelta(minutes=3)
logger = logging.getLogger(__name__)


class FileTooLarge(DomainError):
    status_code = 413

    def __init__(self) -> None:
        super().__init__(
            gettext_lazy(
                "The file is larger than 50 MB. Split it into smaller files and upload each one."
            )
        )


def start_import(*, actor: Actor, kind: str, upload: File) -> Import:
    """An agency uploads a CSV file of its workers or cases; the import runs in the
    background. Files over 50 MB are refused and nothing is stored."""
    if actor.role != Role.AGENCY:
        raise ActionForbidden(_("Only agency staff import workers and cases."))
    if upload.size > MAX_BYTES:
        raise FileTooLarge
    # The task module imports this one, so it is imported here, when it is needed.
    from workers.imports.tasks import import_csv

    upload.name = f"{uuid.uuid4().hex}.csv"
    with transaction.atomic(durable=True):
        record = Import.objects.create(
            agency_id=actor.agency_id,
            kind=ImportKind(kind),
            file=upload,
            created_by_id=actor.user_id,
        )
        # Robust: the upload is recorded, and a broker that is down now only delays the import
        # until `resend_unfinished_imports` sends it again.
        transaction.on_commit(lambda: import_csv.delay(record.pk), robust=True)
    return record


def resend_unfinished_imports(now=None) -> int:
    """Send again every import unfinished a while after its task was sent: the broker lost
    the message (restarted without its data, or was down at the upload), or the worker running
    it died (its message comes back only after the visibility timeout). A copy that finds the
    import running elsewhere stops at once; one that finds it abandoned starts it over. Returns
    how many; the beat runs it every minute."""
    from workers.imports.tasks import import_csv

    now = now or timezone.now()
    stale = Import.objects.exclude(status__in=FINISHED).filter(sent_at__lt=now - RESEND_AFTER)
    sent = 0
    for pk in stale.values_list("pk", flat=True):
        # Whoever moves `sent_at` sends it, so two beats at once send it once.
        if stale.filter(pk=pk).update(sent_at=now):
            import_csv.delay(pk)
            sent += 1
    return sent


def _chunks(rows: Iterable[list[str]]) -> Iterator[list[list[str]]]:
    rows = iter(rows)
    while chunk := list(islice(rows, CHUNK_ROWS)):
        yield chunk


def progress_key(import_id: int) -> str:
    return f"import-progress:{import_id}"


def written_rows(record: Import) -> int:
    """Rows written so far. The writing transaction is not visible to other connections until
    it commits, so its progress is published through the cache."""
    if record.status == ImportStatus.DONE:
        return record.imported_rows
    if record.status == ImportStatus.IMPORTING:
        return cache.get(progress_key(record.pk), 0)
    return 0


@contextmanager
def _csv_rows(record: Import) -> Iterator[Iterator[list[str]]]:
    """The file's rows, decoded as UTF-8 with or without a byte-order mark."""
    with record.file.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        try:
            yield csv.reader(text)
        finally:
            text.detach()


def run_import(import_id: int) -> None:
    """Check every row, then write all or nothing. Whatever goes wrong ends the import as
    failed with a report the agency reads, never as an import that seems to run for ever;
    only a lost database connection is left for the task to retry."""
    # The same task delivered twice (or sent again by `resend_unfinished_imports`) must not
    # validate while the other writes, or it would find the other's rows and fail a finished
    # import.
    with alone(f"workers-import:{import_id}") as only_runner:
        record = Import.objects.filter(pk=import_id).first()
        if not only_runner or record is None or record.status in FINISHED:
            return
        try:
            _run(record)
        except OperationalError:
            raise
        except Exception:
            logger.exception("Import %s failed", record.pk)
            message = _(
                "The file could not be imported because of an error on our side; nothing was "
                "imported. The support team has been told; try again later."
            )
            _fail(record, [(0, "", message)], 1)


def _run(record: Import) -> None:
    checker_class, build = KINDS[record.kind]
    total = _count_rows(record)
    Import.objects.filter(pk=record.pk).update(
        status=ImportStatus.VALIDATING, total_rows=total, processed_rows=0, errors=[]
    )
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as clean_file:
        writer = csv.writer(clean_file)
        checker = checker_class(agency_id=record.agency_id, keep=writer.writerow)
        problems, problem_count = _check(record, checker)
        if problem_count:
            _fail(record, problems, problem_count)
            return
        clean_file.seek(0)
        _write(record, build, csv.reader(clean_file), total)


def _count_rows(record: Import) -> int:
    try:
        with _csv_rows(record) as rows:
            return max(sum(1 for _row in rows) - 1, 0)
    except (UnicodeDecodeError, csv.Error):
        return 0


def _check(record: Import, checker: RowChecker) -> tuple[list[Problem], int]:
    problems: list[Problem] = []
    count = 0

    def report(found: list[Problem]) -> None:
        nonlocal count
        count += len(found)
        problems.extend(found[: MAX_REPORTED_PROBLEMS - len(problems)])

    number = 1
    try:
        checker.start()
        with _csv_rows(record) as rows:
            header = [name.strip() for name in next(rows, [])]
            report(_header_problems(header, checker))
            if count:
                return problems, count
            for number, values in enumerate(rows, start=2):
                if number - 1 > MAX_ROWS:
                    report([(number, "", _("The file has more than 1,000,000 rows."))])
                    break
                if len(values) != len(header):
                    message = _("The row has %(found)d values; the header has %(expected)d.") % {
                        "found": len(values),
                        "expected": len(header),
                    }
                    report([(number, "", message)])
                    continue
                nul = [name for name, value in zip(header, values, strict=True) if "\x00" in value]
                if nul:
                    report([(number, name, str(NUL_MESSAGE)) for name in nul])
                    continue
                report(checker.check(number, dict(zip(header, values, strict=True))))
                if len(checker.pending) >= CHUNK_ROWS:
                    report(checker.flush())
                    Import.objects.filter(pk=record.pk).update(processed_rows=number - 1)
            report(checker.flush())
            report(checker.finish())
    except UnicodeDecodeError:
        report([(number + 1, "", _("The file is not UTF-8 text. Save it as CSV UTF-8."))])
    except csv.Error as error:
        report([(number + 1, "", _("The row is not valid CSV: %(error)s") % {"error": error})])
    if number == 1 and not count:
        report([(2, "", _("The file has no rows below the header."))])
    Import.objects.filter(pk=record.pk).update(processed_rows=max(number - 1, 0))
    problems.sort()
    return problems, count


def _header_problems(header: list[str], checker: RowChecker) -> list[Problem]:
    problems = [
        (1, column, _("This column is missing."))
        for column in checker.required
        if column not in header
    ]
    for position, column in enumerate(header):
        if column not in checker.columns:
            problems.append((1, column, _("This column is unknown.")))
        elif column in header[:position]:
            problems.append((1, column, _("This column appears twice.")))
    return problems


def _fail(record: Import, problems: list[Problem], count: int) -> None:
    Import.objects.filter(pk=record.pk).update(
        status=ImportStatus.FAILED,
        errors=[
            {"row": row, "column": column, "message": message} for row, column, message in problems
        ],
        error_count=count,
        imported_rows=0,
        finished_at=timezone.now(),
    )


def _write(
    record: Import,
    build: Callable[[int, Iterable[list[str]]], list],
    rows: Iterable[list[str]],
    total: int,
) -> None:
    Import.objects.filter(pk=record.pk).update(status=ImportStatus.IMPORTING)
    written = 0
    try:
        # The history rows of every imported object name the import and who uploaded it.
        with (
            transaction.atomic(durable=True),
            pghistory.context(import_id=record.pk, user=record.created_by_id),
        ):
            # A second worker running the same import waits here, then finds it done.
            locked = Import.objects.select_for_update().get(pk=record.pk)
            if locked.status in FINISHED:
                return
            _quiet_trigger_settings()
            for chunk in _chunks(rows):
                objects = build(record.agency_id, chunk)
                model = type(objects[0])
                model.objects.bulk_create(objects, batch_size=CHUNK_ROWS)
                if record.kind == ImportKind.PLACEMENTS:
                    events = opening_events(objects)
                    type(events[0]).objects.bulk_create(events, batch_size=CHUNK_ROWS)
                written += len(objects)
                cache.set(progress_key(record.pk), written, timeout=3600)
            locked.status = ImportStatus.DONE
            locked.imported_rows = written
            locked.processed_rows = total
            locked.finished_at = timezone.now()
            locked.save(update_fields=["status", "imported_rows", "processed_rows", "finished_at"])
    except IntegrityError:
        # Another change registered one of these passports (or cases) since the check.
        message = _("The data changed while the file was being imported. Upload it again.")
        _fail(record, [(1, "", message)], 1)
    finally:
        cache.delete(progress_key(record.pk))


def _quiet_trigger_settings() -> None:
    """The history triggers read `pgtrigger.ignore` (and pghistory's context) once per row;
    when a setting is unset, reading it raises an error the trigger catches, which costs a
    subtransaction per row and made a 100,000-row import 4.5 times slower
    (bench/import_rows.py). An empty ignore list means the same as no list, without the
    error."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('pgtrigger.ignore', '{}', true)")
