"""The admin for support staff, and the shape every app's admin takes.

Support staff look records up here; they do not make or move them. Cases move through the
lifecycle, decisions, findings, grievances and the rulebook through the services and pages
that check who may and record why, so those records are read-only here. Where support staff do
change something, the admin class names the fields in `editable_fields` and says why in its
docstring; every such edit is kept by the same pghistory triggers as any other.
"""

from django.contrib import admin

from mobility.models import Heartbeat, Notification, Official


class SupportAdmin(admin.ModelAdmin):
    """Read-only unless `editable_fields` names what support staff may correct; never adds or
    deletes."""

    editable_fields: tuple[str, ...] = ()
    show_full_result_count = False

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return bool(self.editable_fields) and super().has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        excluded = set(self.exclude or ())
        return [
            field.name
            for field in self.opts.fields
            if not field.primary_key
            and field.name not in self.editable_fields
            and field.name not in excluded
        ]


class SupportInline(admin.TabularInline):
    """Rows shown beside their parent, read-only."""

    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Official)
class OfficialAdmin(admin.ModelAdmin):
    """Giving a user the official's role (side, regions) is support staff's job: it is done
    here and nowhere else, so officials are added, changed and removed here."""

    list_display = ("user", "side", "rank", "regions")
    list_filter = ("side", "rank")
    search_fields = ("user__username", "user__first_name", "user__last_name", "user__email")
    list_select_related = ("user",)
    raw_id_fields = ("user",)


@admin.register(Heartbeat)
class HeartbeatAdmin(SupportAdmin):
    list_display = ("name", "seen_at")
    list_filter = ("name",)
    search_fields = ("name",)


@admin.register(Notification)
class NotificationAdmin(SupportAdmin):
    """Support staff look up what a person was sent and why a message failed; messages are
    written and sent by `mobility.notifications.services` only."""

    list_display = ("created_at", "event", "channel", "address", "language", "status", "attempts")
    list_filter = ("status", "channel", "event")
    search_fields = ("key", "address", "user__username")
    list_select_related = ("user",)
