"""The wage and tax rules of RULES.md's amendments of 2026-12-02 (WAGE_UNPAID,
WAGE_FINAL_SETTLEMENT_LATE, WAGE_ADVANCE_MISSING, TAX_WITHHOLDING_IMPLAUSIBLE,
TAX_RESIDENT_RATE_NOT_APPLIED) join the catalogue from `rulebook/data/rules.json`; two rules
say in words what they now judge."""

from django.db import migrations

from compliance.rulebook.catalogue import load_catalogue

FIRES_WHEN = {
    "WAGE_BELOW_MINIMUM": (
        "A job order's or contract's monthly wage, or a reported full month's base pay (gross "
        "less overtime and premium pay), is below the applicable minimum."
    ),
    "WAGE_PAID_LATE": (
        "A month's wage was paid in full, but more than N calendar days after the month's end."
    ),
}


def forwards(apps, schema_editor):
    Rule = apps.get_model("compliance", "Rule")
    # Adds only the rules missing; officials' edits of the others stay.
    load_catalogue(
        apps.get_model("compliance", "Corridor"),
        Rule,
        apps.get_model("compliance", "RuleParameter"),
        apps.get_model("compliance", "MinimumWage"),
    )
    for code, fires_when in FIRES_WHEN.items():
        Rule.objects.filter(code=code).update(fires_when=fires_when)


class Migration(migrations.Migration):
    dependencies = [("compliance", "0010_wage_report_payments")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
