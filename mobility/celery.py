import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mobility.settings")

app = Celery("mobility")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Tasks live in the topic packages, not at the apps' top level where autodiscovery looks.
app.autodiscover_tasks()
app.autodiscover_tasks(
    [
        "compliance.checks",
        "compliance.evidence",
        "compliance.findings",
        "compliance.grievances",
        "compliance.personal_data",
        "compliance.statistics",
        "mobility.notifications",
        "workers.imports",
        "workers.placements",
    ]
)
