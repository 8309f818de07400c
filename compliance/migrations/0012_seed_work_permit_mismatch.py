"""WORK_PERMIT_MISMATCH joins the catalogue, and MVD_NOTIFICATION_OVERDUE says it judges the
start and the end notice each on its own clock (RULES.md amendments). The rows come from the
seed data, as for a new database (0003)."""

import json

from django.db import migrations

from compliance.rulebook.catalogue import DATA

NEW = "WORK_PERMIT_MISMATCH"
REWORDED = "MVD_NOTIFICATION_OVERDUE"


def forwards(apps, schema_editor):
    Corridor = apps.get_model("compliance", "Corridor")
    Rule = apps.get_model("compliance", "Rule")
    RuleParameter = apps.get_model("compliance", "RuleParameter")
    catalogue = json.loads((DATA / "rules.json").read_text(encoding="utf-8"))
    specs = {spec["code"]: spec for spec in catalogue["rules"]}
    corridor = Corridor.objects.filter(code=catalogue["corridor"]["code"]).first()
    if corridor is None:
        return
    Rule.objects.filter(code=REWORDED).update(fires_when=specs[REWORDED]["fires_when"])
    spec = specs[NEW]
    rule, created = Rule.objects.get_or_create(
        code=NEW,
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
            rule=rule, effective_from=catalogue["parameters_effective_from"], values={}
        )


class Migration(migrations.Migration):
    dependencies = [("compliance", "0011_seed_wage_rules")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
