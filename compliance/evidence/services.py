"""Every change to compliance evidence, findings and the watchlist, one function per action.

Each function takes an explicit `actor`, runs in its own (durable) transaction, locks the rows
it changes and names its user in the history context (API calls authenticate after the history
middleware has run, so the middleware alone would record nobody).
"""

import calendar
from datetime import date
from decimal import Decimal
from typing import Any

import pghistory
from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.checks.engine import evaluate_placement_later
from compliance.evidence.notifications import tell_month_reported
from compliance.models import (
    InsuranceCover,
    SafetyRecord,
    SafetyRecordKind,
    WageReport,
)
from mobility import figures
from mobility.access import Actor, Role
from mobility.errors import ActionForbidden
from mobility.placement_status import ARRIVED_OR_ENDED, CONTRACT_ON_OR_ENDED
from workers.models import Placement, PlacementStatus

WAGE_REPORT_STATUSES = ARRIVED_OR_ENDED


SAFETY_RECORD_STATUSES = ARRIVED_OR_ENDED


INSURANCE_COVER_STATUSES = CONTRACT_ON_OR_ENDED


def _after_evidence_change(placement_id: int) -> None:
    """Re-evaluate the case's rules once the evidence change has committed."""
    evaluate_placement_later(placement_id)


def _require_employer(actor: Actor) -> None:
    if actor.role != Role.EMPLOYER:
        raise ActionForbidden(_("Only the employer reports wages, safety and insurance."))


def _locked_placement(placement_id: int) -> Placement:
    return Placement.objects.select_for_update().get(pk=placement_id)


def _month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


# %(allowed)s lists the statuses that allow the record, %(status)s is the case's.
WAGE_REPORTS_REFUSED = gettext_lazy(
    "Wage reports can be recorded only for a case whose status is %(allowed)s; this case is "
    "%(status)s."
)
SAFETY_RECORDS_REFUSED = gettext_lazy(
    "Safety records can be recorded only for a case whose status is %(allowed)s; this case is "
    "%(status)s."
)
INSURANCE_COVERS_REFUSED = gettext_lazy(
    "Insurance covers can be recorded only for a case whose status is %(allowed)s; this case "
    "is %(status)s."
)


def _status_problem(placement: Placement, allowed: tuple[str, ...], refusal: str) -> str | None:
    if placement.status in allowed:
        return None
    labels = [figures.quoted(PlacementStatus(status).label) for status in allowed]
    return refusal % {
        "allowed": get_text_list(labels, _("or")),
        "status": figures.quoted(placement.get_status_display()),
    }


