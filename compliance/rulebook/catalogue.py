"""Loads the seeded rule catalogue and minimum-wage table (`data/` beside this module).

Used by a data migration, so every database starts with the same catalogue; officials edit it
afterwards. Loading again adds what is missing and leaves officials' edits alone.
"""

import csv
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def load_catalogue(Corridor, Rule, RuleParameter, MinimumWage) -> None:
    catalogue = json.loads((DATA / "rules.json").read_text(encoding="utf-8"))
    corridor, _ = Corridor.objects.get_or_create(
        code=catalogue["corridor"]["code"], defaults=catalogue["corridor"]
    )
    effective_from = date.fromisoformat(catalogue["parameters_effective_from"])
    for spec in catalogue["rules"]:
        rule, created = Rule.objects.get_or_create(
            code=spec["code"],
            defaults={
                "corridor": corridor,
                "title": spec["title"],
                "category": spec["category"],
                "severity": spec["severity"],
                "fires_when": spec["fires_when"],
                "legal_source": spec["source"],
            },
        )
        if created:
            RuleParameter.objects.create(
                rule=rule, effective_from=effective_from, values=spec["parameters"]
            )
    with (DATA / "minimum_wages.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            MinimumWage.objects.get_or_create(
                region=row["region"],
                effective_from=date.fromisoformat(row["effective_from"]),
                defaults={"amount_rub": Decimal(row["amount_rub"]), "source": row["source"]},
            )
