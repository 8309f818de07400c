"""Asking for an export through the API and reading its file back, for the reports' tests."""

import csv
import io

import openpyxl
from django.test import TestCase


def request_export(api, user, kind, file_format="csv", filters=None, *, run=True, **extra):
    """POST /api/v1/reports/ as `user`; the task runs (eagerly) as the request commits, unless
    `run` is False (as while no worker has taken it yet)."""
    body = {"kind": kind, "format": file_format, "filters": filters or {}, **extra}
    with TestCase.captureOnCommitCallbacks(execute=run):
        return api.as_user(user).post("/api/v1/reports/", body, format="json")


def file_of(response) -> bytes:
    return b"".join(response.streaming_content)


def csv_rows(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def _unescaped(value):
    # OOXML writes a carriage return in text as `_x000D_`; spreadsheets show it, openpyxl
    # hands it over as written.
    return value.replace("_x000D_", "\r") if isinstance(value, str) else value


def xlsx_rows(content: bytes) -> list[dict]:
    sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    header, *rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, map(_unescaped, row), strict=True)) for row in rows]


def listed(api, user, path: str, params: dict | None = None) -> list[dict]:
    """Every row of a list endpoint, page after page."""
    rows, params = [], {**(params or {}), "page_size": 100}
    response = api.as_user(user).get(path, params)
    while True:
        assert response.status_code == 200, response.json()
        rows += response.json()["results"]
        if not response.json()["next"]:
            return rows
        response = api.get(response.json()["next"])


def export_from_page(client, kind: str, query: str = "", file_format: str = "csv") -> bytes:
    """Press a list page's export button (signed in on `client`), let the job run, and
    download the file the reports page then offers."""
    from compliance.models import Report

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            "/reports/export/", {"kind": kind, "format": file_format, "query": query}
        )
    assert response.status_code == 302, response.content
    report = Report.objects.latest("pk")
    return b"".join(client.get(f"/api/v1/reports/{report.pk}/download/").streaming_content)
