"""The one answer to "what role does this user act in, and over what scope".

Selectors in each app start from `actor_for(user)`; permission classes ask it which role a
request carries. Services hold an `Actor` already and hand it to the same selectors, so
`actor_for` returns an `Actor` it is given as it is. It reads the memberships through the
user's reverse relations, so it imports no app and every app may use it. Anything unexpected
(anonymous, inactive, no membership, two memberships) fails closed to `Role.NONE`.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from django.core.exceptions import ObjectDoesNotExist

_CACHE_ATTR = "_mobility_actor"
# The user's reverse relations that say whom they act for: read with the user itself (the
# session's and the token's user, mobility/auth.py), so that a request asks for its actor once.
ACTOR_RELATIONS = ("agency_membership", "employer_membership", "official")


class Role(StrEnum):
    AGENCY = "agency"
    EMPLOYER = "employer"
    OFFICIAL = "official"
    SUPERUSER = "superuser"
    NONE = "none"


@dataclass(frozen=True)
class Actor:
    role: Role
    user_id: int | None = None
    agency_id: int | None = None
    employer_id: int | None = None
    side: str | None = None
    # Empty means every Russian region.
    regions: tuple[str, ...] = field(default_factory=tuple)
    # An official's place on the grievance ladder (mobility.models.Rank); empty for others.
    rank: str = ""

    @property
    def is_official(self) -> bool:
        """Officials and superusers share the officials' powers."""
        return self.role in (Role.OFFICIAL, Role.SUPERUSER)

    @property
    def is_region_limited(self) -> bool:
        return self.role == Role.OFFICIAL and bool(self.regions)

    def covers_region(self, region: str) -> bool:
        return self.is_official and (not self.is_region_limited or region in self.regions)

    def on_side(self, side: str) -> bool:
        return self.role == Role.SUPERUSER or (self.role == Role.OFFICIAL and self.side == side)


NOBODY = Actor(role=Role.NONE)


def _related(user, name):
    try:
        return getattr(user, name)
    except ObjectDoesNotExist:
        return None


def actor_for(user) -> Actor:
    if isinstance(user, Actor):
        return user
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return NOBODY
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    actor = _resolve(user)
    setattr(user, _CACHE_ATTR, actor)
    return actor


def _resolve(user) -> Actor:
    if user.is_superuser:
        return Actor(role=Role.SUPERUSER, user_id=user.pk)
    agency, employer, official = (_related(user, name) for name in ACTOR_RELATIONS)
    if sum(x is not None for x in (agency, employer, official)) != 1:
        return Actor(role=Role.NONE, user_id=user.pk)
    if agency is not None:
        return Actor(role=Role.AGENCY, user_id=user.pk, agency_id=agency.agency_id)
    if employer is not None:
        return Actor(role=Role.EMPLOYER, user_id=user.pk, employer_id=employer.employer_id)
    return Actor(
        role=Role.OFFICIAL,
        user_id=user.pk,
        side=official.side,
        regions=tuple(sorted(official.regions)),
        rank=official.rank,
    )
