"""The compliance app's sections of the workspaces (mobility.workspaces): the wage reports due
and the open findings for employers, the findings to answer for agencies, and the officials'
queues of findings and grievances by due date."""

from django.utils import timezone
from django.utils.translation import gettext_lazy

from compliance.evidence.selectors import wage_reports_due
from compliance.findings.selectors import open_findings
from compliance.findings.wording import finding_message
from compliance.grievances.selectors import clock_view, open_grievances
from mobility.access import Role
from mobility.workspaces import add_section
from workers.inbox.sections import SECTION_ROWS, queue_section

# The lists these figures count, filtered as they count: still-open ones.
STILL_OPEN = "?open=true"


def _findings(url_name: str, title: str):
    def context(request) -> dict:
        queue = open_findings(request.user)
        now = timezone.now()
        rows = [
            (finding, finding_message(finding), finding.due_at < now)
            for finding in queue[:SECTION_ROWS]
        ]
        section = queue_section(rows, queue.count(), url_name)
        section["all_url"] += STILL_OPEN
        section["title"] = title
        return section

    return context


def _grievances(request) -> dict:
    now = timezone.now()
    queue = open_grievances(request.user, now)
    rows = list(queue[:SECTION_ROWS])
    for grievance in rows:
        grievance.clock = clock_view(grievance, now)
    section = queue_section(rows, queue.count(), "grievances-queue")
    section["all_url"] += STILL_OPEN + "&handled_by_me=true"
    return section


def _wages(request) -> dict:
    due = wage_reports_due(request.user)
    section = queue_section(list(due.cases[:SECTION_ROWS]), due.cases.count(), "inbox-wages-due")
    section["due"] = due
    return section


def register() -> None:
    add_section(
        Role.EMPLOYER,
        order=40,
        template="compliance/inbox/_wages_due.html",
        context=_wages,
    )
    add_section(
        Role.EMPLOYER,
        order=50,
        template="compliance/inbox/_findings.html",
        context=_findings("own-findings-employer", gettext_lazy("Open findings")),
    )
    add_section(
        Role.AGENCY,
        order=20,
        template="compliance/inbox/_findings.html",
        context=_findings("own-findings-agency", gettext_lazy("Findings to answer")),
    )
    for role in (Role.OFFICIAL, Role.SUPERUSER):
        add_section(
            role,
            order=10,
            template="compliance/inbox/_findings.html",
            context=_findings("findings-queue", gettext_lazy("Open findings by due date")),
        )
        add_section(
            role,
            order=20,
            template="compliance/inbox/_grievances.html",
            context=_grievances,
        )
