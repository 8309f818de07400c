"""The seeded grievance clocks (`data/clocks.csv`): read by the data migration, by a database
whose rows were flushed (tests), and as the fallback of a category without a row."""

import csv
from pathlib import Path

CLOCKS_FILE = Path(__file__).parent / "data" / "clocks.csv"


def seeded_rows() -> list[dict]:
    with CLOCKS_FILE.open(encoding="utf-8", newline="") as rows:
        return [
            {
                "category": row["category"],
                "acknowledge_within_days": int(row["acknowledge_within_days"]),
                "resolve_within_days": int(row["resolve_within_days"]),
                "side": row["side"],
            }
            for row in csv.DictReader(rows)
        ]


def load_clocks(model) -> None:
    """Add the seeded clock of each category that has none; an official's edit stays."""
    for row in seeded_rows():
        category = row.pop("category")
        model.objects.get_or_create(category=category, defaults=row)
