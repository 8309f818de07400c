import pghistory
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from compliance.entitlements.models import (
    Entitlement,
    EntitlementKind,
    EntitlementStatus,
    KeyRate,
    Payment,
    PaymentAnswer,
)
from compliance.grievances.models import GrievanceClock
from compliance.personal_data.models import (
    PersonalDataRequest,
    PersonalDataRequestKind,
    PersonalDataRequestStatus,
)
from compliance.rulebook.models import Corridor, MinimumWage, Rule, RuleParameter, Severity
from compliance.statistics.models import StatisticsSnapshot
from compliance.wage_answers.models import WITHDRAWN_BY_WORKER, WageAnswer, WageAnswerKind

__all__ = [
    "Corridor",
    "Entitlement",
    "EntitlementKind",
    "EntitlementStatus",
    "KeyRate",
    "Payment",
    "PaymentAnswer",
    "GrievanceClock",
    "MinimumWage",
    "PersonalDataRequest",
    "PersonalDataRequestKind",
    "PersonalDataRequestStatus",
    "Rule",
    "RuleParameter",
    "StatisticsSnapshot",
    "WageAnswer",
    "WageAnswerKind",
    "WITHDRAWN_BY_WORKER",
]

MONEY = {"max_digits": 12, "decimal_places": 2}


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class WageReport(models.Model):
    """One month's pay of one case, as the employer reports it."""

    placement = models.ForeignKey(
        "workers.Placement", on_delete=models.CASCADE, related_name="wage_reports"
    )
    month = models.DateField(_("month"), help_text="The first day of the month reported.")
    gross_rub = models.DecimalField(_("gross, RUB"), **MONEY)
    tax_withheld_rub = models.DecimalField(_("income tax withheld, RUB"), default=0, **MONEY)
    deductions_rub = models.DecimalField(_("employer's deductions, RUB"), default=0, **MONEY)
    # What has actually reached the worker for the month; the rest of gross − tax − deductions
    # is still owed (RULES.md amendments, "Months not paid, or not paid in full").
    net_paid_rub = models.DecimalField(_("net paid, RUB"), **MONEY)
    # The day of the (last) payment; empty while nothing has been paid.
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    # The first half-month's payment (Labour Code art. 136: wages at least every half month).
    advance_paid_on = models.DateField(_("advance paid on"), null=True, blank=True)
    hours_worked = models.DecimalField(_("normal hours worked"), max_digits=6, decimal_places=1)
    overtime_hours = models.DecimalField(
        _("overtime hours"), max_digits=6, decimal_places=1, default=0
    )
    # The part of gross paid for overtime, night, weekend and holiday work: paid on top of the
    # minimum wage, never counted towards it (Constitutional Court ruling 38-P of 07.12.2017).
    overtime_pay_rub = models.DecimalField(
        _("overtime and premium pay, RUB"), null=True, blank=True, **MONEY
    )
    employer_contributions_rub = models.DecimalField(
        _("employer's social insurance contributions, RUB"), null=True, blank=True, **MONEY
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-month", "pk"]
        indexes = [models.Index(fields=["-month", "id"], name="wagereport_newest_month")]
        constraints = [
            models.UniqueConstraint(fields=["placement", "month"], name="one_wage_report_a_month"),
            models.CheckConstraint(
                condition=models.Q(month__day=1), name="wage_report_month_is_first_day"
            ),
            models.CheckConstraint(
                condition=models.Q(gross_rub__gte=0)
                & models.Q(tax_withheld_rub__gte=0)
                & models.Q(deductions_rub__gte=0)
                & models.Q(net_paid_rub__gte=0)
                & models.Q(hours_worked__gte=0)
                & models.Q(overtime_hours__gte=0)
                & (
                    models.Q(employer_contributions_rub__isnull=True)
                    | models.Q(employer_contributions_rub__gte=0)
                ),
                name="wage_report_figures_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    net_paid_rub__lte=models.F("gross_rub")
                    - models.F("tax_withheld_rub")
                    - models.F("deductions_rub")
                ),
                name="wage_report_net_at_most_gross_less_tax_and_deductions",
            ),
            models.CheckConstraint(
                condition=(models.Q(net_paid_rub=0) & models.Q(paid_on__isnull=True))
                | (models.Q(net_paid_rub__gt=0) & models.Q(paid_on__isnull=False)),
                name="wage_report_paid_on_when_something_paid",
            ),
            models.CheckConstraint(
                condition=models.Q(overtime_pay_rub__isnull=True)
                | (
                    models.Q(overtime_pay_rub__gte=0)
                    & models.Q(overtime_pay_rub__lte=models.F("gross_rub"))
                ),
                name="wage_report_overtime_pay_within_gross",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.placement} {self.month:%Y-%m}"


class SafetyRecordKind(models.TextChoices):
    INDUCTION = "induction", _("Safety induction")
    TRAINING = "training", _("Safety training")
    INCIDENT = "incident", _("Incident")


class IncidentSeverity(models.TextChoices):
    MINOR = "minor", _("Minor")
    SERIOUS = "serious", _("Serious")
    FATAL = "fatal", _("Fatal")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class SafetyRecord(models.Model):
    placement = models.ForeignKey(
        "workers.Placement", on_delete=models.CASCADE, related_name="safety_records"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=SafetyRecordKind.choices)
    date = models.DateField(_("date"))
    severity = models.CharField(
        _("severity"), max_length=10, choices=IncidentSeverity.choices, blank=True
    )
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["-date", "-id"], name="safetyrecord_newest")]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind="incident") & ~models.Q(severity=""))
                | (~models.Q(kind="incident") & models.Q(severity="")),
                name="severity_for_incidents_only",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.placement} {self.kind} {self.date}"