def wage_report_problems(
    *, placement: Placement, values: dict, instance: WageReport | None = None
) -> dict[str, list[str]]:
    """The reasons a month's wage report cannot stand, by field (empty when it can): the case
    must be at work, the month neither in the future nor outside the employment, one report
    per case and month; net paid may fall short of gross less income tax and deductions (the
    rest is still owed) but never exceed it, and a payment date is given exactly when
    something was paid (RULES.md amendments, "Months not paid, or not paid in full")."""
    problems: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        problems.setdefault(field, []).append(message)

    status_problem = _status_problem(placement, WAGE_REPORT_STATUSES, WAGE_REPORTS_REFUSED)
    if status_problem:
        add("placement", status_problem)

    month = values["month"]
    named = {"month": figures.month(month)}
    today = timezone.localdate()
    if month > today.replace(day=1):
        add("month", _("%(month)s is in the future.") % named)
    started = placement.employment_start or placement.arrival_date
    if started is None:
        add("month", _("The case has no employment start date yet."))
    elif month < started.replace(day=1):
        add(
            "month",
            _("%(month)s is before the employment started on %(date)s.")
            % {**named, "date": figures.day(started)},
        )
    if placement.end_date and month > placement.end_date.replace(day=1):
        add(
            "month",
            _("%(month)s is after the employment ended on %(date)s.")
            % {**named, "date": figures.day(placement.end_date)},
        )
    others = WageReport.objects.filter(placement=placement, month=month)
    if instance is not None:
        others = others.exclude(pk=instance.pk)
    if others.exists():
        add(
            "month",
            _(
                "%(month)s is already reported for this case; correct that report "
                "(PATCH /api/v1/wage-reports/{id}/) instead of sending a second one."
            )
            % named,
        )

    owed_net = values["gross_rub"] - values["tax_withheld_rub"] - values["deductions_rub"]
    if owed_net < 0:
        add("deductions_rub", _("Income tax and deductions together exceed the gross."))
    elif values["net_paid_rub"] > owed_net:
        add(
            "net_paid_rub",
            _(
                "Net paid cannot exceed gross less income tax and deductions: at most "
                "%(owed)s, not %(found)s."
            )
            % {
                "owed": figures.roubles(owed_net),
                "found": figures.roubles(values["net_paid_rub"]),
            },
        )
    # The payment date says when something reached the worker; an unpaid month has none.
    paid_on = values["paid_on"]
    if paid_on is not None and values["net_paid_rub"] == 0:
        add("paid_on", _("Nothing was paid (net paid is 0), so there is no payment date."))
    elif paid_on is None and values["net_paid_rub"] > 0:
        add(
            "paid_on",
            _("%(paid)s was paid: give the date it was paid.")
            % {"paid": figures.roubles(values["net_paid_rub"])},
        )
    for field, when in (("paid_on", paid_on), ("advance_paid_on", values["advance_paid_on"])):
        if when is None:
            continue
        if when > today:
            add(field, _("The payment date is in the future."))
        elif when < month:
            add(field, _("The payment date is before the month it pays for."))
    overtime_pay = values["overtime_pay_rub"]
    if overtime_pay is not None and overtime_pay > values["gross_rub"]:
        add(
            "overtime_pay_rub",
            _("Overtime and premium pay are part of the gross: at most %(gross)s.")
            % {"gross": figures.roubles(values["gross_rub"])},
        )
    hours_in_month = Decimal(24 * calendar.monthrange(month.year, month.month)[1])
    if values["hours_worked"] + values["overtime_hours"] > hours_in_month:
        add(
            "hours_worked",
            _("A month has at most %(hours)s.") % {"hours": figures.hours(hours_in_month)},
        )
    return problems


WAGE_DEFAULTS = {
    "paid_on": None,
    "advance_paid_on": None,
    "overtime_pay_rub": None,
    "tax_withheld_rub": Decimal("0"),
    "deductions_rub": Decimal("0"),
    "overtime_hours": Decimal("0"),
    "employer_contributions_rub": None,
}


def record_wage_report(*, actor: Actor, placement_id: int, **values: Any) -> WageReport:
    """The employer reports one month's pay and hours of one case (one report a month)."""
    _require_employer(actor)
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        return _record_wage_report(placement_id=placement_id, values=values)


def _record_wage_report(*, placement_id: int, values: dict) -> WageReport:
    """The body of `record_wage_report`, inside the caller's transaction: the CSV import
    writes a whole file of reports in one."""
    values = {**WAGE_DEFAULTS, **values}
    placement = _locked_placement(placement_id)
    problems = wage_report_problems(placement=placement, values=values)
    if problems:
        raise ValidationError(problems)
    report = WageReport.objects.create(placement=placement, **values)
    _after_evidence_change(placement.pk)
    tell_month_reported(report)
    return report


def correct_wage_report(*, actor: Actor, report_id: int, **changes: Any) -> WageReport:
    """The employer corrects a report; the earlier figures stay in its history."""
    _require_employer(actor)
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        report = WageReport.objects.select_for_update().get(pk=report_id)
        placement = _locked_placement(report.placement_id)
        values = {
            name: getattr(report, name)
            for name in ("month", "gross_rub", "net_paid_rub", "hours_worked")
        }
        values.update({name: getattr(report, name) for name in WAGE_DEFAULTS})
        values.update(changes)
        problems = wage_report_problems(placement=placement, values=values, instance=report)
        if problems:
            raise ValidationError(problems)
        changed = [name for name, value in values.items() if getattr(report, name) != value]
        for name in changed:
            setattr(report, name, values[name])
        if changed:
            report.save(update_fields=[*changed, "updated_at"])
            _after_evidence_change(placement.pk)
    return report


# No safety record of this pact can be older; an earlier date is a typing slip that would
# otherwise count as an induction before work.
EARLIEST_RECORD = date(2000, 1, 1)
# Health policies for foreign workers are sold by the year; five years is already generous.
INSURANCE_MAX_YEARS = 5


