"""Reports as jobs (SPEC §7): asked for, prepared in the background, offered when finished.

A request is checked whole before anything is written: the kind must exist and be open to the
requester's role, the format one of the kind's, the language one of the site's, the filters
what the kind accepts (for an export, what the list endpoint accepts). It is then fingerprinted:
kind, format, language, the normalised filters, the requester's scope and the data version.
The *data version* is what the file is made from: for an export, the number of rows the
filtered list holds and the newest history row (django-pghistory, whose triggers record bulk
and set-based writes too) of every model its columns read, plus the rulebook's (rules and
their parameters word the findings); a kind may define its own. A second request with the same
fingerprint answers the report already made (or being made) instead of writing another file.

The file is written under a temporary name of its own (`<MEDIA_ROOT>/reports/partial/<id>`),
then moved into its final name in one rename while the report is marked finished. A worker
killed on the way leaves at most that partial file, which the retry (the task is acknowledged
late) truncates and writes again: one report, one file.
"""

import hashlib
import json
import logging
import os
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import OperationalError, connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from compliance.models import UNFINISHED_REPORT_STATUSES, Report, ReportStatus
from compliance.reports.kinds import Kind, kind_named, kinds_open_to
from compliance.reports.scope import actor_of, scope_of, zone_of
from mobility.access import Actor
from mobility.locks import alone

logger = logging.getLogger(__name__)

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def _checked_kind(actor: Actor, code: str, file_format: str, language: str) -> Kind:
    kind = kind_named(code) if isinstance(code, str) else None
    if kind is None or not kind.open_to(actor):
        known = ", ".join(sorted(k.code for k in kinds_open_to(actor)))
        raise ValidationError({"kind": _("Choose one of: %(known)s.") % {"known": known}})
    if file_format not in kind.formats:
        raise ValidationError(
            {
                "format": _("This report comes as: %(formats)s.")
                % {"formats": ", ".join(kind.formats)}
            }
        )
    if language not in dict(settings.LANGUAGES):
        languages = ", ".join(code for code, _name in settings.LANGUAGES)
        raise ValidationError({"language": _("Choose one of: %(known)s.") % {"known": languages}})
    return kind


def checked_filters(actor: Actor, kind: Kind, filters) -> dict:
    """The kind's filters as it keeps them, or a ValidationError under `filters`."""
    body = kind.filters(data=filters if filters is not None else {}, context={"actor": actor})
    if not body.is_valid():
        raise ValidationError({"filters": list(_problems(body.errors))})
    return body.to_json() if hasattr(body, "to_json") else dict(body.validated_data)


def _problems(errors, prefix: str = ""):
    """DRF's nested errors as sentences naming their filter: "status: Select a valid choice."."""
    if isinstance(errors, dict):
        for name, nested in errors.items():
            named = name if name != "non_field_errors" else ""
            yield from _problems(nested, f"{prefix}{named}: " if named else prefix)
    elif isinstance(errors, list):
        for nested in errors:
            yield from _problems(nested, prefix)
    else:
        yield f"{prefix}{errors}"


