"""Saint Petersburg's and Leningrad Oblast's minimum wages for 2024 (RULES.md amendments,
"Minimum wages to add"); before them, 2024 months there were judged at the federal minimum.

Saint Petersburg: 25,000 RUB under the regional agreement for 2023-2024, in force from
1 November 2023 and through 2024 (the 2025 figure of 28,750 was announced as 15 % above it).
Leningrad Oblast: 20,125 RUB from 1 January 2024 under the regional agreement for 2024. The
rows come from the seed data, as for a new database (0003); an official's row for the same
region and day is left as it is.
"""

import csv
from datetime import date
from decimal import Decimal

from django.db import migrations

from compliance.rulebook.catalogue import DATA

ADDED = {("RU-SPE", date(2024, 1, 1)), ("RU-LEN", date(2024, 1, 1))}


def forwards(apps, schema_editor):
    MinimumWage = apps.get_model("compliance", "MinimumWage")
    with (DATA / "minimum_wages.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["region"], date.fromisoformat(row["effective_from"]))
            if key in ADDED:
                MinimumWage.objects.get_or_create(
                    region=key[0],
                    effective_from=key[1],
                    defaults={"amount_rub": Decimal(row["amount_rub"]), "source": row["source"]},
                )


class Migration(migrations.Migration):
    dependencies = [("compliance", "0012_seed_work_permit_mismatch")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