def _safety_problems(placement: Placement, values: dict) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    status_problem = _status_problem(placement, SAFETY_RECORD_STATUSES, SAFETY_RECORDS_REFUSED)
    if status_problem:
        problems["placement"] = [status_problem]
    if values["date"] > timezone.localdate():
        problems["date"] = [_("The date is in the future.")]
    elif values["date"] < EARLIEST_RECORD:
        problems["date"] = [_("The date must be in 2000 or later.")]
    elif placement.arrival_date and values["date"] < placement.arrival_date:
        # Inductions, trainings and incidents happen at the workplace in Russia.
        problems["date"] = [
            _("The date is before the worker arrived in Russia on %(date)s.")
            % {"date": figures.day(placement.arrival_date)}
        ]
    severity = values.get("severity") or ""
    if values["kind"] == SafetyRecordKind.INCIDENT and not severity:
        problems["severity"] = [_("An incident needs its severity: minor, serious or fatal.")]
    if values["kind"] != SafetyRecordKind.INCIDENT and severity:
        problems["severity"] = [_("Only incidents have a severity.")]
    return problems


def record_safety_record(*, actor: Actor, placement_id: int, **values: Any) -> SafetyRecord:
    """The employer records a safety induction, a training or an incident on a case."""
    values = {"severity": "", "description": "", **values}
    return _record(actor, SafetyRecord, _safety_problems, placement_id, values)


def correct_safety_record(*, actor: Actor, record_id: int, **changes: Any) -> SafetyRecord:
    """The employer corrects a safety record; the earlier version stays in its history."""
    fields = ("kind", "date", "severity", "description")
    return _correct(actor, SafetyRecord, _safety_problems, fields, record_id, changes)


def _insurance_problems(placement: Placement, values: dict) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    status_problem = _status_problem(placement, INSURANCE_COVER_STATUSES, INSURANCE_COVERS_REFUSED)
    if status_problem:
        problems["placement"] = [status_problem]
    valid_from, valid_until = values["valid_from"], values["valid_until"]
    if valid_until < valid_from:
        problems["valid_until"] = [_("A policy cannot end before it starts.")]
    elif valid_until > valid_from + relativedelta(years=INSURANCE_MAX_YEARS):
        problems["valid_until"] = [_("A policy runs for at most five years; check the end date.")]
    elif placement.contract_start and valid_until < placement.contract_start:
        problems["valid_until"] = [
            _("The policy ended before the contract starts on %(date)s.")
            % {"date": figures.day(placement.contract_start)}
        ]
    if valid_from < EARLIEST_RECORD:
        problems["valid_from"] = [_("The date must be in 2000 or later.")]
    return problems


def record_insurance_cover(*, actor: Actor, placement_id: int, **values: Any) -> InsuranceCover:
    """The employer records an insurance policy covering the worker of a case."""
    return _record(actor, InsuranceCover, _insurance_problems, placement_id, values)


def correct_insurance_cover(*, actor: Actor, cover_id: int, **changes: Any) -> InsuranceCover:
    """The employer corrects an insurance cover; the earlier version stays in its history."""
    fields = ("kind", "policy_number", "valid_from", "valid_until")
    return _correct(actor, InsuranceCover, _insurance_problems, fields, cover_id, changes)


def _record(actor: Actor, model, check, placement_id: int, values: dict):
    """A safety record or insurance cover added to a case, once `check` finds nothing wrong."""
    _require_employer(actor)
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        placement = _locked_placement(placement_id)
        problems = check(placement, values)
        if problems:
            raise ValidationError(problems)
        record = model.objects.create(placement=placement, **values)
        _after_evidence_change(placement.pk)
    return record


def _correct(actor: Actor, model, check, fields: tuple[str, ...], pk: int, changes: dict):
    """One of them corrected: the changed values are judged together with the kept ones."""
    _require_employer(actor)
    with transaction.atomic(durable=True), pghistory.context(user=actor.user_id):
        record = model.objects.select_for_update().get(pk=pk)
        placement = _locked_placement(record.placement_id)
        values = {name: getattr(record, name) for name in fields} | changes
        problems = check(placement, values)
        if problems:
            raise ValidationError(problems)
        for name, value in values.items():
            setattr(record, name, value)
        record.save()
        _after_evidence_change(placement.pk)
    return record
