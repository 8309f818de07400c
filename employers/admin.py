from django.contrib import admin

from employers.models import Employer, EmployerMembership, JobOrder, SponsorshipDecision
from mobility.admin import SupportAdmin, SupportInline


class SponsorshipDecisionInline(SupportInline):
    model = SponsorshipDecision
    fields = ("decided_at", "decision", "from_status", "to_status", "quota", "reason", "decided_by")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("decided_by")


@admin.register(Employer)
class EmployerAdmin(SupportAdmin):
    """Support staff correct an employer's name and contact data when asked to; sponsorship
    status and quota change only through an official's recorded decision, and the registration
    numbers and region are what officials approved."""

    editable_fields = ("legal_name", "address", "contact_email", "contact_phone")
    list_display = ("legal_name", "inn", "region", "sector", "sponsorship_status", "quota")
    list_filter = ("sponsorship_status", "sector", "region")
    search_fields = ("legal_name", "inn", "ogrn")
    inlines = [SponsorshipDecisionInline]


@admin.register(EmployerMembership)
class EmployerMembershipAdmin(admin.ModelAdmin):
    """Giving a user an employer's role is support staff's job: it is done here and nowhere
    else, so memberships are added, changed and removed here."""

    list_display = ("user", "employer")
    list_filter = ("user__is_active", "employer__sponsorship_status")
    search_fields = ("user__username", "user__email", "employer__legal_name", "employer__inn")
    list_select_related = ("user", "employer")
    autocomplete_fields = ("employer",)
    raw_id_fields = ("user",)


@admin.register(SponsorshipDecision)
class SponsorshipDecisionAdmin(SupportAdmin):
    list_display = ("decided_at", "employer", "decision", "from_status", "to_status", "decided_by")
    list_filter = ("decision", "to_status", "decided_at")
    search_fields = ("employer__legal_name", "employer__inn", "reason", "decided_by__username")
    list_select_related = ("employer", "decided_by")


@admin.register(JobOrder)
class JobOrderAdmin(SupportAdmin):
    """Read-only: a job order's terms are checked against the rulebook when the employer opens
    it (employers.job_orders.services), which an edit here would skip."""

    list_display = ("title", "employer", "occupation", "positions", "monthly_wage_rub", "status")
    list_filter = ("status", "work_region")
    search_fields = ("title", "employer__legal_name", "employer__inn")
    list_select_related = ("employer",)
