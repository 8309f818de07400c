import pghistory
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mobility.models import Membership, Organisation, Side
from mobility.placement_status import OPEN, PlacementStatus
from mobility.regions import indian_states, russian_regions


class AgencyStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Agency(Organisation):
    """A licensed Indian recruitment agency (licence under the Emigration Act 1983)."""

    name = models.CharField(_("name"), max_length=300)
    licence_number = models.CharField(_("licence number"), max_length=50, unique=True)
    licence_valid_until = models.DateField(_("licence valid until"))
    status = models.CharField(
        _("status"), max_length=10, choices=AgencyStatus.choices, default=AgencyStatus.ACTIVE
    )
    state = models.CharField(_("state"), max_length=5, choices=indian_states)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")


class AgencyDecisionKind(models.TextChoices):
    SUSPEND = "suspend", _("Suspend")
    REINSTATE = "reinstate", _("Reinstate")
    REVOKE = "revoke", _("Revoke")


class AgencyDecision(models.Model):
    """One decision on an agency's standing: who, when, why, and the move it made."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="decisions")
    decision = models.CharField(_("decision"), max_length=10, choices=AgencyDecisionKind.choices)
    from_status = models.CharField(max_length=10, choices=AgencyStatus.choices)
    to_status = models.CharField(max_length=10, choices=AgencyStatus.choices)
    reason = models.TextField(_("reason"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.agency}: {self.decision}"


class Sex(models.TextChoices):
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")
    OTHER = "X", _("Other")


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    RUSSIAN = "ru", "Русский"
    HINDI = "hi", "हिन्दी"


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Worker(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="workers")
    full_name = models.CharField(_("full name"), max_length=200)
    # Null only once the worker's personal data is erased (`erased_at`), like the passport.
    date_of_birth = models.DateField(_("date of birth"), null=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    # Indian passport: one letter and seven digits, stored upper-case.
    passport_number = models.CharField(_("passport number"), max_length=8, unique=True, null=True)
    passport_expiry = models.DateField(_("passport expiry"), null=True)
    state_of_origin = models.CharField(_("state of origin"), max_length=5, choices=indian_states)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    occupation = models.CharField(_("occupation (ISCO-08)"), max_length=4)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    consent_at = models.DateTimeField(_("consent to data processing given at"))
    # When an official erased the personal fields (compliance.personal_data); the row stays so
    # that the cases and findings that name it keep their subject.
    erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["full_name", "pk"]
        verbose_name = _("worker")
        verbose_name_plural = _("workers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(passport_number__regex=r"^[A-Z][0-9]{7}$"),
                name="passport_number_indian_format",
            ),
            # Only an erased worker goes without a date of birth and a passport.
            models.CheckConstraint(
                condition=models.Q(erased_at__isnull=False)
                | models.Q(
                    date_of_birth__isnull=False,
                    passport_number__isnull=False,
                    passport_expiry__isnull=False,
                ),
                name="worker_identity_unless_erased",
            ),
        ]
        indexes = [
            models.Index(fields=["date_of_birth"]),
            # The workers list's default order, for everyone and within an agency.
            models.Index(fields=["full_name", "id"], name="worker_by_name"),
            models.Index(fields=["agency", "full_name", "id"], name="worker_agency_by_name"),
        ]

    def __str__(self) -> str:
        if self.erased_at is not None:
            return str(_("Erased worker #%(number)d") % {"number": self.pk})
        return self.full_name

    @property
    def age(self) -> int | None:
        """Full years today, in the site's time zone; None once erased."""
        today = timezone.localdate()
        born = self.date_of_birth
        if born is None:
            return None
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


# A case's status is a PlacementStatus from mobility.placement_status, below every app since
# employers count the statuses too; importable from here still, where migrations and the
# OpenAPI enum names look.

