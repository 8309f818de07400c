"""The document kinds the report jobs write: for each, its writer, the serializer of its
filters (`to_json()` gives the filters to keep and hand to the writer) and its formats.
A writer is called `write(filters, language, out, progress)`, and the pact statistics'
with the format as a fifth argument."""

from collections.abc import Callable
from dataclasses import dataclass

from rest_framework import serializers

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
