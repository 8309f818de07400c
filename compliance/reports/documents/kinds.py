"""The document kinds the report jobs write: for each, its writer, the serializer of its
filters (`to_json()` gives the filters to keep and hand to the writer) and its formats.
A writer is called `write(filters, language, out, progress)`, and the pact statistics'
with the format as a fifth argument."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from compliance.models import CheckRun, Finding, WageReport
from compliance.reports.documents.compliance_reports import (
    write_agency_compliance,
    write_employer_compliance,
)
from compliance.reports.documents.pact_statistics import write_pact_statistics
from compliance.reports.documents.serializers import (
    AgencyComplianceFilters,
    EmployerComplianceFilters,
    PactStatisticsFilters,
)
from compliance.reports.exports import events_version
from compliance.reports.kinds import Kind, register
from compliance.rulebook.models import Rule, RuleParameter
from employers.models import Employer
from mobility.access import Role
from workers.models import Agency, Grievance, Placement


@dataclass(frozen=True)
class DocumentWriter:
    write: Callable
    filters: type[serializers.Serializer]
    formats: tuple[str, ...]


DOCUMENTS = {
    "employer_compliance": DocumentWriter(
        write_employer_compliance, EmployerComplianceFilters, ("pdf",)
    ),
    "agency_compliance": DocumentWriter(write_agency_compliance, AgencyComplianceFilters, ("pdf",)),
    "pact_statistics": DocumentWriter(
        write_pact_statistics, PactStatisticsFilters, ("xlsx", "csv")
    ),
}


def _written(document: DocumentWriter):
    """The document's writer as a report job calls it: its kept filters, the percent it
    reports as done out of 100, and the format for the pact statistics."""
    formats = (lambda report: [report.format]) if len(document.formats) > 1 else (lambda _r: [])

    def write(report, out, progress) -> None:
        filters = report.filters
        document.write(
            filters, filters["language"], out, lambda done: progress(done, 100), *formats(report)
        )

    return write


def _version(actor, filters: dict) -> str:
    """Any change to what a document reads, or a check run since, makes a new file."""
    last_run = CheckRun.objects.aggregate(last=Max("pk"))["last"] or 0
    tracked = events_version(
        Finding, Placement, Grievance, Employer, Agency, WageReport, Rule, RuleParameter
    )
    return f"{tracked}:{last_run}"


TITLES = {
    "employer_compliance": _("Employer compliance report"),
    "agency_compliance": _("Agency compliance report"),
    "pact_statistics": _("Pact statistics"),
}
ASKED_BY = {
    "employer_compliance": frozenset({Role.OFFICIAL, Role.EMPLOYER}),
    "agency_compliance": frozenset({Role.OFFICIAL, Role.AGENCY}),
    "pact_statistics": frozenset({Role.OFFICIAL}),
}

for _code, _document in DOCUMENTS.items():
    register(
        Kind(
            code=_code,
            title=TITLES[_code],
            formats=_document.formats,
            filters=_document.filters,
            write=_written(_document),
            version=_version,
            roles=ASKED_BY[_code],
            monthly=_code != "pact_statistics",
        )
    )
