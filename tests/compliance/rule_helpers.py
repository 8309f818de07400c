"""A case that breaks no rule on ON; each rule's tests change one thing and look again."""

from datetime import date
from decimal import Decimal

from compliance.checks import engine
from compliance.models import Finding, FindingStatus, WageReport
from compliance.rulebook.models import Rule, RuleParameter
from tests import factories

ON = date(2025, 11, 25)


def compliant_case(**overrides):
    """An employed case in Moscow construction that arrived on 25 August 2025 (work and the
    contract from 1 September) with its induction and training, both insurance covers and the
    September and October wage reports: it keeps every rule on ON."""
    employer = overrides.pop("employer", None)
    if employer is not None:
        overrides.setdefault("job_order", factories.JobOrderFactory(employer=employer))
    placement = factories.PlacementFactory(employed=True, arrived_on=date(2025, 8, 25), **overrides)
    factories.SafetyRecordFactory(placement=placement, kind="induction", date=date(2025, 9, 1))
    factories.SafetyRecordFactory(placement=placement, kind="training", date=date(2025, 9, 1))
    factories.InsuranceCoverFactory(placement=placement, kind="dms")
    factories.InsuranceCoverFactory(placement=placement, kind="pbby")
    for month, hours in ((date(2025, 9, 1), "176.0"), (date(2025, 10, 1), "184.0")):
        factories.WageReportFactory(
            placement=placement,
            month=month,
            hours_worked=Decimal(hours),
            paid_on=date(month.year, month.month + 1, 5),
        )
    return placement


def check(placement, on=ON):
    """Judge one case on `on` and return the open findings as {code: finding}."""
    engine.evaluate_placement(placement.pk, trigger="user", on=on)
    return open_findings(placement)


def open_findings(placement=None, **filters):
    qs = Finding.objects.filter(status__in=[FindingStatus.OPEN, FindingStatus.ACKNOWLEDGED])
    if placement is not None:
        qs = qs.filter(placement=placement)
    return {f.rule.code: f for f in qs.filter(**filters).select_related("rule")}


def set_report(placement, month: date, **fields):
    """Change a wage report, keeping net = gross - tax - deductions as the database demands."""
    report = WageReport.objects.get(placement=placement, month=month)
    for name, value in fields.items():
        setattr(report, name, value)
    report.net_paid_rub = report.gross_rub - report.tax_withheld_rub - report.deductions_rub
    report.save()
    return report


def set_parameters(code: str, effective_from: date, **values):
    """A new parameter version of a rule, in force from `effective_from`."""
    current = RuleParameter.objects.filter(rule__code=code).order_by("-effective_from").first()
    RuleParameter.objects.create(
        rule=Rule.objects.get(code=code),
        effective_from=effective_from,
        values={**(current.values if current else {}), **values},
    )


def check_and_sweep(placement, on=ON):
    """Judge one case by itself, then, its findings removed, by the full sweep: the two must
    find the same. Returns the sweep's open findings of the case as {code: finding}."""

    def seen(found):
        return {code: (f.severity, f.period, f.evidence) for code, f in found.items()}

    alone = seen(check(placement, on))
    Finding.objects.filter(placement=placement).delete()
    engine.run_sweep_now(on=on)
    swept = open_findings(placement)
    assert seen(swept) == alone
    return swept
