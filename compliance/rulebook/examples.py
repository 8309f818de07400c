"""Each rule in words, with a worked example computed from the parameters in force, so an
inspector can check the engine's arithmetic on the rule's page without reading code.

One registry: `@example("CODE")` on a function that takes the parameters in force and the day
they are read for, and returns a `WorkedExample`. A rule without one shows its description.
Sentences are built when called, in the reader's language (`mobility.figures`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from compliance.rulebook.models import Severity
from compliance.rulebook.selectors import FULL_TIME_HOURS, applicable_minimum_wage, parameters
from compliance.rulebook.working_time import add_working_days, monthly_norm_hours
from mobility import figures
from mobility.sectors import Sector

KOPECK = Decimal("0.01")


@dataclass(frozen=True)
class WorkedExample:
    rule: str  # the rule in words, with its figures
    inputs: list[tuple[str, str]]  # what the example starts from: (what, figure)
    outcome: str  # what the engine concludes, with the arithmetic


Example = Callable[[dict, date], WorkedExample]
EXAMPLES: dict[str, Example] = {}


def example(code: str) -> Callable[[Example], Example]:
    def register(function: Example) -> Example:
        EXAMPLES[code] = function
        return function

    return register


def worked_example(code: str, values: dict, on: date) -> WorkedExample | None:
    function = EXAMPLES.get(code)
    return function(values, on) if function else None


# Parameters in words: a label and how its value reads. Names not listed read as a number.
def _figure(value) -> str:
    """A rate as set, in the reader's digits: 7.6 stays "7.6", never "7.60"."""
    value = Decimal(str(value)).normalize()
    return figures.number(value, max(0, -value.as_tuple().exponent))


def _percent(value) -> str:
    return _("%(value)s %%") % {"value": _figure(value)}


def _rupees(value) -> str:
    return figures.rupees(Decimal(str(value)))


def _days(value) -> str:
    count = int(value)
    return ngettext("%(count)s day", "%(count)s days", count) % {"count": count}


def _working_days(value) -> str:
    count = int(value)
    return ngettext("%(count)s working day", "%(count)s working days", count) % {"count": count}


def _months(value) -> str:
    count = int(value)
    return ngettext("%(count)s month", "%(count)s months", count) % {"count": count}


def _times(value) -> str:
    return _("%(value)s times") % {"value": _figure(value)}


def _sectors(value) -> str:
    return ", ".join(str(Sector(code).label) if code in Sector.values else code for code in value)


def _severity(value) -> str:
    return str(Severity(value).label) if value in Severity.values else str(value)


def _date(value) -> str:
    return figures.day(date.fromisoformat(str(value)))


def _roubles(value) -> str:
    return figures.roubles(Decimal(str(value)))


def _hours(value) -> str:
    return figures.hours(Decimal(str(value)))


PARAMETERS: dict[str, tuple[str, Callable]] = {
    "tolerance_rub": (gettext_lazy("Tolerance"), _roubles),
    "tolerance_pct": (gettext_lazy("Tolerance"), _percent),
    "overtime_multiplier": (gettext_lazy("Overtime pay"), _times),
    "max_days_after_period": (gettext_lazy("Days allowed after the month's end"), _days),
    "due_day": (gettext_lazy("Due by this day of the next month"), lambda v: str(int(v))),
    "max_pct": (gettext_lazy("Highest share of the pay after income tax"), _percent),
    "max_hours_per_week": (gettext_lazy("Most normal hours a week"), _hours),
    "max_hours_per_year": (gettext_lazy("Most overtime in a calendar year"), _hours),
    "refresh_months": (gettext_lazy("Training repeated at least every"), _months),
    "sectors": (gettext_lazy("Sectors"), _sectors),
    "due_days": (gettext_lazy("Days to act on the finding"), _days),
    "min_pct": (gettext_lazy("Lowest share of the gross"), _percent),
    "notice_days": (gettext_lazy("Notice before the end"), _days),
    "cap_inr": (gettext_lazy("Fee cap"), _rupees),
    "working_days": (gettext_lazy("Deadline"), _working_days),
    "days": (gettext_lazy("Deadline"), _days),
    "months": (gettext_lazy("Validity beyond the contract's end"), _months),
    "name_similarity": (gettext_lazy("Name similarity from"), _percent),
    "ack_days": (gettext_lazy("Acknowledged within"), _days),
    "resolve_days": (gettext_lazy("Resolved within"), _days),
    "grace_days": (gettext_lazy("Grace after the last day of work"), _days),
    "resident_after_days": (gettext_lazy("Tax resident after"), _days),
    "resident_rate_pct": (gettext_lazy("Resident income tax rate"), _percent),
    "non_resident_rate_pct": (gettext_lazy("Non-resident income tax rate"), _percent),
    "enabled_from": (gettext_lazy("Judges months from"), _date),
    "severity": (gettext_lazy("Severity"), _severity),
    "severity_above_cap": (gettext_lazy("Severity above the cap"), _severity),
    "severity_expiring": (gettext_lazy("Severity while expiring"), _severity),
}


