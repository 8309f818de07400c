from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkersConfig(AppConfig):
    name = "workers"
    verbose_name = _("Workers and cases")

    def ready(self):
        from workers.inbox import sections

        sections.register()
