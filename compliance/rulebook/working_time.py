import calendar
from datetime import date, timedelta
from decimal import Decimal
from functools import cache

import holidays

from compliance.rulebook.selectors import FULL_TIME_HOURS

# Shortened pre-holiday days (Labour Code art. 95: the working day right before a non-working
# public holiday is one hour shorter). The `holidays` package (0.109) knows the holidays and the
# transferred days off both ways but names no shortened day, so they are kept here as the
# production calendars publish them. Worked Saturdays that stand in for a day made off are
# shortened or not as the calendar says (1 Nov 2025 and 2 Nov 2024 are; 28 Dec 2024 and 27 Apr
# 2024 are not), which no rule derives, hence the table.
#
# Checked against the published norms at 40 h/week (working days x 8 - shortened days):
#   2024: 248 days, 1,979 h (5 shortened). Transfers: Government Decree No. 1314 of 10.08.2023;
#         2 Nov shortened, 28 Dec not (news digests of the Ministry of Labour calendar, e.g.
#         vesti.ru/article/4171358, realnoevremya.ru/news/324981).
#   2025: 247 days, 1,972 h (4 shortened); months Jan 136, Feb 160, Mar 167, Apr 175, May 144,
#         Jun 151, Jul 184, Aug 168, Sep 176, Oct 184, Nov 151, Dec 176. Transfers: Decree
#         No. 1335 of 04.10.2024; 1 Nov shortened (klerk.ru/buh/news/660342).
#   2026: 247 days, 1,972 h (4 shortened); quarters 440, 493, 528, 511 (4dk.ru/s/calendar,
#         production calendar 2026); 30 Apr and 8 May shortened (Decree of 24.09.2025 on the
#         2026 transfers, consultant.ru LAW_515170).
#   2027: 247 days, 1,973 h (3 shortened) by the transfers the `holidays` package takes from
#         consultant.ru LAW_544706 (22 Feb, 5 Nov and 31 Dec off); no published annual norm
#         was found to compare, so 2027 rests on art. 95 applied to those transfers.
# Years not listed fall back to art. 95 read literally (see `shortened_days`).
SHORTENED_DAYS = {
    2024: (
        date(2024, 2, 22),
        date(2024, 3, 7),
        date(2024, 5, 8),
        date(2024, 6, 11),
        date(2024, 11, 2),
    ),
    2025: (date(2025, 3, 7), date(2025, 4, 30), date(2025, 6, 11), date(2025, 11, 1)),
    2026: (date(2026, 4, 30), date(2026, 5, 8), date(2026, 6, 11), date(2026, 11, 3)),
    2027: (date(2027, 4, 30), date(2027, 6, 11), date(2027, 11, 3)),
}
# Non-working public holidays, Labour Code art. 112 (as worded since 2013).
PUBLIC_HOLIDAYS = {(1, d) for d in range(1, 9)} | {
    (2, 23),
    (3, 8),
    (5, 1),
    (5, 9),
    (6, 12),
    (11, 4),
}
HOURS_PER_DAY = 8


@cache
def _russian_calendar(year: int):
    return holidays.country_holidays("RU", years=year)


def is_working_day(day: date) -> bool:
    """Russian production calendar, transfers included (1 Nov 2025 was worked)."""
    return _russian_calendar(day.year).is_working_day(day)


@cache
def shortened_days(year: int) -> frozenset[date]:
    """The year's pre-holiday days one hour shorter: the published list, else every working
    day followed by a public holiday (art. 95 read literally)."""
    if year in SHORTENED_DAYS:
        return frozenset(SHORTENED_DAYS[year])
    days = (date(year, 1, 1) + timedelta(days=n) for n in range(366))
    return frozenset(
        day
        for day in days
        if day.year == year
        and is_working_day(day)
        and ((day + timedelta(days=1)).month, (day + timedelta(days=1)).day) in PUBLIC_HOLIDAYS
    )


def working_days_in_month(year: int, month: int) -> int:
    last = calendar.monthrange(year, month)[1]
    return sum(is_working_day(date(year, month, d)) for d in range(1, last + 1))


def full_time_norm_hours(year: int, month: int) -> int:
    """The month's norm at 40 h/week: working days x 8, less an hour per shortened day."""
    shortened = sum(day.month == month for day in shortened_days(year))
    return working_days_in_month(year, month) * HOURS_PER_DAY - shortened


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
    """The full-time norm x contract hours / 40 (RULES.md, amendment on art. 95)."""
    return (
        Decimal(full_time_norm_hours(year, month))
        * Decimal(contract_hours_per_week)
        / FULL_TIME_HOURS
    )
