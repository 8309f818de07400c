"""The worker's answer to a reported wage month, and the officials' decision to share a dispute
with the employer.

A dispute raises, in the one transaction that records it, a WAGE_DISPUTED_BY_WORKER finding and
an unpaid-wages grievance for officials. The employer reads neither until an official shares
the dispute (compliance/findings/selectors.py, compliance/grievances/selectors.py): a worker
afraid of losing the job would otherwise keep quiet. The worker may change the answer until an
official has acted on it; turning a dispute into "received as shown" withdraws it.
"""

from datetime import date, timedelta
from decimal import Decimal

import pghistory
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.checks.detection import CRITICAL_DUE_DAYS, DEFAULT_DUE_DAYS
from compliance.checks.rules import Context
from compliance.entitlements.ledger import follow_findings
from compliance.entitlements.models import OWED_STATUSES, Entitlement, EntitlementStatus
from compliance.grievances.services import record_grievance
from compliance.models import (
    WITHDRAWN_BY_WORKER,
    Finding,
    FindingStatus,
    WageAnswer,
    WageAnswerKind,
    WageReport,
)
from compliance.rulebook.models import Rule, Severity
from compliance.rulebook.selectors import parameters
from compliance.wage_answers.selectors import WageMonth, latest_answer, wage_month
from mobility import figures
from mobility.access import Actor
from mobility.errors import ActionForbidden, MoveNotAllowed
from workers.models import Grievance, GrievanceCategory, GrievanceStatus

RULE = "WAGE_DISPUTED_BY_WORKER"
WITHDRAWN_OUTCOME = gettext_lazy(
    "You withdrew this complaint: you said the month's wage reached you as shown."
)
ALREADY_HANDLED = gettext_lazy(
    "An official is already handling your answer for this month, so it can no longer be "
    "changed. To add something, report a problem below."
)


def answer_wage_month(
    *,
    placement_id: int,
    month: date,
    answer: str,
    received_rub: Decimal | None = None,
    note: str = "",
) -> WageMonth:
    """Record the worker's answer to one reported month of their case. The caller has matched
    the case to the worker's date of birth. A dispute needs the amount that arrived, below the
    net reported; it opens the finding and the grievance, or corrects them while no official
    has acted; a confirmation withdraws an earlier dispute no official has acted on."""
    note = (note or "").strip()
    if answer not in WageAnswerKind.values:
        raise ValidationError({"answer": [_("Answer “confirmed” or “disputed”.")]})
    with transaction.atomic(durable=True):
        report = (
            WageReport.objects.select_for_update(of=("self",))
            .select_related("placement__job_order", "placement__worker")
            .filter(placement_id=placement_id, month=month)
            .first()
        )
        if report is None:
            raise ValidationError(
                {"month": [_("Your employer has reported no wage for this month.")]}
            )
        if answer == WageAnswerKind.DISPUTED:
            _check_received(report, received_rub)
        else:
            received_rub = None
        current = latest_answer(report.pk)
        if current is not None and current.official_acted:
            raise MoveNotAllowed(ALREADY_HANDLED)
        row = WageAnswer(
            wage_report=report,
            answer=answer,
            reported_net_rub=report.net_paid_rub,
            received_rub=received_rub,
            note=note,
        )
        disputed_before = current is not None and current.answer == WageAnswerKind.DISPUTED
        if answer == WageAnswerKind.CONFIRMED:
            if disputed_before:
                _withdraw(current)
        elif disputed_before and (current.finding_id or current.grievance_id):
            row.finding, row.grievance = _correct(current, report, received_rub, note)
            WageAnswer.objects.filter(pk=current.pk).update(finding=None, grievance=None)
        else:
            row.finding, row.grievance = _raise(report, received_rub, note)
        row.save()
    return wage_month(placement_id, month)


def _check_received(report: WageReport, received_rub: Decimal | None) -> None:
    if received_rub is None:
        raise ValidationError(
            {"received_rub": [_("Say how many roubles you actually received for this month.")]}
        )
    if received_rub < 0:
        raise ValidationError({"received_rub": [_("The amount cannot be negative.")]})
    if received_rub >= report.net_paid_rub:
        raise ValidationError(
            {
                "received_rub": [
                    _(
                        "You received at least the %(net)s shown: answer “received as shown”, "
                        "or report a problem below."
                    )
                    % {"net": figures.roubles(report.net_paid_rub)}
                ]
            }
        )


def _figures(report: WageReport, received_rub: Decimal, receipt: str) -> dict:
    return {
        "month": f"{report.month:%Y-%m}",
        "reported_net_rub": str(report.net_paid_rub),
        "received_rub": str(received_rub),
        "difference_rub": str(report.net_paid_rub - received_rub),
        "receipt": receipt,
    }


def _evidence(rule: Rule, report: WageReport, received_rub: Decimal, receipt: str) -> dict:
    # The English words are the fallback of a finding; pages read the figures.
    return {
        "expected": f"{report.net_paid_rub} RUB net reaching the worker, as reported",
        "actual": f"the worker says {received_rub} RUB arrived",
        "legal_source": rule.legal_source,
        "figures": _figures(report, received_rub, receipt),
    }


