from django.db import migrations

from compliance.rulebook.catalogue import load_catalogue


def forwards(apps, schema_editor):
    load_catalogue(
        apps.get_model("compliance", "Corridor"),
        apps.get_model("compliance", "Rule"),
        apps.get_model("compliance", "RuleParameter"),
        apps.get_model("compliance", "MinimumWage"),
    )


class Migration(migrations.Migration):
    dependencies = [("compliance", "0002_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