class InsuranceKind(models.TextChoices):
    DMS = "dms", _("Medical insurance in Russia (DMS)")
    PBBY = "pbby", _("Pravasi Bharatiya Bima Yojana (India)")
    OTHER = "other", _("Other")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class InsuranceCover(models.Model):
    placement = models.ForeignKey(
        "workers.Placement", on_delete=models.CASCADE, related_name="insurance_covers"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=InsuranceKind.choices)
    policy_number = models.CharField(_("policy number"), max_length=60)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-valid_until", "-pk"]
        indexes = [models.Index(fields=["-valid_until", "-id"], name="insurance_latest_end")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")),
                name="insurance_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.policy_number}"


class FindingStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    RESOLVED = "resolved", _("Resolved")
    WAIVED = "waived", _("Waived")


OPEN_FINDING_STATUSES = (FindingStatus.OPEN, FindingStatus.ACKNOWLEDGED)
# The notes on findings closed by no person's judgement: the engine's, when the condition no
# longer holds, and the one switching their rule off writes (RULES.md amendments). Unlike a
# person's reason, neither keeps a finding closed once its condition holds again.
CONDITION_CLEARED = "condition cleared"
RULE_DISABLED = "rule disabled"


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Finding(models.Model):
    """A rule that fired for one subject (case, employer, agency or worker) and period."""

    rule = models.ForeignKey(Rule, on_delete=models.PROTECT, related_name="findings")
    # "placement:12", "employer:3", ...: one column for the uniqueness of open findings.
    subject_key = models.CharField(max_length=40)
    placement = models.ForeignKey(
        "workers.Placement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="findings",
    )
    worker = models.ForeignKey(
        "workers.Worker", on_delete=models.CASCADE, null=True, blank=True, related_name="findings"
    )
    agency = models.ForeignKey(
        "workers.Agency", on_delete=models.CASCADE, null=True, blank=True, related_name="findings"
    )
    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="findings",
    )
    period = models.CharField(_("period"), max_length=20, blank=True)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    status = models.CharField(
        _("status"),
        max_length=15,
        choices=FindingStatus.choices,
        default=FindingStatus.OPEN,
        db_index=True,
    )
    evidence = models.JSONField(_("evidence"), default=dict)
    first_detected_at = models.DateTimeField()
    last_detected_at = models.DateTimeField()
    due_at = models.DateTimeField()
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    close_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-last_detected_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "subject_key", "period"],
                condition=models.Q(status__in=list(OPEN_FINDING_STATUSES)),
                name="one_open_finding_per_rule_subject_period",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "severity"]),
            models.Index(fields=["employer", "status"]),
            models.Index(fields=["agency", "status"]),
            models.Index(fields=["placement", "status"]),
            # The findings list's default order, unfiltered and in the open queues.
            models.Index(fields=["-last_detected_at", "-id"], name="finding_latest"),
            models.Index(
                fields=["status", "-last_detected_at", "-id"], name="finding_status_latest"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule.code} {self.subject_key} {self.period}".strip()


class CheckRunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")
    FAILED = "failed", _("Failed")


# A run in one of these still has chunks to count; its page keeps asking for its progress.
UNFINISHED_RUN_STATUSES = (CheckRunStatus.QUEUED, CheckRunStatus.RUNNING)


class CheckRunTrigger(models.TextChoices):
    SCHEDULE = "schedule", _("Schedule")
    EVENT = "event", _("Event")
    USER = "user", _("User")


class CheckRunScope(models.TextChoices):
    """What a run judged: one case, or every case (the sweep; the hourly deadlines job)."""

    PLACEMENT = "placement", _("One case")
    ALL = "all", _("All cases")
    DEADLINES = "deadlines", _("Deadlines")


# Runs that judged every case and name none.
EVERY_PLACEMENT_SCOPES = (CheckRunScope.ALL, CheckRunScope.DEADLINES)


class CheckRun(models.Model):
    scope = models.CharField(max_length=40, default=CheckRunScope.ALL)
    placement = models.ForeignKey(
        "workers.Placement", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    trigger = models.CharField(max_length=10, choices=CheckRunTrigger.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=CheckRunStatus.choices, default=CheckRunStatus.QUEUED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    chunks_total = models.PositiveIntegerField(default=0)
    chunks_done = models.PositiveIntegerField(default=0)
    # A full sweep's chunks: the day judged, the queue and the case-id ranges, so the chunks
    # that stopped reporting can be sent again; and which chunks are counted already.
    plan = models.JSONField(default=dict, blank=True)
    chunks_finished = ArrayField(models.PositiveIntegerField(), default=list, blank=True)
    # When a chunk last finished (or the run was created or resumed), and how often it was
    # resumed since: a run resumed that often without progress is failed.
    progressed_at = models.DateTimeField(null=True, blank=True)
    resumes = models.PositiveSmallIntegerField(default=0)
    subjects_evaluated = models.PositiveIntegerField(default=0)
    findings_opened = models.PositiveIntegerField(default=0)
    findings_resolved = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"check run #{self.pk} ({self.status})"

    @property
    def unfinished(self) -> bool:
        return self.status in UNFINISHED_RUN_STATUSES


class WatchlistKind(models.TextChoices):
    INN = "inn", _("Employer INN")
    LICENCE = "licence", _("Agency licence number")
    PASSPORT = "passport", _("Passport number")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class WatchlistEntry(models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=WatchlistKind.choices)
    value = models.CharField(_("value"), max_length=60)
    reason = models.TextField(_("reason"))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-added_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "value"], name="one_watchlist_entry_per_value")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.value}"


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being prepared")
    FINISHED = "finished", _("Ready to download")
    FAILED = "failed", _("Failed")


UNFINISHED_REPORT_STATUSES = (ReportStatus.QUEUED, ReportStatus.RUNNING)


class ReportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"
    PDF = "pdf", "PDF"


class Report(models.Model):
    """A file prepared in the background (SPEC §7): a report or a list's export. It belongs to
    the scope it was made in (`scope_*`, compliance.reports.scope), never only to who asked:
    whoever acts in that scope may read it, and nobody else."""

    kind = models.CharField(_("kind"), max_length=30)
    format = models.CharField(_("format"), max_length=4, choices=ReportFormat.choices)
    language = models.CharField(_("language"), max_length=5)
    filters = models.JSONField(default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    scope_role = models.CharField(max_length=10)
    scope_side = models.CharField(max_length=2, blank=True)
    scope_regions = ArrayField(models.CharField(max_length=6), default=list, blank=True)
    # The agency's or the employer's id for their staff's reports.
    scope_organisation = models.PositiveBigIntegerField(null=True, blank=True)
    # The month a monthly report is about, for listing them by month.
    month = models.DateField(_("month"), null=True, blank=True)
    # What the file was made from (compliance.reports.services.data_version) and everything
    # else that shapes it: a request with the same fingerprint reuses the file.
    data_version = models.CharField(max_length=200, blank=True)
    fingerprint = models.CharField(max_length=64, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(default=0)
    rows = models.PositiveBigIntegerField(null=True, blank=True)
    file = models.FileField(upload_to="reports/%Y/%m/", blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="report_progress_0_100"
            )
        ]
        indexes = [models.Index(fields=["scope_role", "scope_organisation", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} report #{self.pk}"
