"""ISO 3166-2 subdivisions used across the apps (Russian regions, Indian states).

The lists come from pycountry's copy of the ISO 3166-2 standard, so they follow its updates
instead of a hand-kept table.
"""

from functools import cache

import pycountry


@cache
def _subdivisions(country_code: str) -> tuple[tuple[str, str], ...]:
    rows = pycountry.subdivisions.get(country_code=country_code)
    return tuple(sorted(((s.code, s.name) for s in rows), key=lambda row: row[1]))


def russian_regions() -> tuple[tuple[str, str], ...]:
    return _subdivisions("RU")


def indian_states() -> tuple[tuple[str, str], ...]:
    return _subdivisions("IN")


def russian_region_name(code: str) -> str:
    return dict(russian_regions()).get(code, code)


def indian_state_name(code: str) -> str:
    return dict(indian_states()).get(code, code)
