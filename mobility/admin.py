from django.contrib import admin

from mobility.models import Heartbeat, Official


@admin.register(Official)
class OfficialAdmin(admin.ModelAdmin):
    list_display = ("user", "side", "regions")
    list_filter = ("side",)
    raw_id_fields = ("user",)


@admin.register(Heartbeat)
class HeartbeatAdmin(admin.ModelAdmin):
    list_display = ("name", "seen_at")
