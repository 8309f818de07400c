"""Figures inside sentences, written the way the reader's language writes them.

Refusals and requirements quote money, hours, dates, regions and status labels. Interpolated
raw they read "85000.00" and "2026-01-01" in every language; through these helpers a Russian
reader sees "85 000 руб." and "1 января 2026 г.", a Hindi reader "85,000 रूबल" and
"1 जनवरी 2026". Each helper formats for the language active when it is called (the
request's, under LocaleMiddleware), so call them where the sentence is built, not at import
time."""

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from mobility.regions import russian_region_name


def number(value: Decimal | int, decimals: int | None = None) -> str:
    """Grouped and with the language's decimal mark; whole numbers without decimals."""
    value = Decimal(value)
    if decimals is None:
        decimals = 0 if value == value.to_integral_value() else 2
    return number_format(value, decimals, use_l10n=True, force_grouping=True)


def roubles(amount: Decimal | int) -> str:
    return _("%(amount)s RUB") % {"amount": number(amount)}


def rupees(amount: Decimal | int) -> str:
    return _("%(amount)s INR") % {"amount": number(amount)}


def _plural_count(value: Decimal) -> int:
    # Plural rules take integers. A fraction takes the form of 2 in English ("1.5 hours"),
    # Hindi ("1.5 घंटे") and Russian, where it governs the genitive singular ("1,5 часа").
    return int(value) if value == value.to_integral_value() else 2


def hours(value: Decimal | int) -> str:
    value = Decimal(value)
    figure = number(value, 0 if value == value.to_integral_value() else 1)
    return ngettext("%(count)s hour", "%(count)s hours", _plural_count(value)) % {"count": figure}


def day(value: date) -> str:
    return date_format(value, "DATE_FORMAT", use_l10n=True)


def month(value: date) -> str:
    return date_format(value, "YEAR_MONTH_FORMAT", use_l10n=True)


# The zones readers are shown times in (mobility.middleware), by name rather than code.
_ZONE_NAMES = {
    "Europe/Moscow": gettext_lazy("Moscow time"),
    "Asia/Kolkata": gettext_lazy("India time"),
    "UTC": gettext_lazy("UTC"),
}


def moment(value: datetime) -> str:
    """A point in time in the reader's zone, with the zone named: "2 December 2026, 09:29 (Moscow
    time)". The same event reads differently for an agency in India and an employer in
    Moscow, so the zone must be said."""
    local = timezone.localtime(value)
    zone = str(timezone.get_current_timezone())
    return _("%(datetime)s (%(zone)s)") % {
        "datetime": date_format(local, "DATETIME_FORMAT", use_l10n=True),
        "zone": _ZONE_NAMES.get(zone, zone),
    }


def quoted(label: str) -> str:
    """A status or other label inside a sentence, in the language's quotation marks."""
    return _("“%(label)s”") % {"label": label}


def region(code: str) -> str:
    """A Russian region's name in the reader's language."""
    return russian_region_name(code)