def _description(report: WageReport, received_rub: Decimal, note: str) -> str:
    """What officials read on the grievance: the figures in the site's language, then the
    worker's own words as written."""
    with translation.override(settings.LANGUAGE_CODE):
        text = _(
            "Wage for %(month)s: the employer reported %(net)s net paid; I received %(received)s."
        ) % {
            "month": figures.month(report.month),
            "net": figures.roubles(report.net_paid_rub),
            "received": figures.roubles(received_rub),
        }
    return f"{text}\n\n{note}" if note else text


def _due_days(rule: Rule, today: date) -> int:
    configured = parameters(rule.code, today).get("due_days")
    if configured is not None:
        return int(configured)
    return CRITICAL_DUE_DAYS if rule.severity == Severity.CRITICAL else DEFAULT_DUE_DAYS


def _raise(
    report: WageReport, received_rub: Decimal, note: str
) -> tuple[Finding | None, Grievance]:
    placement = report.placement
    grievance = record_grievance(
        placement=placement,
        category=GrievanceCategory.WAGES,
        description=_description(report, received_rub, note),
    )
    rule = Rule.objects.get(code=RULE)
    if not rule.enabled:
        return None, grievance
    now = timezone.now()
    finding = Finding.objects.create(
        rule=rule,
        subject_key=f"placement:{placement.pk}",
        placement=placement,
        worker_id=placement.worker_id,
        agency_id=placement.agency_id,
        employer_id=placement.job_order.employer_id,
        period=f"{report.month:%Y-%m}",
        severity=rule.severity,
        evidence=_evidence(rule, report, received_rub, grievance.receipt),
        first_detected_at=now,
        last_detected_at=now,
        due_at=now + timedelta(days=_due_days(rule, timezone.localdate())),
    )
    _owe(finding)
    return finding, grievance


def _owe(finding: Finding) -> None:
    """The difference the worker names is owed like any money finding's amount: the ledger
    opens its entitlement, or brings it to the new amount, as the engine does for its own."""
    with connection.cursor() as cursor:
        follow_findings(
            cursor, Context.load(timezone.localdate()), finding.rule, [finding.pk], timezone.now()
        )


def _correct(
    current: WageAnswer, report: WageReport, received_rub: Decimal, note: str
) -> tuple[Finding | None, Grievance | None]:
    """A new amount for a dispute no official has acted on: its finding and grievance say it."""
    finding = grievance = None
    if current.grievance_id:
        grievance = Grievance.objects.select_for_update().get(pk=current.grievance_id)
        grievance.description = _description(report, received_rub, note)
        grievance.save(update_fields=["description", "updated_at"])
    if current.finding_id:
        finding = (
            Finding.objects.select_for_update(of=("self",))
            .select_related("rule")
            .get(pk=current.finding_id)
        )
        receipt = grievance.receipt if grievance else ""
        finding.evidence = _evidence(finding.rule, report, received_rub, receipt)
        finding.last_detected_at = timezone.now()
        finding.save(update_fields=["evidence", "last_detected_at"])
        _owe(finding)
    return finding, grievance


def _withdraw(current: WageAnswer) -> None:
    now = timezone.now()
    if current.finding_id:
        Finding.objects.filter(pk=current.finding_id, status=FindingStatus.OPEN).update(
            status=FindingStatus.RESOLVED,
            closed_at=now,
            closed_by=None,
            close_reason=WITHDRAWN_BY_WORKER,
        )
        # The worker says the month reached them as shown: nothing is owed on it any more.
        Entitlement.objects.filter(finding_id=current.finding_id, status__in=OWED_STATUSES).update(
            status=EntitlementStatus.WAIVED,
            waived_at=now,
            waive_reason=WITHDRAWN_BY_WORKER,
            updated_at=now,
        )
    if current.grievance_id:
        grievance = (
            Grievance.objects.select_for_update(of=("self",))
            .select_related("placement__worker")
            .get(pk=current.grievance_id)
        )
        with translation.override(grievance.placement.worker.preferred_language):
            grievance.outcome = str(WITHDRAWN_OUTCOME)
        grievance.status = GrievanceStatus.RESOLVED
        grievance.closed_at = now
        grievance.save(update_fields=["status", "outcome", "closed_at", "updated_at"])


def share_wage_dispute(*, actor: Actor, finding_id: int) -> Finding:
    """An official lets the employer see a worker's wage dispute (its finding and grievance),
    so that it can answer; until then the employer does not know the worker spoke up."""
    if not actor.is_official:
        raise ActionForbidden(_("Only officials share a worker's dispute with the employer."))
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        finding = Finding.objects.select_for_update(of=("self",)).get(pk=finding_id)
        answer = WageAnswer.objects.filter(finding=finding, grievance__isnull=False).first()
        if answer is None:
            raise MoveNotAllowed(
                _("Only a worker's wage dispute is shared with the employer from its finding.")
            )
        grievance = Grievance.objects.select_for_update().get(pk=answer.grievance_id)
        if not grievance.shared_with_employer:
            grievance.shared_with_employer = True
            grievance.save(update_fields=["shared_with_employer", "updated_at"])
    return finding


def is_shared(finding: Finding) -> bool | None:
    """Whether the worker's dispute behind `finding` is shared with the employer; None for a
    finding that is no worker's dispute."""
    answer = (
        WageAnswer.objects.filter(finding=finding, grievance__isnull=False)
        .select_related("grievance")
        .first()
    )
    return None if answer is None else answer.grievance.shared_with_employer
