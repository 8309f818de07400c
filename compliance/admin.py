"""Admin for support staff: the rule catalogue and the minimum-wage table. Edits here are
tracked by the same pghistory triggers as edits through the API and pages."""

from django.contrib import admin

from compliance.rulebook.models import Corridor, MinimumWage, Rule, RuleParameter


class RuleParameterInline(admin.TabularInline):
    model = RuleParameter
    extra = 0
    ordering = ("-effective_from",)


@admin.register(Rule)
class RuleAdmin(admin.ModelAdmin):
    list_display = ("code", "title", "category", "severity", "enabled")
    list_filter = ("category", "severity", "enabled")
    search_fields = ("code", "title", "legal_source")
    readonly_fields = ("code", "corridor")
    inlines = [RuleParameterInline]


@admin.register(MinimumWage)
class MinimumWageAdmin(admin.ModelAdmin):
    list_display = ("region", "effective_from", "amount_rub", "source")
    list_filter = ("region",)
    ordering = ("region", "-effective_from")


@admin.register(Corridor)
class CorridorAdmin(admin.ModelAdmin):
    list_display = ("code", "origin", "destination", "name")
