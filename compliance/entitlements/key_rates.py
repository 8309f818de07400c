"""The seeded Bank of Russia key rates (data/key_rates.csv, each row with its decision), loaded
by the migration and, after a test flushes every table, by the tests, as for a new database."""

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

KEY_RATES = Path(__file__).resolve().parent / "data" / "key_rates.csv"


def load_key_rates(KeyRate) -> None:  # noqa: N803 (the migration's historical model)
    """An official's row for the same day is kept."""
    with KEY_RATES.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            KeyRate.objects.get_or_create(
                effective_from=date.fromisoformat(row["effective_from"]),
                defaults={"rate_pct": Decimal(row["rate_pct"]), "source": row["source"]},
            )
