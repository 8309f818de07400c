"""DRF permission classes: "may this role take this action". Which rows exist for the user is
the selectors' job (out of scope answers 404 there, before these run on an object)."""

from rest_framework.exceptions import NotFound
from rest_framework.permissions import SAFE_METHODS, BasePermission

from mobility.access import Role, actor_for


class IsOfficial(BasePermission):
    """For the officials' own tools (check runs, the watchlist, the dashboard). To anyone else
    each of their objects is outside scope, so a path naming one answers 404 like any object
    outside scope; the tool itself (a list, a form) is refused with 403."""

    message = "Only officials may do this."

    def has_permission(self, request, view):
        if actor_for(request.user).is_official:
            return True
        if getattr(view, "detail", False):
            raise NotFound()
        return False


class OfficialWritesOthersRead(BasePermission):
    """Every signed-in role reads (rows still scoped by selectors); officials write."""

    message = "Only officials may change this."

    def has_permission(self, request, view):
        actor = actor_for(request.user)
        if actor.role == Role.NONE:
            return False
        return request.method in SAFE_METHODS or actor.is_official


def has_role(*roles: Role) -> type[BasePermission]:
    """A permission class admitting the given roles (superusers act as officials)."""

    class _HasRole(BasePermission):
        message = "Your role may not do this."

        def has_permission(self, request, view):
            actor = actor_for(request.user)
            return actor.role in roles or (Role.OFFICIAL in roles and actor.is_official)

    _HasRole.__name__ = "HasRole_" + "_".join(r.value for r in roles)
    return _HasRole
