"""The task that writes a report survives a worker killed on the way: delivered again (it is
acknowledged late), it finishes the same report with one file, and a copy delivered twice
writes nothing more."""

from pathlib import Path

import pytest
from django.conf import settings

from compliance.models import Report, ReportStatus
from compliance.reports import services, tables
from tests.compliance.reports_helpers import csv_rows, request_export
from workers.models import PlacementStatus

S = PlacementStatus


class WorkerKilled(BaseException):
    """What the task sees of a SIGKILL: nothing after this point runs, no handler either."""


def _files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "reports"
    return sorted(p for p in root.rglob("*") if p.is_file())


@pytest.fixture
def queued(world, api):
    for _ in range(3):
        world.case(S.SUBMITTED)
    response = request_export(api, world.official, "export_cases", run=False)
    return Report.objects.get(pk=response.json()["id"])


def test_a_worker_killed_while_writing_rows_leaves_a_report_the_retry_finishes(queued, monkeypatch):
    writing = tables.write_csv

    def dies_after_the_header(out_file, header, rows, **kwargs):
        out_file.write(b"reference,status\r\nIRM-HALF,")
        raise WorkerKilled

    monkeypatch.setattr(tables, "write_csv", dies_after_the_header)
    monkeypatch.setitem(tables.WRITERS, "csv", dies_after_the_header)
    with pytest.raises(WorkerKilled):
        services.run_report(queued.pk)
    queued.refresh_from_db()
    assert queued.status == ReportStatus.RUNNING
    assert not queued.file

    monkeypatch.setitem(tables.WRITERS, "csv", writing)
    services.run_report(queued.pk)
    queued.refresh_from_db()
    assert queued.status == ReportStatus.FINISHED
    assert queued.progress == 100
    assert _files() == [Path(queued.file.path)]
    rows = csv_rows(Path(queued.file.path).read_bytes())
    assert len(rows) == 3
    assert "IRM-HALF" not in {row["reference"] for row in rows}


def test_a_worker_killed_after_storing_the_file_leaves_one_file_after_the_retry(
    queued, monkeypatch
):
    saving = Report.save

    def dies_before_marking_it_finished(self, *args, **kwargs):
        raise WorkerKilled

    monkeypatch.setattr(Report, "save", dies_before_marking_it_finished)
    with pytest.raises(WorkerKilled):
        services.run_report(queued.pk)
    # The file reached storage; the report was never marked finished.
    assert len(_files()) == 1
    queued.refresh_from_db()
    assert queued.status == ReportStatus.RUNNING

    monkeypatch.setattr(Report, "save", saving)
    services.run_report(queued.pk)
    queued.refresh_from_db()
    assert queued.status == ReportStatus.FINISHED
    assert _files() == [Path(queued.file.path)]
    assert len(csv_rows(Path(queued.file.path).read_bytes())) == 3


def test_a_report_delivered_twice_is_written_once(queued):
    services.run_report(queued.pk)
    queued.refresh_from_db()
    written = (queued.file.name, queued.finished_at)
    services.run_report(queued.pk)
    queued.refresh_from_db()
    assert (queued.file.name, queued.finished_at) == written
    assert len(_files()) == 1


def test_a_report_whose_writing_fails_is_failed_with_no_file_left(queued, monkeypatch):
    def breaks(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setitem(tables.WRITERS, "csv", breaks)
    services.run_report(queued.pk)
    queued.refresh_from_db()
    assert queued.status == ReportStatus.FAILED
    assert _files() == []


def test_progress_is_written_as_the_rows_go(queued, monkeypatch):
    seen = []
    monkeypatch.setattr(tables, "PROGRESS_EVERY", 1)
    recording = Report.objects.filter(pk=queued.pk)

    writing = tables.write_csv

    def watched(out_file, header, rows, *, total, progress):
        def watching(done, total):
            progress(done, total)
            seen.append(recording.values_list("progress", flat=True).get())

        return writing(out_file, header, rows, total=total, progress=watching)

    monkeypatch.setitem(tables.WRITERS, "csv", watched)
    services.run_report(queued.pk)
    # 1, 2 and 3 of 3 rows; the last step to 100 comes with the stored file.
    assert seen == [33, 66, 99, 99]
    queued.refresh_from_db()
    assert queued.progress == 100
