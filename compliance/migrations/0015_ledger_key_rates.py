"""The Bank of Russia key rates from 2024 on, which price late wages (Labour Code art. 236: 1/150
of the key rate in force each day). Each row cites its decision in
compliance/entitlements/data/key_rates.csv; a decision takes effect on the working day after
it. Rates decided after the last row could not be confirmed when this was written: officials
add them in the admin as they are published. An official's row for the same day is kept."""

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.db import migrations

KEY_RATES = Path(__file__).resolve().parent.parent / "entitlements" / "data" / "key_rates.csv"


def forwards(apps, schema_editor):
    KeyRate = apps.get_model("compliance", "KeyRate")
    with KEY_RATES.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            KeyRate.objects.get_or_create(
                effective_from=date.fromisoformat(row["effective_from"]),
                defaults={"rate_pct": Decimal(row["rate_pct"]), "source": row["source"]},
            )


class Migration(migrations.Migration):
    dependencies = [("compliance", "0014_ledger_entitlements")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
