"""The second severity of the two split-severity rules becomes a parameter officials edit
(RULES.md amendments, "Severities are data"); the rule's own severity is the first."""

from django.db import migrations

SECOND_SEVERITIES = {
    "RECRUITMENT_FEE_CHARGED": (
        "severity_above_cap",
        "breach",
        "A fee was charged to the worker; above the cap its severity is severity_above_cap "
        "(breach).",
    ),
    "WORK_PERMIT_EXPIRED": (
        "severity_expiring",
        "warning",
        "An employed case's work permit has expired (the rule's severity, breach) or ends in N "
        "days or fewer, before the contract end (severity_expiring, warning).",
    ),
}


def forwards(apps, schema_editor):
    Rule = apps.get_model("compliance", "Rule")
    RuleParameter = apps.get_model("compliance", "RuleParameter")
    for code, (name, severity, fires_when) in SECOND_SEVERITIES.items():
        Rule.objects.filter(code=code).update(fires_when=fires_when)
        for version in RuleParameter.objects.filter(rule__code=code):
            if name not in version.values:
                version.values = {**version.values, name: severity}
                version.save(update_fields=["values"])


class Migration(migrations.Migration):
    dependencies = [("compliance", "0007_personal_data_requests")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