def parameter_label(name: str) -> str:
    """What a parameter is called on the rule list, the rule page and its form."""
    label, _words = PARAMETERS.get(name, (name.replace("_", " ").capitalize(), None))
    return str(label)


def parameter_in_words(name: str, value) -> str:
    """How a parameter's value reads: "40 hours", "Construction, Machinery"."""
    _label, words = PARAMETERS.get(name, ("", None))
    if words is None:
        words = _sectors if isinstance(value, list) else _figure
    return words(value)


def parameters_in_words(values: dict) -> list[tuple[str, str]]:
    return [
        (parameter_label(name), parameter_in_words(name, value)) for name, value in values.items()
    ]


def _d(values: dict, name: str) -> Decimal:
    return Decimal(str(values[name]))


def _money(value: Decimal) -> Decimal:
    return value.quantize(KOPECK, ROUND_HALF_UP)


def _last_month(on: date) -> date:
    return (on.replace(day=1) - timedelta(days=1)).replace(day=1)


def _month_end(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = _month_end(date(year, month, 1)).day
    return date(year, month, min(day.day, last))


GROSS, TAX = Decimal(60000), Decimal(18000)  # the examples' month: 60,000 gross, 30 % tax


@example("WAGE_DEDUCTIONS_EXCESSIVE")
def _deductions(values: dict, on: date) -> WorkedExample:
    pct = _d(values, "max_pct")
    cap = _money((GROSS - TAX) * pct / 100)
    return WorkedExample(
        rule=_(
            "The employer's deductions (accommodation, meals, advances, damages; not income "
            "tax) may not exceed %(pct)s of the month's pay after income tax."
        )
        % {"pct": _percent(pct)},
        inputs=[
            (_("Gross"), figures.roubles(GROSS)),
            (_("Income tax withheld"), figures.roubles(TAX)),
        ],
        outcome=_(
            "%(gross)s gross, %(tax)s tax: the pay after tax is %(net)s, so deductions may reach "
            "%(pct)s × %(net)s = %(cap)s; %(over)s or more is a breach."
        )
        % {
            "gross": figures.roubles(GROSS),
            "tax": figures.roubles(TAX),
            "net": figures.roubles(GROSS - TAX),
            "pct": _percent(pct),
            "cap": figures.roubles(cap),
            "over": figures.roubles(cap + KOPECK),
        },
    )


@example("WAGE_BELOW_MINIMUM")
def _below_minimum(values: dict, on: date) -> WorkedExample:
    hours = Decimal(20)
    minimum = applicable_minimum_wage("RU-MOW", on, hours)
    full = applicable_minimum_wage("RU-MOW", on)
    rule = _(
        "A contract's or job order's monthly wage, or the base pay of a month worked in full "
        "(gross less overtime and premium pay, which come on top), may not be below the highest "
        "of the federal minimum wage and the work region's, pro-rated by the weekly hours over "
        "%(full)s."
    ) % {"full": figures.hours(FULL_TIME_HOURS)}
    if minimum is None or full is None:
        return WorkedExample(rule=rule, inputs=[], outcome=_("No minimum wage is in force today."))
    return WorkedExample(
        rule=rule,
        inputs=[
            (_("Work region"), figures.region("RU-MOW")),
            (_("Weekly hours"), figures.hours(hours)),
            (_("Minimum wage in force, full time"), figures.roubles(full.full_time_rub)),
        ],
        outcome=_(
            "A part-time job of %(hours)s a week in %(region)s must pay at least %(full)s × "
            "%(hours_number)s / %(full_hours)s = %(minimum)s a month; %(below)s is a breach."
        )
        % {
            "hours": figures.hours(hours),
            "region": figures.region("RU-MOW"),
            "full": figures.roubles(full.full_time_rub),
            "hours_number": figures.number(hours),
            "full_hours": figures.number(FULL_TIME_HOURS),
            "minimum": figures.roubles(minimum.amount_rub),
            "below": figures.roubles(minimum.amount_rub - KOPECK),
        },
    )


@example("WAGE_CONTRACT_SUBSTITUTION")
def _substitution(values: dict, on: date) -> WorkedExample:
    tolerance = _d(values, "tolerance_rub")
    lowest = GROSS - tolerance
    return WorkedExample(
        rule=_(
            "The signed contract may not pay less than the job order the worker was recruited "
            "for, beyond a tolerance of %(tolerance)s, nor ask for longer weekly hours."
        )
        % {"tolerance": figures.roubles(tolerance)},
        inputs=[(_("Job order wage"), figures.roubles(GROSS))],
        outcome=_(
            "The contract must pay at least %(wage)s − %(tolerance)s = %(lowest)s; %(below)s "
            "is substitution."
        )
        % {
            "wage": figures.roubles(GROSS),
            "tolerance": figures.roubles(tolerance),
            "lowest": figures.roubles(lowest),
            "below": figures.roubles(lowest - KOPECK),
        },
    )


@example("WAGE_UNDERPAID")
def _underpaid(values: dict, on: date) -> WorkedExample:
    tolerance, multiplier = _d(values, "tolerance_pct"), _d(values, "overtime_multiplier")
    month = _last_month(on)
    norm = monthly_norm_hours(month.year, month.month, FULL_TIME_HOURS)
    overtime = Decimal(10)
    overtime_pay = _money(overtime * GROSS / norm * multiplier)
    owed = GROSS + overtime_pay
    floor = _money(owed * (1 - tolerance / 100))
    return WorkedExample(
        rule=_(
            "A month's gross may not fall short of what the contract owes by more than "
            "%(tolerance)s: the wage × hours worked / the month's norm (working days × 8, an "
            "hour less on each shortened pre-holiday day), plus overtime at %(times)s the "
            "hourly wage."
        )
        % {"tolerance": _percent(tolerance), "times": _times(multiplier)},
        inputs=[
            (_("Month"), figures.month(month)),
            (_("Contract wage, full time"), figures.roubles(GROSS)),
            (_("Norm of the month"), figures.hours(norm)),
            (_("Hours worked"), figures.hours(norm)),
            (_("Overtime"), figures.hours(overtime)),
        ],
        outcome=_(
            "Owed: %(wage)s + %(overtime)s × %(wage)s / %(norm)s × %(multiplier)s = %(owed)s; "
            "a gross below %(floor)s (%(owed)s less %(tolerance)s) is underpaid."
        )
        % {
            "wage": figures.roubles(GROSS),
            "overtime": figures.number(overtime),
            "norm": figures.number(norm),
            "multiplier": _figure(multiplier),
            "owed": figures.roubles(owed),
            "floor": figures.roubles(floor),
            "tolerance": _percent(tolerance),
        },
    )


@example("WAGE_PAID_LATE")
def _paid_late(values: dict, on: date) -> WorkedExample:
    days = int(values["max_days_after_period"])
    month = _last_month(on)
    last = _month_end(month) + timedelta(days=days)
    return WorkedExample(
        rule=_("A month's wage is paid at most %(days)s after the month's end.")
        % {"days": _days(days)},
        inputs=[(_("Month"), figures.month(month))],
        outcome=_("Paid on %(last)s is on time; paid on %(late)s or later is late.")
        % {"last": figures.day(last), "late": figures.day(last + timedelta(days=1))},
    )


@example("WAGE_UNPAID")
def _unpaid(values: dict, on: date) -> WorkedExample:
    days, tolerance = int(values["max_days_after_period"]), _d(values, "tolerance_rub")
    month = _last_month(on)
    last = _month_end(month) + timedelta(days=days)
    owed, paid = GROSS - TAX, Decimal(30000)
    return WorkedExample(
        rule=_(
            "A month's net pay (gross less income tax and deductions) reaches the worker within "
            "%(days)s after the month's end; more than %(tolerance)s still unpaid after that is "
            "a breach."
        )
        % {"days": _days(days), "tolerance": figures.roubles(tolerance)},
        inputs=[
            (_("Month"), figures.month(month)),
            (_("Gross"), figures.roubles(GROSS)),
            (_("Income tax withheld"), figures.roubles(TAX)),
            (_("Net paid"), figures.roubles(paid)),
        ],
        outcome=_(
            "%(owed)s is owed and %(paid)s paid: %(outstanding)s is outstanding. Until "
            "%(last)s it may still be paid; from %(late)s it is unpaid."
        )
        % {
            "owed": figures.roubles(owed),
            "paid": figures.roubles(paid),
            "outstanding": figures.roubles(owed - paid),
            "last": figures.day(last),
            "late": figures.day(last + timedelta(days=1)),
        },
    )


@example("WAGE_FINAL_SETTLEMENT_LATE")
def _final_settlement(values: dict, on: date) -> WorkedExample:
    grace = int(values["grace_days"])
    ended = _last_month(on) + timedelta(days=9)
    due = ended + timedelta(days=grace)
    return WorkedExample(
        rule=_(
            "When a contract is completed or terminated, or the worker repatriated, everything "
            "owed is paid on the last day of work; %(grace)s of grace is allowed."
        )
        % {"grace": _days(grace)},
        inputs=[(_("Last day of work"), figures.day(ended))],
        outcome=_(
            "That month's wage paid on %(due)s is on time; paid on %(late)s, or still unpaid "
            "then, it is late."
        )
        % {"due": figures.day(due), "late": figures.day(due + timedelta(days=1))},
    )


@example("WAGE_ADVANCE_MISSING")
def _advance(values: dict, on: date) -> WorkedExample:
    enabled = date.fromisoformat(str(values["enabled_from"]))
    month = _last_month(on)
    end = _month_end(month)
    return WorkedExample(
        rule=_(
            "Wages are paid at least every half month: a month worked in full needs a half-month "
            "advance paid by its last day. Months that ended before %(enabled)s are not judged."
        )
        % {"enabled": figures.day(enabled)},
        inputs=[(_("Month"), figures.month(month))],
        outcome=_(
            "An advance paid on %(end)s or earlier is on time; none, or one paid on %(late)s, "
            "is a warning."
        )
        % {"end": figures.day(end), "late": figures.day(end + timedelta(days=1))},
    )


def _tax_ceiling(on: date) -> Decimal:
    """The one ceiling: TAX_RESIDENT_RATE_NOT_APPLIED's non-resident rate, as the engine reads
    it (compliance.checks.rules.wages.TAX_CEILING)."""
    return Decimal(str(parameters("TAX_RESIDENT_RATE_NOT_APPLIED", on)["non_resident_rate_pct"]))


@example("TAX_WITHHOLDING_IMPLAUSIBLE")
def _tax_implausible(values: dict, on: date) -> WorkedExample:
    pct = _tax_ceiling(on)
    ceiling = _money(GROSS * pct / 100)
    withheld = Decimal(30000)
    return WorkedExample(
        rule=_(
            "Income tax withheld may not exceed %(pct)s of gross, the non-resident rate; what is "
            "withheld above it is a deduction in disguise, and counts as one."
        )
        % {"pct": _percent(pct)},
        inputs=[
            (_("Gross"), figures.roubles(GROSS)),
            (_("Income tax withheld"), figures.roubles(withheld)),
        ],
        outcome=_(
            "Tax may reach %(pct)s × %(gross)s = %(ceiling)s; %(withheld)s is %(excess)s too "
            "much, a breach (%(over)s would already be one)."
        )
        % {
            "pct": _percent(pct),
            "gross": figures.roubles(GROSS),
            "ceiling": figures.roubles(ceiling),
            "withheld": figures.roubles(withheld),
            "excess": figures.roubles(withheld - ceiling),
            "over": figures.roubles(ceiling + KOPECK),
        },
    )


@example("TAX_RESIDENT_RATE_NOT_APPLIED")
def _resident_rate(values: dict, on: date) -> WorkedExample:
    after = int(values["resident_after_days"])
    rate, tolerance = _d(values, "resident_rate_pct"), _d(values, "tolerance_pct")
    arrived = _add_months(on, -12).replace(day=1)
    resident = arrived + timedelta(days=after - 1)
    first = _month_end(resident) + timedelta(days=1)
    resident_tax = _money(GROSS * rate / 100)
    highest = _money(GROSS * (rate + tolerance) / 100)
    return WorkedExample(
        rule=_(
            "After %(days)s in Russia (counted from arrival) the worker is a tax resident: from "
            "the next month income tax is %(rate)s of gross; above %(rate)s + %(tolerance)s is "
            "a warning, and the excess is owed back to the worker."
        )
        % {"days": _days(after), "rate": _percent(rate), "tolerance": _percent(tolerance)},
        inputs=[
            (_("Arrival"), figures.day(arrived)),
            (_("Gross"), figures.roubles(GROSS)),
        ],
        outcome=_(
            "Day %(days)s is %(resident)s, so from %(month)s tax is %(tax)s; withholding more "
            "than %(highest)s fires, and %(non_resident)s would be %(over)s over-withheld."
        )
        % {
            "days": after,
            "resident": figures.day(resident),
            "month": figures.month(first),
            "tax": figures.roubles(resident_tax),
            "highest": figures.roubles(highest),
            "non_resident": figures.roubles(TAX),
            "over": figures.roubles(TAX - resident_tax),
        },
    )


@example("WAGE_REPORT_MISSING")
def _report_missing(values: dict, on: date) -> WorkedExample:
    due_day = int(values["due_day"])
    month = _last_month(on)
    due = _add_months(month, 1).replace(day=due_day)
    return WorkedExample(
        rule=_(
            "An employed case reports each finished month's wages by day %(day)s of the next month."
        )
        % {"day": due_day},
        inputs=[(_("Month"), figures.month(month))],
        outcome=_("Its report is due by %(due)s; from %(after)s with no report, it is missing.")
        % {"due": figures.day(due), "after": figures.day(due + timedelta(days=1))},
    )


@example("HOURS_WEEKLY_EXCEEDED")
def _weekly_hours(values: dict, on: date) -> WorkedExample:
    limit = _d(values, "max_hours_per_week")
    return WorkedExample(
        rule=_("A contract or job order may set at most %(limit)s of normal work a week.")
        % {"limit": figures.hours(limit)},
        inputs=[],
        outcome=_("%(limit)s a week is lawful; %(over)s a week is a breach.")
        % {"limit": figures.hours(limit), "over": figures.hours(limit + Decimal("0.5"))},
    )


@example("OVERTIME_ANNUAL_EXCEEDED")
def _annual_overtime(values: dict, on: date) -> WorkedExample:
    limit = _d(values, "max_hours_per_year")
    return WorkedExample(
        rule=_("Overtime reported in one calendar year may not exceed %(limit)s.")
        % {"limit": figures.hours(limit)},
        inputs=[],
        outcome=_("%(limit)s of overtime in a year is within the limit; %(over)s is a breach.")
        % {"limit": figures.hours(limit), "over": figures.hours(limit + 1)},
    )


@example("SAFETY_TRAINING_OVERDUE")
def _training(values: dict, on: date) -> WorkedExample:
    months = int(values["refresh_months"])
    trained = _add_months(on, -months)
    return WorkedExample(
        rule=_(
            "An employed worker in these sectors has safety training at least every "
            "%(months)s: %(sectors)s."
        )
        % {"months": _months(months), "sectors": _sectors(values.get("sectors", []))},
        inputs=[],
        outcome=_(
            "Judged today, %(today)s: training on %(trained)s or later counts; the last one "
            "on %(before)s is overdue."
        )
        % {
            "today": figures.day(on),
            "trained": figures.day(trained),
            "before": figures.day(trained - timedelta(days=1)),
        },
    )


@example("SAFETY_INCIDENT_SERIOUS")
def _incident(values: dict, on: date) -> WorkedExample:
    days = int(values["due_days"])
    return WorkedExample(
        rule=_("A serious or fatal safety incident is a critical finding, due within %(days)s.")
        % {"days": _days(days)},
        inputs=[],
        outcome=_("An incident found today, %(today)s, is due by %(due)s.")
        % {"today": figures.day(on), "due": figures.day(on + timedelta(days=days))},
    )


@example("SOCIAL_CONTRIBUTIONS_MISSING")
def _contributions(values: dict, on: date) -> WorkedExample:
    pct = _d(values, "min_pct")
    minimum = _money(GROSS * pct / 100)
    return WorkedExample(
        rule=_(
            "A wage report states employer insurance contributions of at least %(pct)s of the "
            "month's gross; none stated counts as nothing paid."
        )
        % {"pct": _percent(pct)},
        inputs=[(_("Gross"), figures.roubles(GROSS))],
        outcome=_(
            "Contributions must reach %(pct)s × %(gross)s = %(minimum)s; %(below)s is a breach."
        )
        % {
            "pct": _percent(pct),
            "gross": figures.roubles(GROSS),
            "minimum": figures.roubles(minimum),
            "below": figures.roubles(minimum - KOPECK),
        },
    )


def _ends_within(days: int, on: date) -> str:
    return _(
        "Judged today, %(today)s: one ending on %(last)s or sooner fires; on %(later)s, not yet."
    ) % {
        "today": figures.day(on),
        "last": figures.day(on + timedelta(days=days)),
        "later": figures.day(on + timedelta(days=days + 1)),
    }


@example("INSURANCE_EXPIRING")
def _insurance_expiring(values: dict, on: date) -> WorkedExample:
    days = int(values["notice_days"])
    return WorkedExample(
        rule=_("A policy that ends in %(days)s or fewer while the contract runs on is flagged.")
        % {"days": _days(days)},
        inputs=[],
        outcome=_ends_within(days, on),
    )


@example("WORK_PERMIT_EXPIRED")
def _permit(values: dict, on: date) -> WorkedExample:
    days = int(values["notice_days"])
    return WorkedExample(
        rule=_(
            "An employed case's work permit that has expired is a breach; one that ends in "
            "%(days)s or fewer, before the contract ends, is a warning."
        )
        % {"days": _days(days)},
        inputs=[],
        outcome=_ends_within(days, on),
    )


@example("RECRUITMENT_FEE_CHARGED")
def _fee(values: dict, on: date) -> WorkedExample:
    cap = _d(values, "cap_inr")
    return WorkedExample(
        rule=_(
            "The employer pays for recruitment: any fee charged to the worker is a finding, "
            "and a fee above %(cap)s a breach."
        )
        % {"cap": _rupees(cap)},
        inputs=[],
        outcome=_("A fee of %(cap)s is a warning; %(over)s is a breach.")
        % {"cap": _rupees(cap), "over": _rupees(cap + 1)},
    )


def _working_day_deadline(count: int, on: date, event: str) -> str:
    deadline = add_working_days(on, count)
    return _(
        "%(event)s on %(day)s: the deadline is %(deadline)s, %(count)s later by the production "
        "calendar; nothing recorded by then is overdue."
    ) % {
        "event": event,
        "day": figures.day(on),
        "deadline": figures.day(deadline),
        "count": _working_days(count),
    }


@example("MVD_NOTIFICATION_OVERDUE")
def _mvd(values: dict, on: date) -> WorkedExample:
    count = int(values["working_days"])
    return WorkedExample(
        rule=_(
            "The employer notifies the MVD within %(count)s after the employment starts, and "
            "again within %(count)s after the contract ends; each notice has its own date, "
            "and the finding names the one missing."
        )
        % {"count": _working_days(count)},
        inputs=[],
        outcome=" ".join(
            (
                _working_day_deadline(count, on, _("Employment starting")),
                _working_day_deadline(count, on, _("A contract ending")),
            )
        ),
    )


@example("WORK_PERMIT_MISMATCH")
def _permit_mismatch(values: dict, on: date) -> WorkedExample:
    return WorkedExample(
        rule=_(
            "A work permit is valid only in the region that issued it and for the occupation "
            "it names: an employed worker whose job is elsewhere, or at another occupation, "
            "works without a valid permit. A permit recorded without its region is not judged."
        ),
        inputs=[
            (
                _("Work permit"),
                _("%(region)s, occupation %(occupation)s")
                % {"region": figures.region("RU-LEN"), "occupation": "7112"},
            ),
            (
                _("Job"),
                _("%(region)s, occupation %(occupation)s")
                % {"region": figures.region("RU-SPE"), "occupation": "7112"},
            ),
        ],
        outcome=_(
            "The occupations agree, but the job is in %(job)s and the permit is of %(permit)s: "
            "a breach. A job in %(permit)s at occupation 7112 would not be."
        )
        % {"job": figures.region("RU-SPE"), "permit": figures.region("RU-LEN")},
    )


@example("MIGRATION_REGISTRATION_OVERDUE")
def _registration(values: dict, on: date) -> WorkedExample:
    count = int(values["working_days"])
    return WorkedExample(
        rule=_("The worker's migration registration is recorded within %(count)s after arrival.")
        % {"count": _working_days(count)},
        inputs=[],
        outcome=_working_day_deadline(count, on, _("Arriving")),
    )


@example("MEDICAL_BIOMETRICS_OVERDUE")
def _medical(values: dict, on: date) -> WorkedExample:
    days = int(values["days"])
    return WorkedExample(
        rule=_(
            "The medical examination and the fingerprint registration are each recorded "
            "within %(days)s after arrival."
        )
        % {"days": _days(days)},
        inputs=[],
        outcome=_("Arriving on %(day)s: both are due by %(deadline)s.")
        % {"day": figures.day(on), "deadline": figures.day(on + timedelta(days=days))},
    )


@example("PASSPORT_EXPIRING")
def _passport(values: dict, on: date) -> WorkedExample:
    months = int(values["months"])
    end = _add_months(on, 12)
    needed = _add_months(end, months)
    return WorkedExample(
        rule=_("The passport stays valid at least %(months)s after the contract ends.")
        % {"months": _months(months)},
        inputs=[(_("Contract end"), figures.day(end))],
        outcome=_("The passport must be valid until %(needed)s; one expiring earlier is flagged.")
        % {"needed": figures.day(needed)},
    )


@example("GRIEVANCE_SLA_BREACHED")
def _grievance(values: dict, on: date) -> WorkedExample:
    ack, resolve = int(values["ack_days"]), int(values["resolve_days"])
    return WorkedExample(
        rule=_(
            "A grievance is acknowledged within %(ack)s and resolved within %(resolve)s of filing."
        )
        % {"ack": _days(ack), "resolve": _days(resolve)},
        inputs=[],
        outcome=_("Filed on %(day)s: acknowledged by %(ack)s, resolved by %(resolve)s.")
        % {
            "day": figures.day(on),
            "ack": figures.day(on + timedelta(days=ack)),
            "resolve": figures.day(on + timedelta(days=resolve)),
        },
    )
