from django.contrib import admin

from employers.models import Employer, EmployerMembership


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin):
    list_display = ("legal_name", "inn", "region", "sector", "sponsorship_status", "quota")
    list_filter = ("sponsorship_status", "sector", "region")
    search_fields = ("legal_name", "inn", "ogrn")


@admin.register(EmployerMembership)
class EmployerMembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "employer")
    autocomplete_fields = ("employer",)
    raw_id_fields = ("user",)
