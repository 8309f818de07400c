from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    name = "compliance"
    verbose_name = _("Compliance")

    def ready(self):
        from django.db.models.signals import post_delete

        from compliance.checks import receivers
        from compliance.entitlements.views import case_page_section, status_section
        from compliance.inbox import sections
        from compliance.personal_data.receivers import on_worker_deleted
        from compliance.wage_answers import sections as wage_sections
        from employers.sponsorship.signals import employer_changed
        from workers.models import Worker
        from workers.placements.sections import add_case_page_section
        from workers.placements.signals import agency_changed, placement_changed, worker_changed
        from workers.status.sections import add_case_section

        placement_changed.connect(receivers.on_placement_changed, dispatch_uid="compliance-case")
        worker_changed.connect(receivers.on_worker_changed, dispatch_uid="compliance-worker")
        agency_changed.connect(receivers.on_agency_changed, dispatch_uid="compliance-agency")
        employer_changed.connect(receivers.on_employer_changed, dispatch_uid="compliance-employer")
        post_delete.connect(on_worker_deleted, sender=Worker, dispatch_uid="personal-data-worker")
        sections.register()
        wage_sections.register()
        add_case_section(
            order=20,
            template="compliance/entitlements/_status_section.html",
            context=status_section,
        )
        add_case_page_section(
            order=10,
            template="compliance/entitlements/_case_section.html",
            context=case_page_section,
        )
