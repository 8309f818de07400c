"""The Bank of Russia key rates from 2024 on, which price late wages (Labour Code art. 236: 1/150
of the key rate in force each day). Each row cites its decision in
compliance/entitlements/data/key_rates.csv; a decision takes effect on the working day after
it. Rates decided after the last row could not be confirmed when this was written: officials
add them in the admin as they are published. An official's row for the same day is kept."""

from django.db import migrations

from compliance.entitlements.key_rates import load_key_rates


def forwards(apps, schema_editor):
    load_key_rates(apps.get_model("compliance", "KeyRate"))


class Migration(migrations.Migration):
    dependencies = [("compliance", "0018_entitlements")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
