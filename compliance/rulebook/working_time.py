import calendar
from datetime import date
from decimal import Decimal
from functools import cache

import holidays

from compliance.rulebook.selectors import FULL_TIME_HOURS


@cache
def _russian_calendar(year: int):
    return holidays.country_holidays("RU", years=year)


def is_working_day(day: date) -> bool:
    """Russian production calendar, transfers included (1 Nov 2025 was worked)."""
    return _russian_calendar(day.year).is_working_day(day)


def working_days_in_month(year: int, month: int) -> int:
    last = calendar.monthrange(year, month)[1]
    return sum(is_working_day(date(year, month, d)) for d in range(1, last + 1))


def add_working_days(start: date, count: int) -> date:
    """The date `count` working days after `start` (start itself not counted)."""
    day = start
    remaining = count
    while remaining > 0:
        day = date.fromordinal(day.toordinal() + 1)
        if is_working_day(day):
            remaining -= 1
    return day


def monthly_norm_hours(year: int, month: int, contract_hours_per_week: Decimal | int) -> Decimal:
    """Working days x 8 x contract hours / 40 (RULES.md, "What a month owes")."""
    return (
        Decimal(working_days_in_month(year, month))
        * 8
        * Decimal(contract_hours_per_week)
        / FULL_TIME_HOURS
    )
