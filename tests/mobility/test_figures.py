"""Money, hours and dates inside sentences, as each language writes them."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from mobility import figures


@pytest.mark.parametrize(
    ("language", "money", "big", "day", "month", "hours"),
    [
        ("en", "85,000 RUB", "1,234,567.50 RUB", "2 December 2026", "December 2026", "40 hours"),
        (
            "ru",
            "85\u00a0000 руб.",
            "1\u00a0234\u00a0567,50 руб.",
            "2 декабря 2026 г.",
            "Декабрь 2026 г.",
            "40 часов",
        ),
        ("hi", "85,000 रूबल", "12,34,567.50 रूबल", "2 दिसंबर 2026", "दिसंबर 2026", "40 घंटे"),
    ],
)
def test_figures_read_as_the_language_writes_them(language, money, big, day, month, hours):
    """Russian groups with a non-breaking space and takes the genitive month after a day;
    Hindi groups lakhs by two digits and spells the month दिसंबर; English puts the day first,
    as readers in India and Russia do."""
    with translation.override(language):
        assert figures.roubles(Decimal("85000.00")) == money
        assert figures.roubles(Decimal("1234567.50")) == big
        assert figures.day(date(2026, 12, 2)) == day
        assert figures.month(date(2026, 12, 1)) == month
        assert figures.hours(40) == hours


def test_a_fraction_of_an_hour_takes_the_plural_of_two():
    with translation.override("ru"):
        assert figures.hours(Decimal("1.5")) == "1,5 часа"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "2 December 2026, 09:29 (Moscow time)"),
        ("ru", "2 декабря 2026 г. 9:29 (московское время)"),
        ("hi", "2 दिसंबर 2026, 09:29 (मॉस्को समय)"),
    ],
)
def test_a_moment_is_day_first_and_names_its_zone(language, expected):
    """06:29 UTC is 09:29 in Moscow; no reader should have to guess the zone or the order."""
    with translation.override(language), timezone.override("Europe/Moscow"):
        assert figures.moment(datetime(2026, 12, 2, 6, 29, tzinfo=UTC)) == expected
