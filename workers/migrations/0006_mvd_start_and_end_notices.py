"""The single MVD date becomes one for the start and one for the end (RULES.md amendments,
"MVD notices"); the work permit gains its region and occupation.

The old date goes to whichever notice it was meant for: the start while the case has not ended,
else the end when it is on or after the end date (a start notified before the end stays a
start). The case history (placementevent) is carried over the same way, row by row, so its
snapshots keep the date they recorded.
"""

import mobility.regions
import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models

ENDED = "('completed', 'terminated', 'repatriated', 'withdrawn', 'rejected')"
CARRY_OVER = [
    f"""
    UPDATE {table} SET
        mvd_end_notified_on = CASE
            WHEN status IN {ENDED} AND end_date IS NOT NULL AND mvd_notified_on >= end_date
            THEN mvd_notified_on END,
        mvd_start_notified_on = CASE
            WHEN status IN {ENDED} AND end_date IS NOT NULL AND mvd_notified_on >= end_date
            THEN NULL ELSE mvd_notified_on END
    WHERE mvd_notified_on IS NOT NULL
    """
    for table in ("workers_placement", "workers_placementevent")
]
# Back to one date: the later notice, the one the old field would have held last.
CARRY_BACK = [
    f"UPDATE {table} SET mvd_notified_on = coalesce(mvd_end_notified_on, mvd_start_notified_on)"
    for table in ("workers_placement", "workers_placementevent")
]


