"""INSURANCE_EXPIRING quotes its law, and says that day N counts (RULES.md amendments)."""

from django.db import migrations

SOURCE = "Federal Law 115-FZ art. 13 para 4; Labour Code RF art. 327.3"
FIRES_WHEN = "A policy ends in N days or fewer while the contract runs on."


def forwards(apps, schema_editor):
    Rule = apps.get_model("compliance", "Rule")
    Rule.objects.filter(code="INSURANCE_EXPIRING", legal_source="").update(legal_source=SOURCE)
    Rule.objects.filter(code="INSURANCE_EXPIRING").update(fires_when=FIRES_WHEN)


class Migration(migrations.Migration):
    dependencies = [("compliance", "0008_severity_parameters")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
