"""Five rules said when they fire in parameter names and codes (`enabled_from`,
`severity_above_cap`, `contract_signed`); the seed data now says it in words, and the stored
rows take the new wording, as for a new database (0003)."""

import json

from django.db import migrations

from compliance.rulebook.catalogue import DATA

REWORDED = (
    "WAGE_ADVANCE_MISSING",
    "TAX_WITHHOLDING_IMPLAUSIBLE",
    "RECRUITMENT_FEE_CHARGED",
    "EMPLOYER_QUOTA_EXCEEDED",
    "WORK_PERMIT_EXPIRED",
)


def forwards(apps, schema_editor):
    Rule = apps.get_model("compliance", "Rule")
    catalogue = json.loads((DATA / "rules.json").read_text(encoding="utf-8"))
    specs = {spec["code"]: spec for spec in catalogue["rules"]}
    for code in REWORDED:
        Rule.objects.filter(code=code).update(fires_when=specs[code]["fires_when"])


class Migration(migrations.Migration):
    dependencies = [("compliance", "0013_minimum_wages_2024_spb_and_leningrad_oblast")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