ONE_OPEN_PLACEMENT = "one_open_placement_per_worker"


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Placement(models.Model):
    """A case: one worker recruited by one agency for one employer's job order."""

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    worker = models.ForeignKey(Worker, on_delete=models.PROTECT, related_name="placements")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="placements")
    job_order = models.ForeignKey(
        "employers.JobOrder", on_delete=models.PROTECT, related_name="placements"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PlacementStatus.choices,
        default=PlacementStatus.DRAFT,
        db_index=True,
    )
    contract_wage_rub = models.DecimalField(
        _("contract wage, RUB a month"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    contract_hours_per_week = models.DecimalField(
        _("contract hours a week"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    contract_start = models.DateField(_("contract start"), null=True, blank=True)
    contract_end = models.DateField(_("contract end"), null=True, blank=True)
    recruitment_fee_inr = models.DecimalField(
        _("recruitment fee charged to the worker, INR"), max_digits=12, decimal_places=2, default=0
    )
    visa_number = models.CharField(_("visa number"), max_length=40, blank=True)
    work_permit_number = models.CharField(_("work permit number"), max_length=40, blank=True)
    work_permit_valid_from = models.DateField(_("work permit valid from"), null=True, blank=True)
    work_permit_valid_until = models.DateField(_("work permit valid until"), null=True, blank=True)
    # A permit is valid only in the region that issued it and for the occupation it names
    # (Federal Law 115-FZ art. 13 para 4.2, art. 13.4). Empty on cases recorded before the
    # visa_issued move asked for them.
    work_permit_region = models.CharField(
        _("work permit region"), max_length=6, choices=russian_regions, blank=True
    )
    # An ISCO-08 code, or the occupation as the permit words it when it has no code.
    work_permit_occupation = models.CharField(
        _("work permit occupation"), max_length=200, blank=True
    )
    departure_date = models.DateField(_("departure date"), null=True, blank=True)
    arrival_date = models.DateField(_("arrival date"), null=True, blank=True)
    employment_start = models.DateField(_("employment start"), null=True, blank=True)
    # The employer notifies the MVD of the contract's start and of its end, each within its
    # own deadline (Federal Law 115-FZ art. 13 para 8): two dates, so one never hides the other.
    mvd_start_notified_on = models.DateField(
        _("MVD notified of the start on"), null=True, blank=True
    )
    mvd_end_notified_on = models.DateField(_("MVD notified of the end on"), null=True, blank=True)
    migration_registered_on = models.DateField(_("migration registered on"), null=True, blank=True)
    medical_exam_on = models.DateField(_("medical examination on"), null=True, blank=True)
    fingerprinted_on = models.DateField(_("fingerprinted on"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    termination_reason = models.TextField(_("termination reason"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(recruitment_fee_inr__gte=0), name="recruitment_fee_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(contract_end__isnull=True)
                | models.Q(contract_start__isnull=True)
                | models.Q(contract_end__gt=models.F("contract_start")),
                name="contract_ends_after_it_starts",
            ),
            # A worker is recruited for one job at a time; concurrent requests cannot both win.
            models.UniqueConstraint(
                fields=["worker"],
                condition=models.Q(status__in=OPEN),
                name=ONE_OPEN_PLACEMENT,
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "status"]),
            models.Index(fields=["job_order", "status"]),
            # The lists' default order, for everyone and within an agency: a page reads its
            # rows from the index instead of sorting every case in scope.
            models.Index(fields=["-created_at", "-id"], name="placement_newest"),
            models.Index(fields=["agency", "-created_at", "-id"], name="placement_agency_newest"),
        ]

    def __str__(self) -> str:
        return self.reference


class DocumentKind(models.TextChoices):
    PASSPORT = "passport", _("Passport")
    MEDICAL_CERTIFICATE = "medical_certificate", _("Medical certificate")
    POLICE_CLEARANCE = "police_clearance", _("Police clearance")
    SKILL_CERTIFICATE = "skill_certificate", _("Skill certificate")
    CONTRACT = "contract", _("Employment contract")
    VISA = "visa", _("Visa")
    WORK_PERMIT = "work_permit", _("Work permit")
    INSURANCE_POLICY = "insurance_policy", _("Insurance policy")
    PAYSLIP = "payslip", _("Payslip")
    OTHER = "other", _("Other")


class VerificationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Document(models.Model):
    worker = models.ForeignKey(
        Worker, on_delete=models.CASCADE, related_name="documents", null=True, blank=True
    )
    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="documents", null=True, blank=True
    )
    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind.choices)
    # Stored under a random name; served only through a view that checks access.
    file = models.FileField(_("file"), upload_to="documents/%Y/%m/")
    original_name = models.CharField(max_length=255, blank=True)
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    verification_status = models.CharField(
        max_length=10, choices=VerificationStatus.choices, default=VerificationStatus.PENDING
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    verification_note = models.TextField(blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        indexes = [models.Index(fields=["-uploaded_at", "-id"], name="document_newest")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(worker__isnull=False) | models.Q(placement__isnull=False),
                name="document_belongs_to_worker_or_case",
            ),
            models.UniqueConstraint(
                fields=["placement", "sha256"],
                condition=models.Q(placement__isnull=False),
                name="same_file_once_per_case",
            ),
            models.UniqueConstraint(
                fields=["worker", "sha256"],
                condition=models.Q(placement__isnull=True),
                name="same_file_once_per_worker",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class CaseEvent(models.Model):
    """The case timeline. `public_message` is an English msgid rendered in the reader's language."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    from_status = models.CharField(max_length=20, choices=PlacementStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=PlacementStatus.choices, blank=True)
    public_message = models.CharField(max_length=300, blank=True)
    note = models.TextField(_("internal note"), blank=True)
    # Set once the worker and employer were told, so a notification delivered twice is sent once.
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.placement}: {self.from_status} -> {self.to_status}"


class GrievanceCategory(models.TextChoices):
    WAGES = "wages", _("Unpaid or underpaid wages")
    UNSAFE_WORK = "unsafe_work", _("Unsafe work")
    DOCUMENT_RETENTION = "document_retention", _("Passport or documents kept by someone else")
    CONTRACT_SUBSTITUTION = "contract_substitution", _("Contract different from what was promised")
    RECRUITMENT_FEES = "recruitment_fees", _("Recruitment fees")
    ACCOMMODATION = "accommodation", _("Accommodation")
    ABUSE = "abuse", _("Abuse or threats")
    OTHER = "other", _("Other")


class GrievanceStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    INVESTIGATING = "investigating", _("Being investigated")
    # An official says the wrong is put right; it closes when the worker agrees (or stays
    # silent for GRIEVANCE_SILENCE_DAYS and an official closes it with a reason).
    PROPOSED_RESOLVED = "proposed_resolved", _("Resolved, waiting for the worker's confirmation")
    RESOLVED = "resolved", _("Resolved")
    REJECTED = "rejected", _("Closed without action")


# Not closed yet: what the queues, the "still open" filter and the dashboard count.
OPEN_GRIEVANCE_STATUSES = (
    GrievanceStatus.RECEIVED,
    GrievanceStatus.INVESTIGATING,
    GrievanceStatus.PROPOSED_RESOLVED,
)
# The officials' clocks run (and escalate); a proposed resolution waits on the worker instead.
CLOCKED_GRIEVANCE_STATUSES = (GrievanceStatus.RECEIVED, GrievanceStatus.INVESTIGATING)


class GrievanceLevel(models.IntegerChoices):
    """MADAD's ladder: who answers for a grievance now (compliance/grievances/ladder.py)."""

    REGIONAL = 1, _("Regional official")
    SUPERVISORS = 2, _("Supervising officials")
    HEAD = 3, _("Head of the side")


class EscalationReason(models.TextChoices):
    ACKNOWLEDGEMENT_LATE = "acknowledgement_late", _("Not acknowledged in time")
    RESOLUTION_LATE = "resolution_late", _("Not resolved in time")
    WORKER_NOT_RESOLVED = "worker_not_resolved", _("The worker said it was not resolved")


class WorkerAnswer(models.TextChoices):
    RESOLVED = "resolved", _("Resolved")
    NOT_RESOLVED = "not_resolved", _("Not resolved")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Grievance(models.Model):
    """A worker's complaint about their case, handled by officials."""

    receipt = models.CharField(_("receipt number"), max_length=20, unique=True)
    placement = models.ForeignKey(Placement, on_delete=models.PROTECT, related_name="grievances")
    category = models.CharField(_("category"), max_length=30, choices=GrievanceCategory.choices)
    description = models.TextField(_("description"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=GrievanceStatus.choices,
        default=GrievanceStatus.RECEIVED,
        db_index=True,
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned to"),
    )
    shared_with_employer = models.BooleanField(_("shared with the employer"), default=False)
    # Whose officials answer for it: from its category's clock, or the assignee's side.
    side = models.CharField(_("side"), max_length=2, choices=Side.choices, default=Side.RUSSIA)
    level = models.PositiveSmallIntegerField(
        _("level"), choices=GrievanceLevel.choices, default=GrievanceLevel.REGIONAL
    )
    # Each level gets whole clocks: both run from the moment it reached its level.
    level_since = models.DateTimeField(default=timezone.now)
    escalation_reason = models.CharField(
        _("why it was escalated"), max_length=25, choices=EscalationReason.choices, blank=True
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledgement_due = models.DateTimeField()
    resolution_due = models.DateTimeField()
    proposed_at = models.DateTimeField(_("proposed as resolved"), null=True, blank=True)
    worker_answer = models.CharField(
        _("worker's answer"), max_length=15, choices=WorkerAnswer.choices, blank=True
    )
    worker_answered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    # Why an official closed it without the worker's confirmation (after their silence).
    close_reason = models.TextField(_("reason for closing"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["-created_at", "-id"], name="grievance_newest")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=3), name="grievance_level_on_ladder"
            ),
        ]

    def __str__(self) -> str:
        return self.receipt


class ImportKind(models.TextChoices):
    WORKERS = "workers", _("Workers")
    PLACEMENTS = "placements", _("Cases")


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    VALIDATING = "validating", _("Validating")
    IMPORTING = "importing", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed: nothing imported")


class Import(models.Model):
    """A CSV import: validated in full first, then written in one transaction or not at all."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="imports")
    kind = models.CharField(max_length=12, choices=ImportKind.choices)
    file = models.FileField(upload_to="imports/%Y/%m/")
    status = models.CharField(
        max_length=12, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    imported_rows = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # When its task was last handed to the broker: a queued import not started long after is
    # sent again, since the upload lives here and a broker may lose its messages.
    sent_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} import #{self.pk}"


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class AgencyMembership(Membership):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agency_membership"
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="members")