def fingerprint(
    *, kind: str, file_format: str, language: str, filters: dict, scope_key: str, version: str
) -> str:
    facts = [kind, file_format, language, filters, scope_key, version]
    encoded = json.dumps(facts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()


def _month(kind: Kind, filters: dict) -> date | None:
    month = filters.get("month") if kind.monthly else None
    return date.fromisoformat(f"{month}-01") if month else None


def request_report(
    *, actor: Actor, kind: str, file_format: str, filters: dict | None, language: str
) -> Report:
    """Ask for a report; it is prepared in the background. The same report asked for again
    while its data is unchanged answers the one made, or being made, before."""
    # The task module imports this one.
    from compliance.reports.tasks import build_report

    chosen = _checked_kind(actor, kind, file_format, language)
    with translation.override(language):
        normal = checked_filters(actor, chosen, filters)
    scope = scope_of(actor)
    version = chosen.version(actor, normal)
    print_ = fingerprint(
        kind=chosen.code,
        file_format=file_format,
        language=language,
        filters=normal,
        scope_key=scope.key,
        version=version,
    )
    with transaction.atomic(durable=True):
        # Two identical requests at once make one report.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [print_])
        made = (
            Report.objects.filter(fingerprint=print_)
            .exclude(status=ReportStatus.FAILED)
            .order_by("-created_at", "-pk")
            .first()
        )
        if made is not None and (made.status != ReportStatus.FINISHED or made.file):
            if made.status in UNFINISHED_REPORT_STATUSES:
                # Sent again: a copy finding it being written stops, one finding it abandoned
                # (its message lost with a broker) writes it, so asking again never strands it.
                transaction.on_commit(lambda: _send(build_report, made.pk), robust=True)
            return made
        report = Report.objects.create(
            kind=chosen.code,
            format=file_format,
            language=language,
            filters=normal,
            requested_by_id=actor.user_id,
            month=_month(chosen, normal),
            data_version=version,
            fingerprint=print_,
            **scope.as_fields(),
        )
        # Robust: the request is recorded; a broker down now only delays the file.
        transaction.on_commit(lambda: _send(build_report, report.pk), robust=True)
    return report


def _send(task, report_id: int) -> None:
    task.apply_async(args=[report_id], task_id=f"report-{report_id}")


def partial_path(report: Report) -> Path:
    return Path(settings.MEDIA_ROOT) / "reports" / "partial" / f"{report.pk}.part"


def final_name(report: Report) -> str:
    return f"reports/{report.created_at:%Y/%m}/{report.pk}-{report.kind}.{report.format}"


class _Partial(File):
    """The partial file as a temporary upload: a file-system storage moves it into place with
    one rename instead of copying it; any other storage reads it."""

    def temporary_file_path(self) -> str:
        return self.name


def run_report(report_id: int) -> None:
    """Write one report's file. Safe to deliver twice: a copy finding it being written, or
    written, stops; one interrupted is written again from the start."""
    with alone(f"report:{report_id}") as only_runner:
        report = Report.objects.filter(pk=report_id).first()
        if not only_runner or report is None or report.status not in UNFINISHED_REPORT_STATUSES:
            return
        partial = partial_path(report)
        try:
            _write(report, partial)
        except OperationalError:
            raise
        except Exception as error:
            logger.exception("Report %s failed", report_id)
            Report.objects.filter(pk=report_id, status__in=UNFINISHED_REPORT_STATUSES).update(
                status=ReportStatus.FAILED, error=repr(error)[:1000], finished_at=timezone.now()
            )
            partial.unlink(missing_ok=True)


def _write(report: Report, partial: Path) -> None:
    kind = kind_named(report.kind)
    if kind is None:
        raise LookupError(f"No report kind {report.kind!r}")
    Report.objects.filter(pk=report.pk).update(
        status=ReportStatus.RUNNING, started_at=timezone.now(), progress=0
    )
    shown = [0]

    def progress(done: int, total: int) -> None:
        # 100 is for the finished file; a bar standing at 99 means "moving it into place".
        percent = min(99, done * 100 // total) if total else 0
        if percent != shown[0]:
            shown[0] = percent
            Report.objects.filter(pk=report.pk).update(progress=percent)

    partial.parent.mkdir(parents=True, exist_ok=True)
    actor = actor_of(report)
    # "wb" truncates what an interrupted attempt left.
    with (
        translation.override(report.language),
        timezone.override(zone_of(actor)),
        open(partial, "wb") as out_file,
    ):
        kind.write(report, out_file, progress)
    _store(report, partial)


def _store(report: Report, partial: Path) -> None:
    storage = report.file.storage
    name = final_name(report)
    with transaction.atomic(durable=True):
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if locked.status not in UNFINISHED_REPORT_STATUSES:
            partial.unlink(missing_ok=True)
            return
        # A copy an attempt stored before dying, its report not yet marked finished.
        storage.delete(name)
        with _Partial(open(partial, "rb"), name=str(partial)) as content:
            stored = storage.save(name, content)
        try:
            locked.file.name = stored
            locked.status = ReportStatus.FINISHED
            locked.progress = 100
            locked.rows = report.rows
            locked.finished_at = timezone.now()
            locked.save(update_fields=["file", "status", "progress", "rows", "finished_at"])
        except Exception:
            storage.delete(stored)
            raise
    if partial.exists():
        os.unlink(partial)
