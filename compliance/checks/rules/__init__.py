"""The registry: each rule code of RULES.md and the one function that evaluates it.

Case rules take (context, first id, last id) and return hits for the cases in that range;
subject rules take (context, subject kind, ids or None for all) for employers, agencies or
workers. The sweep, the per-case check, the verification jobs and the hourly deadlines job all
run these same functions.
"""

from collections.abc import Callable
from dataclasses import dataclass

from compliance.checks.rules import (
    documents,
    grievances,
    immigration,
    integrity,
    payment,
    recruitment,
    safety,
    social_security,
    tax,
    wages,
)
from compliance.checks.rules.base import Context, Hit

__all__ = [
    "RAISED_BY_PEOPLE",
    "RULES",
    "Context",
    "Hit",
    "RuleDefinition",
    "placement_rules",
    "subject_rules",
]


@dataclass(frozen=True)
class RuleDefinition:
    code: str
    evaluate: Callable[..., list[Hit]]
    subjects: tuple[str, ...] = ("placement",)
    deadline: bool = False  # also run by the hourly deadlines job
    # A case rule that also judges the employers' open job orders: (context, "employer", ids).
    job_orders: Callable[..., list[Hit]] | None = None

    @property
    def per_case(self) -> bool:
        return self.subjects == ("placement",)

    def judging(self, kind: str) -> Callable[..., list[Hit]] | None:
        """The function that judges employers, agencies or workers (`kind`), if this rule does."""
        if kind in self.subjects:
            return self.evaluate
        return self.job_orders if kind == "employer" else None


RULES = {
    definition.code: definition
    for definition in [
        RuleDefinition(
            "WAGE_BELOW_MINIMUM",
            wages.wage_below_minimum,
            job_orders=wages.job_orders_below_minimum,
        ),
        RuleDefinition("WAGE_CONTRACT_SUBSTITUTION", wages.wage_contract_substitution),
        RuleDefinition("WAGE_UNDERPAID", wages.wage_underpaid),
        RuleDefinition("WAGE_PAID_LATE", payment.wage_paid_late),
        RuleDefinition("WAGE_UNPAID", payment.wage_unpaid, deadline=True),
        RuleDefinition(
            "WAGE_FINAL_SETTLEMENT_LATE", payment.wage_final_settlement_late, deadline=True
        ),
        RuleDefinition("WAGE_ADVANCE_MISSING", payment.wage_advance_missing, deadline=True),
        RuleDefinition("WAGE_REPORT_MISSING", wages.wage_report_missing, deadline=True),
        RuleDefinition("WAGE_DEDUCTIONS_EXCESSIVE", wages.wage_deductions_excessive),
        RuleDefinition("TAX_WITHHOLDING_IMPLAUSIBLE", tax.tax_withholding_implausible),
        RuleDefinition("TAX_RESIDENT_RATE_NOT_APPLIED", tax.tax_resident_rate_not_applied),
        RuleDefinition(
            "HOURS_WEEKLY_EXCEEDED",
            wages.hours_weekly_exceeded,
            job_orders=wages.job_orders_hours_exceeded,
        ),
        RuleDefinition("OVERTIME_ANNUAL_EXCEEDED", wages.overtime_annual_exceeded),
        RuleDefinition("SAFETY_INDUCTION_MISSING", safety.safety_induction_missing),
        RuleDefinition("SAFETY_TRAINING_OVERDUE", safety.safety_training_overdue),
        RuleDefinition("SAFETY_INCIDENT_SERIOUS", safety.safety_incident_serious),
        RuleDefinition(
            "SOCIAL_CONTRIBUTIONS_MISSING", social_security.social_contributions_missing
        ),
        RuleDefinition("INSURANCE_DMS_MISSING", social_security.insurance_dms_missing),
        RuleDefinition("INSURANCE_ORIGIN_MISSING", social_security.insurance_origin_missing),
        RuleDefinition("INSURANCE_EXPIRING", social_security.insurance_expiring, deadline=True),
        RuleDefinition("RECRUITMENT_FEE_CHARGED", recruitment.recruitment_fee_charged),
        RuleDefinition(
            "AGENCY_LICENCE_INVALID", recruitment.agency_licence_invalid, subjects=("agency",)
        ),
        RuleDefinition(
            "EMPLOYER_NOT_APPROVED", recruitment.employer_not_approved, subjects=("employer",)
        ),
        RuleDefinition(
            "EMPLOYER_QUOTA_EXCEEDED",
            recruitment.employer_quota_exceeded,
            subjects=("employer",),
        ),
        RuleDefinition(
            "MVD_NOTIFICATION_OVERDUE", immigration.mvd_notification_overdue, deadline=True
        ),
        RuleDefinition(
            "MIGRATION_REGISTRATION_OVERDUE",
            immigration.migration_registration_overdue,
            deadline=True,
        ),
        RuleDefinition(
            "MEDICAL_BIOMETRICS_OVERDUE", immigration.medical_biometrics_overdue, deadline=True
        ),
        RuleDefinition("WORK_PERMIT_EXPIRED", immigration.work_permit_expired, deadline=True),
        RuleDefinition("WORK_PERMIT_MISMATCH", immigration.work_permit_mismatch),
        RuleDefinition("PASSPORT_EXPIRING", documents.passport_expiring, deadline=True),
        RuleDefinition("WORKER_DUPLICATE", integrity.worker_duplicate, subjects=("worker",)),
        RuleDefinition(
            "WATCHLIST_MATCH",
            integrity.watchlist_match,
            subjects=("employer", "agency", "worker"),
        ),
        RuleDefinition("GRIEVANCE_SLA_BREACHED", grievances.grievance_sla_breached, deadline=True),
    ]
}


# The catalogue's rules that no query judges: a person's action raises their findings (the
# worker's answer on the status page, compliance/wage_answers), so they are not in RULES and the
# sweep, which applies only RULES, never opens, refreshes or clears ("condition cleared") them.
RAISED_BY_PEOPLE = frozenset({"WAGE_DISPUTED_BY_WORKER"})


def placement_rules(*, deadlines_only: bool = False) -> list[RuleDefinition]:
    return [d for d in RULES.values() if d.per_case and (d.deadline or not deadlines_only)]


def subject_rules(kind: str) -> list[RuleDefinition]:
    return [d for d in RULES.values() if d.judging(kind) is not None]
