from django.contrib import admin

from employers.models import Employer, EmployerMembership, JobOrder, SponsorshipDecision


class SponsorshipDecisionInline(admin.TabularInline):
    """Decisions are made on the officials' pages or the API (the decision table checks them);
    support staff only read them here."""

    model = SponsorshipDecision
    extra = 0
    can_delete = False
    fields = ("decided_at", "decision", "from_status", "to_status", "quota", "reason", "decided_by")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin):
    list_display = ("legal_name", "inn", "region", "sector", "sponsorship_status", "quota")
    list_filter = ("sponsorship_status", "sector", "region")
    search_fields = ("legal_name", "inn", "ogrn")
    # Sponsorship changes only through a recorded decision.
    readonly_fields = ("sponsorship_status", "quota")
    inlines = [SponsorshipDecisionInline]


@admin.register(EmployerMembership)
class EmployerMembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "employer")
    autocomplete_fields = ("employer",)
    raw_id_fields = ("user",)


@admin.register(JobOrder)
class JobOrderAdmin(admin.ModelAdmin):
    list_display = ("title", "employer", "occupation", "positions", "monthly_wage_rub", "status")
    list_filter = ("status", "work_region")
    search_fields = ("title", "employer__legal_name", "employer__inn")
    list_select_related = ("employer",)
    autocomplete_fields = ("employer",)
    # Opening goes through the rulebook check in employers.services.
    readonly_fields = ("status", "opened_at")
