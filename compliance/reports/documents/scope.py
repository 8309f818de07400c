"""Whose view of the data a document is written from.

A report is written later, in a Celery worker, for the person who asked for it. The filters
it keeps therefore carry the requester's scope (role, side, regions, organisation), and the
builders read through the same selectors as the pages with an `Actor` rebuilt from it: a
Moscow-limited official's report holds what their lists hold, and two requesters with the
same scope and filters ask for the same file.
"""

from mobility.access import Actor, Role, actor_for


def scope_of(user) -> dict:
    actor = actor_for(user)
    return {
        "role": str(actor.role),
        "side": actor.side,
        "regions": list(actor.regions),
        "agency": actor.agency_id,
        "employer": actor.employer_id,
    }


def actor_of(scope: dict) -> Actor:
    """The requester as the selectors know them; a scope that names no known role reads
    nothing (the selectors fail closed on Role.NONE)."""
    try:
        role = Role(scope.get("role"))
    except ValueError:
        role = Role.NONE
    return Actor(
        role=role,
        side=scope.get("side"),
        regions=tuple(sorted(scope.get("regions") or ())),
        agency_id=scope.get("agency"),
        employer_id=scope.get("employer"),
    )
