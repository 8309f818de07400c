"""Compensation for late wages, Labour Code art. 236: for each day from the day after the pay
was due up to and including the day it is paid, 1/150 of the Bank of Russia key rate in force
that day on the amount then outstanding.

Worked out as stretches of days over which neither the rate nor the outstanding amount changes
(days × amount × rate / 150), each rounded to the kopeck, as the published calculators show
them; the total is the sum of the stretches shown.
"""

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

KOPECK = Decimal("0.01")
DAILY_SHARE = Decimal(150)


@dataclass(frozen=True)
class Stretch:
    start: date
    end: date  # included
    days: int
    outstanding: Decimal
    rate_pct: Decimal
    amount: Decimal


def stretches(
    *,
    owed: Decimal,
    due_on: date,
    payments: list[tuple[date, Decimal]],
    rates: list[tuple[date, Decimal]],
    until: date,
) -> list[Stretch]:
    """The stretches of art. 236 compensation on `owed`, due on `due_on`, reduced by the
    accepted `payments` (paid on, amount), under the key `rates` (in force from, % a year,
    sorted), counted up to and including `until` or the day nothing is outstanding any more.
    A payment counts from the day after it was paid: the day of payment is still late."""
    start = due_on + timedelta(days=1)
    if until < start:
        return []
    rate_days = [day for day, _ in rates]
    cuts = {start}
    cuts |= {paid_on + timedelta(days=1) for paid_on, _ in payments}
    cuts |= set(rate_days)
    points = sorted(day for day in cuts if start <= day <= until)
    found = []
    for index, first in enumerate(points):
        last = points[index + 1] - timedelta(days=1) if index + 1 < len(points) else until
        outstanding = max(owed - sum(a for paid_on, a in payments if paid_on < first), Decimal(0))
        if outstanding <= 0:
            break
        position = bisect_right(rate_days, first) - 1
        if position < 0:
            continue  # before the first rate known: nothing can be computed
        rate = rates[position][1]
        days = (last - first).days + 1
        amount = (outstanding * rate / 100 / DAILY_SHARE * days).quantize(KOPECK, ROUND_HALF_UP)
        found.append(Stretch(first, last, days, outstanding, rate, amount))
    return found


def total(found: list[Stretch]) -> Decimal:
    return sum((stretch.amount for stretch in found), Decimal("0.00"))
