from django.contrib import admin

from mobility.admin import SupportAdmin, SupportInline
from workers.models import (
    Agency,
    AgencyDecision,
    AgencyMembership,
    CaseEvent,
    Document,
    Grievance,
    Import,
    Placement,
    Worker,
)
from workers.registry.validation import mask_passport


@admin.display(description="passport number", ordering="passport_number")
def worker_passport(worker: Worker) -> str:
    return mask_passport(worker.passport_number)


@admin.display(description="passport number", ordering="worker__passport_number")
def placement_passport(placement: Placement) -> str:
    return mask_passport(placement.worker.passport_number)


class AgencyDecisionInline(SupportInline):
    model = AgencyDecision
    fields = ("decided_at", "decision", "from_status", "to_status", "reason", "decided_by")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("decided_by")


@admin.register(Agency)
class AgencyAdmin(SupportAdmin):
    """Support staff correct an agency's name and contact data when asked to; its standing
    changes only through an official's recorded decision, and its licence is what officials
    checked."""

    editable_fields = ("name", "address", "contact_email", "contact_phone")
    list_display = ("name", "licence_number", "licence_valid_until", "status", "state")
    list_filter = ("status", "state")
    search_fields = ("name", "licence_number")
    inlines = [AgencyDecisionInline]


@admin.register(AgencyMembership)
class AgencyMembershipAdmin(admin.ModelAdmin):
    """Giving a user an agency's role is support staff's job: it is done here and nowhere else,
    so memberships are added, changed and removed here."""

    list_display = ("user", "agency")
    list_filter = ("user__is_active", "agency__status")
    search_fields = ("user__username", "user__email", "agency__name", "agency__licence_number")
    list_select_related = ("user", "agency")
    autocomplete_fields = ("agency",)
    raw_id_fields = ("user",)


@admin.register(AgencyDecision)
class AgencyDecisionAdmin(SupportAdmin):
    list_display = ("decided_at", "agency", "decision", "from_status", "to_status", "decided_by")
    list_filter = ("decision", "to_status", "decided_at")
    search_fields = ("agency__name", "agency__licence_number", "reason", "decided_by__username")
    list_select_related = ("agency", "decided_by")


@admin.register(Worker)
class WorkerAdmin(SupportAdmin):
    """Read-only: the worker's own agency keeps their data, through the checks the pages, the
    API and the import share."""

    list_display = ("full_name", worker_passport, "agency", "state_of_origin", "created_at")
    list_filter = ("state_of_origin", "sex", "preferred_language")
    search_fields = ("full_name", "passport_number", "agency__name")
    list_select_related = ("agency",)


class CaseEventInline(SupportInline):
    model = CaseEvent
    fields = ("at", "from_status", "to_status", "actor", "public_message", "note")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


@admin.register(Placement)
class PlacementAdmin(SupportAdmin):
    """Read-only: a case moves only along the lifecycle table (workers/placements/lifecycle.py),
    whose moves check who may and what is required."""

    list_display = (
        "reference",
        "worker",
        placement_passport,
        "agency",
        "employer",
        "status",
        "created_at",
    )
    list_filter = ("status", "job_order__work_region", "job_order__employer__sector")
    search_fields = (
        "reference",
        "worker__full_name",
        "worker__passport_number",
        "agency__name",
        "job_order__employer__legal_name",
    )
    list_select_related = ("worker", "agency", "job_order__employer")
    inlines = [CaseEventInline]

    @admin.display(ordering="job_order__employer__legal_name")
    def employer(self, placement: Placement):
        return placement.job_order.employer


@admin.register(CaseEvent)
class CaseEventAdmin(SupportAdmin):
    list_display = ("at", "placement", "from_status", "to_status", "actor")
    list_filter = ("to_status", "at")
    search_fields = ("placement__reference", "actor__username", "public_message")
    list_select_related = ("placement", "actor")


@admin.register(Document)
class DocumentAdmin(SupportAdmin):
    """Read-only, and without the file: documents are read only through the pages that check
    access (they are never served from MEDIA_URL)."""

    exclude = ("file",)
    list_display = (
        "__str__",
        "worker",
        "placement",
        "original_name",
        "verification_status",
        "uploaded_at",
    )
    list_filter = ("kind", "verification_status", "uploaded_at")
    search_fields = ("placement__reference", "worker__full_name", "original_name", "sha256")
    list_select_related = ("worker", "placement")


@admin.register(Grievance)
class GrievanceAdmin(SupportAdmin):
    """Read-only: officials handle grievances on their pages, where the deadlines and who may
    see the worker's complaint are kept."""

    list_display = (
        "receipt",
        "placement",
        "category",
        "status",
        "level",
        "side",
        "assignee",
        "resolution_due",
        "created_at",
    )
    list_filter = ("status", "level", "side", "category", "shared_with_employer", "created_at")
    search_fields = ("receipt", "placement__reference")
    list_select_related = ("placement", "assignee")


@admin.register(Import)
class ImportAdmin(SupportAdmin):
    """Read-only, and without the uploaded file (it holds workers' passport numbers); the
    per-row errors show what went wrong."""

    exclude = ("file",)
    list_display = (
        "__str__",
        "agency",
        "status",
        "total_rows",
        "imported_rows",
        "error_count",
        "created_by",
        "created_at",
    )
    list_filter = ("kind", "status", "created_at")
    search_fields = ("agency__name", "created_by__username")
    list_select_related = ("agency", "created_by")
