"""Admin for support staff: evidence, findings, checks, the watchlist, reports and the
rulebook, all read-only. Officials edit the rulebook and the minimum-wage table on their pages
and through the API, where the services check who may (a region-limited official edits only
the figures of their regions)."""

from django.contrib import admin

from compliance.entitlements import admin as entitlements_admin  # noqa: F401 (registers)
from compliance.models import (
    CheckRun,
    Finding,
    GrievanceClock,
    InsuranceCover,
    PersonalDataRequest,
    Report,
    SafetyRecord,
    WageReport,
    WatchlistEntry,
    WatchlistKind,
)
from compliance.rulebook.models import Corridor, MinimumWage, Rule, RuleParameter
from mobility.admin import SupportAdmin, SupportInline
from workers.models import GrievanceCategory
from workers.registry.validation import mask_passport

PLACEMENT_SEARCH = ("placement__reference", "placement__job_order__employer__legal_name")
PLACEMENT_RELATED = ("placement__job_order__employer",)


@admin.display(description="employer", ordering="placement__job_order__employer__legal_name")
def placement_employer(record):
    return record.placement.job_order.employer


@admin.register(WageReport)
class WageReportAdmin(SupportAdmin):
    """Read-only: employers report wages on their pages or by CSV, and each report is checked
    against the rules when it is saved."""

    list_display = (
        "placement",
        placement_employer,
        "month",
        "gross_rub",
        "net_paid_rub",
        "paid_on",
    )
    list_filter = ("month",)
    search_fields = PLACEMENT_SEARCH
    list_select_related = PLACEMENT_RELATED


@admin.register(SafetyRecord)
class SafetyRecordAdmin(SupportAdmin):
    list_display = ("placement", placement_employer, "kind", "date", "severity")
    list_filter = ("kind", "severity", "date")
    search_fields = (*PLACEMENT_SEARCH, "description")
    list_select_related = PLACEMENT_RELATED


@admin.register(InsuranceCover)
class InsuranceCoverAdmin(SupportAdmin):
    list_display = (
        "placement",
        placement_employer,
        "kind",
        "policy_number",
        "valid_from",
        "valid_until",
    )
    list_filter = ("kind", "valid_until")
    search_fields = (*PLACEMENT_SEARCH, "policy_number")
    list_select_related = PLACEMENT_RELATED


@admin.register(Finding)
class FindingAdmin(SupportAdmin):
    """Read-only: the checks open and resolve findings, officials acknowledge, resolve or
    waive them with a reason on their pages."""

    list_display = (
        "__str__",
        "severity",
        "status",
        "placement",
        "employer",
        "agency",
        "last_detected_at",
        "due_at",
    )
    list_filter = ("status", "severity", "rule__category", "last_detected_at")
    search_fields = (
        "rule__code",
        "subject_key",
        "placement__reference",
        "employer__legal_name",
        "agency__name",
    )
    list_select_related = ("rule", "placement", "employer", "agency")


@admin.register(CheckRun)
class CheckRunAdmin(SupportAdmin):
    list_display = (
        "__str__",
        "scope",
        "trigger",
        "placement",
        "requested_by",
        "created_at",
        "subjects_evaluated",
        "findings_opened",
        "findings_resolved",
    )
    list_filter = ("status", "trigger", "created_at")
    search_fields = ("placement__reference", "scope", "requested_by__username")
    list_select_related = ("placement", "requested_by")


@admin.register(WatchlistEntry)
class WatchlistEntryAdmin(SupportAdmin):
    """Read-only: officials keep the watchlist on their pages and through the API."""

    list_display = ("kind", "listed_value", "added_by", "added_at")
    list_filter = ("kind", "added_at")
    search_fields = ("value", "reason")
    list_select_related = ("added_by",)

    @admin.display(description="value", ordering="value")
    def listed_value(self, entry: WatchlistEntry) -> str:
        if entry.kind == WatchlistKind.PASSPORT:
            return mask_passport(entry.value)
        return entry.value


@admin.register(PersonalDataRequest)
class PersonalDataRequestAdmin(SupportAdmin):
    """The audit of exports and erasures, read-only and without the archive: officials in the
    worker's scope download it from the worker's page."""

    exclude = ("file",)
    list_display = ("__str__", "kind", "status", "worker_number", "requested_by", "requested_at")
    list_filter = ("kind", "status", "requested_at")
    search_fields = ("=worker_number", "requested_by__username")
    list_select_related = ("requested_by",)


@admin.register(Report)
class ReportAdmin(SupportAdmin):
    """Read-only, and without the file: a report is downloaded by whoever asked for it."""

    exclude = ("file",)
    list_display = ("__str__", "status", "requested_by", "created_at", "finished_at")
    list_filter = ("status", "kind", "created_at")
    search_fields = ("kind", "requested_by__username")
    list_select_related = ("requested_by",)


class RuleParameterInline(SupportInline):
    model = RuleParameter
    fields = ("effective_from", "values")
    readonly_fields = fields
    ordering = ("-effective_from",)


@admin.register(Rule)
class RuleAdmin(SupportAdmin):
    list_display = ("code", "title", "category", "severity", "enabled")
    list_filter = ("category", "severity", "enabled")
    search_fields = ("code", "title", "legal_source")
    inlines = [RuleParameterInline]


@admin.register(RuleParameter)
class RuleParameterAdmin(SupportAdmin):
    list_display = ("rule", "effective_from", "values")
    list_filter = ("rule__category", "effective_from")
    search_fields = ("rule__code",)
    list_select_related = ("rule",)


@admin.register(MinimumWage)
class MinimumWageAdmin(SupportAdmin):
    list_display = ("region", "effective_from", "amount_rub", "source")
    list_filter = ("region", "effective_from")
    search_fields = ("region", "source")
    ordering = ("region", "-effective_from")


@admin.register(Corridor)
class CorridorAdmin(SupportAdmin):
    list_display = ("code", "origin", "destination", "name")
    list_filter = ("origin", "destination")
    search_fields = ("code", "name")


@admin.register(GrievanceClock)
class GrievanceClockAdmin(admin.ModelAdmin):
    """The clocks of each grievance category and the side that answers for it. Edited here:
    a grievance takes the clock in force when it is filed or climbs a level, so an edit
    does not move the deadlines of grievances already running."""

    list_display = ("category_label", "acknowledge_within_days", "resolve_within_days", "side")
    list_editable = ("acknowledge_within_days", "resolve_within_days", "side")
    list_filter = ("side",)
    readonly_fields = ("category",)

    @admin.display(description="category", ordering="category")
    def category_label(self, clock):
        return GrievanceCategory(clock.category).label

    def has_add_permission(self, request) -> bool:
        # One row per category, all seeded; a category is added in code with its clock.
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
