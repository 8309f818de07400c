from django.contrib import admin

from workers.models import Agency, AgencyMembership


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "licence_number", "licence_valid_until", "status", "state")
    list_filter = ("status", "state")
    search_fields = ("name", "licence_number")


@admin.register(AgencyMembership)
class AgencyMembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "agency")
    autocomplete_fields = ("agency",)
    raw_id_fields = ("user",)
