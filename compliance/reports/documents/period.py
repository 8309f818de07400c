"""The stretch of time a document covers: one month (`month` `YYYY-MM`) or the days from
`period_from` to `period_to`, both included."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.utils import timezone
from django.utils.translation import gettext as _

from mobility import figures


@dataclass(frozen=True)
class Period:
    first_day: date
    last_day: date
    is_month: bool = False

    @classmethod
    def of_month(cls, first_day: date) -> "Period":
        return cls(first_day, first_day + relativedelta(months=1, days=-1), is_month=True)

    @classmethod
    def from_filters(cls, filters: dict) -> "Period":
        if filters.get("month"):
            return cls.of_month(date.fromisoformat(f"{filters['month']}-01"))
        return cls(
            date.fromisoformat(filters["period_from"]), date.fromisoformat(filters["period_to"])
        )

    @property
    def starts_at(self) -> datetime:
        """The first moment of the first day in the server's zone (Moscow, like the sweep)."""
        return timezone.make_aware(
            datetime.combine(self.first_day, time.min), timezone.get_default_timezone()
        )

    @property
    def ends_before(self) -> datetime:
        return timezone.make_aware(
            datetime.combine(self.last_day + timedelta(days=1), time.min),
            timezone.get_default_timezone(),
        )

    def months(self) -> list[date]:
        """The first day of every month the period touches."""
        month, months = self.first_day.replace(day=1), []
        while month <= self.last_day:
            months.append(month)
            month += relativedelta(months=1)
        return months

    def in_words(self) -> str:
        if self.is_month:
            return figures.month(self.first_day)
        return _("%(first)s to %(last)s") % {
            "first": figures.day(self.first_day),
            "last": figures.day(self.last_day),
        }
