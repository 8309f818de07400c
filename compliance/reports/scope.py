"""Whose a report is: the scope it was made in, not only the person who asked.

A report holds the rows its requester's selectors let them see, masked as their role reads
them, in their time zone. Two people acting in the same scope (the same agency, the same
employer, officials of one side with the same regions) would make the same file, so they share
it; a person whose scope covers the report's (an official of all regions and a report of one of
them) may read it too; anyone else does not see it exists (404). The scope is checked again at
download, so an official whose regions were narrowed since loses the reports of the others.
"""

import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q

from mobility.access import Actor, Role

# Agencies and Indian-side officials read times in India; everyone else in the pact's zone
# (mobility.middleware.ActorTimezoneMiddleware decides the same for pages).
INDIA = zoneinfo.ZoneInfo("Asia/Kolkata")


@dataclass(frozen=True)
class Scope:
    role: str
    side: str = ""
    regions: tuple[str, ...] = ()
    organisation: int | None = None

    @property
    def key(self) -> str:
        return f"{self.role}|{self.side}|{','.join(self.regions)}|{self.organisation or ''}"

    def as_fields(self) -> dict:
        return {
            "scope_role": self.role,
            "scope_side": self.side,
            "scope_regions": list(self.regions),
            "scope_organisation": self.organisation,
        }


def scope_of(actor: Actor) -> Scope:
    if actor.role == Role.OFFICIAL:
        return Scope(role=actor.role, side=actor.side or "", regions=tuple(sorted(actor.regions)))
    if actor.role == Role.AGENCY:
        return Scope(role=actor.role, organisation=actor.agency_id)
    if actor.role == Role.EMPLOYER:
        return Scope(role=actor.role, organisation=actor.employer_id)
    return Scope(role=actor.role)


def zone_of(actor: Actor) -> zoneinfo.ZoneInfo:
    """The time zone the actor's pages show times in."""
    if actor.role == Role.AGENCY or (actor.role == Role.OFFICIAL and actor.side == "IN"):
        return INDIA
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def covered_by(actor: Actor) -> Q | None:
    """The reports this actor may read, as a filter; None for nobody. A superuser reads every
    report; an official, those of their side made for their regions or fewer; staff, their
    organisation's."""
    if actor.role == Role.SUPERUSER:
        return Q()
    scope = scope_of(actor)
    if actor.role == Role.OFFICIAL:
        mine = Q(scope_role=Role.OFFICIAL, scope_side=scope.side)
        if scope.regions:
            # A report of every region (empty list) holds regions this official may not see.
            mine &= Q(scope_regions__contained_by=list(scope.regions)) & ~Q(scope_regions=[])
        return mine
    if actor.role in (Role.AGENCY, Role.EMPLOYER) and scope.organisation is not None:
        return Q(scope_role=actor.role, scope_organisation=scope.organisation)
    return None


def actor_of(report) -> Actor:
    """The scope a report was made in, as the actor the selectors read for: the file holds
    what that scope sees, whoever of it asked and whether they still work here."""
    return actor_in(
        Scope(
            role=report.scope_role,
            side=report.scope_side,
            regions=tuple(report.scope_regions),
            organisation=report.scope_organisation,
        )
    )


def actor_in(scope: Scope) -> Actor:
    """The actor a scope stands for; one that names no known role reads nothing (the
    selectors fail closed on Role.NONE)."""
    try:
        role = Role(scope.role)
    except ValueError:
        role = Role.NONE
    return Actor(
        role=role,
        side=scope.side or None,
        regions=tuple(scope.regions),
        agency_id=scope.organisation if role == Role.AGENCY else None,
        employer_id=scope.organisation if role == Role.EMPLOYER else None,
    )


def scope_in_filters(actor: Actor) -> dict:
    """The scope as a document's filters keep it (plain JSON), read back by `actor_in_filters`."""
    scope = scope_of(actor)
    return {
        "role": str(scope.role),
        "side": str(scope.side),
        "regions": list(scope.regions),
        "organisation": scope.organisation,
    }


def actor_in_filters(filters: dict) -> Actor:
    kept = filters.get("scope") or {}
    return actor_in(
        Scope(
            role=kept.get("role", ""),
            side=kept.get("side") or "",
            regions=tuple(sorted(kept.get("regions") or ())),
            organisation=kept.get("organisation"),
        )
    )