class Migration(migrations.Migration):

    dependencies = [
        ('workers', '0005_worker_erasure'),
    ]

    operations = [
        pgtrigger.migrations.RemoveTrigger(
            model_name='placement',
            name='insert_insert',
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='placement',
            name='update_update',
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='placement',
            name='delete_delete',
        ),
        migrations.AddField(
            model_name='placement',
            name='mvd_end_notified_on',
            field=models.DateField(blank=True, null=True, verbose_name='MVD notified of the end on'),
        ),
        migrations.AddField(
            model_name='placement',
            name='mvd_start_notified_on',
            field=models.DateField(blank=True, null=True, verbose_name='MVD notified of the start on'),
        ),
        migrations.AddField(
            model_name='placement',
            name='work_permit_occupation',
            field=models.CharField(blank=True, max_length=200, verbose_name='work permit occupation'),
        ),
        migrations.AddField(
            model_name='placement',
            name='work_permit_region',
            field=models.CharField(blank=True, choices=mobility.regions.russian_regions, max_length=6, verbose_name='work permit region'),
        ),
        migrations.AddField(
            model_name='placementevent',
            name='mvd_end_notified_on',
            field=models.DateField(blank=True, null=True, verbose_name='MVD notified of the end on'),
        ),
        migrations.AddField(
            model_name='placementevent',
            name='mvd_start_notified_on',
            field=models.DateField(blank=True, null=True, verbose_name='MVD notified of the start on'),
        ),
        migrations.AddField(
            model_name='placementevent',
            name='work_permit_occupation',
            field=models.CharField(blank=True, max_length=200, verbose_name='work permit occupation'),
        ),
        migrations.AddField(
            model_name='placementevent',
            name='work_permit_region',
            field=models.CharField(blank=True, choices=mobility.regions.russian_regions, max_length=6, verbose_name='work permit region'),
        ),
        migrations.RunSQL(CARRY_OVER, CARRY_BACK),
        migrations.RemoveField(
            model_name='placement',
            name='mvd_notified_on',
        ),
        migrations.RemoveField(
            model_name='placementevent',
            name='mvd_notified_on',
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='placement',
            trigger=pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "workers_placementevent" ("agency_id", "arrival_date", "contract_end", "contract_hours_per_week", "contract_start", "contract_wage_rub", "created_at", "departure_date", "employment_start", "end_date", "fingerprinted_on", "id", "job_order_id", "medical_exam_on", "migration_registered_on", "mvd_end_notified_on", "mvd_start_notified_on", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "recruitment_fee_inr", "reference", "status", "termination_reason", "updated_at", "visa_number", "work_permit_number", "work_permit_occupation", "work_permit_region", "work_permit_valid_from", "work_permit_valid_until", "worker_id") VALUES (NEW."agency_id", NEW."arrival_date", NEW."contract_end", NEW."contract_hours_per_week", NEW."contract_start", NEW."contract_wage_rub", NEW."created_at", NEW."departure_date", NEW."employment_start", NEW."end_date", NEW."fingerprinted_on", NEW."id", NEW."job_order_id", NEW."medical_exam_on", NEW."migration_registered_on", NEW."mvd_end_notified_on", NEW."mvd_start_notified_on", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."recruitment_fee_inr", NEW."reference", NEW."status", NEW."termination_reason", NEW."updated_at", NEW."visa_number", NEW."work_permit_number", NEW."work_permit_occupation", NEW."work_permit_region", NEW."work_permit_valid_from", NEW."work_permit_valid_until", NEW."worker_id"); RETURN NULL;', hash='8aa854e799ac134f31680385071ceee6e6d97c3b', operation='INSERT', pgid='pgtrigger_insert_insert_9c53b', table='workers_placement', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='placement',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "workers_placementevent" ("agency_id", "arrival_date", "contract_end", "contract_hours_per_week", "contract_start", "contract_wage_rub", "created_at", "departure_date", "employment_start", "end_date", "fingerprinted_on", "id", "job_order_id", "medical_exam_on", "migration_registered_on", "mvd_end_notified_on", "mvd_start_notified_on", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "recruitment_fee_inr", "reference", "status", "termination_reason", "updated_at", "visa_number", "work_permit_number", "work_permit_occupation", "work_permit_region", "work_permit_valid_from", "work_permit_valid_until", "worker_id") VALUES (NEW."agency_id", NEW."arrival_date", NEW."contract_end", NEW."contract_hours_per_week", NEW."contract_start", NEW."contract_wage_rub", NEW."created_at", NEW."departure_date", NEW."employment_start", NEW."end_date", NEW."fingerprinted_on", NEW."id", NEW."job_order_id", NEW."medical_exam_on", NEW."migration_registered_on", NEW."mvd_end_notified_on", NEW."mvd_start_notified_on", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."recruitment_fee_inr", NEW."reference", NEW."status", NEW."termination_reason", NEW."updated_at", NEW."visa_number", NEW."work_permit_number", NEW."work_permit_occupation", NEW."work_permit_region", NEW."work_permit_valid_from", NEW."work_permit_valid_until", NEW."worker_id"); RETURN NULL;', hash='4c22c6659e028abc98394d782d5adf8c85c206e2', operation='UPDATE', pgid='pgtrigger_update_update_fbff4', table='workers_placement', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='placement',
            trigger=pgtrigger.compiler.Trigger(name='delete_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "workers_placementevent" ("agency_id", "arrival_date", "contract_end", "contract_hours_per_week", "contract_start", "contract_wage_rub", "created_at", "departure_date", "employment_start", "end_date", "fingerprinted_on", "id", "job_order_id", "medical_exam_on", "migration_registered_on", "mvd_end_notified_on", "mvd_start_notified_on", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "recruitment_fee_inr", "reference", "status", "termination_reason", "updated_at", "visa_number", "work_permit_number", "work_permit_occupation", "work_permit_region", "work_permit_valid_from", "work_permit_valid_until", "worker_id") VALUES (OLD."agency_id", OLD."arrival_date", OLD."contract_end", OLD."contract_hours_per_week", OLD."contract_start", OLD."contract_wage_rub", OLD."created_at", OLD."departure_date", OLD."employment_start", OLD."end_date", OLD."fingerprinted_on", OLD."id", OLD."job_order_id", OLD."medical_exam_on", OLD."migration_registered_on", OLD."mvd_end_notified_on", OLD."mvd_start_notified_on", _pgh_attach_context(), NOW(), \'delete\', OLD."id", OLD."recruitment_fee_inr", OLD."reference", OLD."status", OLD."termination_reason", OLD."updated_at", OLD."visa_number", OLD."work_permit_number", OLD."work_permit_occupation", OLD."work_permit_region", OLD."work_permit_valid_from", OLD."work_permit_valid_until", OLD."worker_id"); RETURN NULL;', hash='f5511354f88271be666362d9a56fa9e68cbf0b7a', operation='DELETE', pgid='pgtrigger_delete_delete_d5b82', table='workers_placement', when='AFTER')),
        ),
    ]
