"""The sentence a person reads for a finding, wherever it is shown (API, pages, CSV)."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from compliance.models import CONDITION_CLEARED, RULE_DISABLED, Finding

# The reasons the engine and the rulebook write, said in the reader's language; a person's
# reason is shown as they wrote it.
CLOSED_BY_THE_SYSTEM = {
    CONDITION_CLEARED: gettext_lazy("The condition no longer holds."),
    RULE_DISABLED: gettext_lazy("The rule was switched off."),
}


def close_reason_in_words(finding: Finding) -> str:
    return str(CLOSED_BY_THE_SYSTEM.get(finding.close_reason, finding.close_reason))


def finding_message(finding: Finding) -> str:
    """What was expected, what was found and which law requires it, in one sentence."""
    return describe(finding)


def rub(value) -> str:
    return f"{_number(value):,.2f} RUB"


def inr(value) -> str:
    return f"{_number(value):,.2f} INR"


def hours(value) -> str:
    number = _number(value)
    return f"{number:,.1f}".removesuffix(".0") + " h"


def _plain(value) -> str:
    return hours(value).removesuffix(" h")


def _number(value) -> Decimal:
    try:
        return Decimal(str(value))
    except (InvalidOperation, TypeError):
        return Decimal(0)


def month_name(value: str) -> str:
    try:
        return date.fromisoformat(f"{value}-01").strftime("%B %Y")
    except (TypeError, ValueError):
        return str(value)


def day(value) -> str:
    try:
        return date.fromisoformat(str(value)).strftime("%-d %B %Y")
    except (TypeError, ValueError):
        return str(value)


def _wage_underpaid(f: dict, e: dict) -> str:
    overtime = (
        f" and {hours(f['overtime_hours'])} of overtime at {f['overtime_multiplier']}×"
        if _number(f.get("overtime_hours")) > 0
        else ""
    )
    return (
        f"{month_name(f['month'])}: {rub(f['gross_rub'])} gross was paid, but the contract owed "
        f"{rub(f['owed_rub'])} for {_plain(f['hours_worked'])} normal hours "
        f"(norm {hours(f['norm_hours'])}){overtime} — short by {rub(f['shortfall_rub'])}."
    )


def _wage_below_minimum(f: dict, e: dict) -> str:
    if f.get("kind") == "contract":
        what = f"The contract pays {rub(f['wage_rub'])} a month"
    elif f.get("kind") == "job order":
        what = (
            f"On {day(f['judged_on'])} the open job order “{f['job_order_title']}” offers "
            f"{rub(f['wage_rub'])} a month"
        )
    elif _number(f.get("overtime_pay_rub")) > 0:
        what = _(
            "%(month)s: a base pay of %(base)s for a full month (%(gross)s gross less "
            "%(overtime)s for overtime and premiums%(estimated)s)"
        ) % {
            "month": month_name(f["month"]),
            "base": rub(f["wage_rub"]),
            "gross": rub(f["gross_rub"]),
            "overtime": rub(f["overtime_pay_rub"]),
            "estimated": _(", at least what the overtime hours earn")
            if f.get("overtime_pay_estimated")
            else "",
        }
    else:
        what = f"{month_name(f['month'])}: {rub(f['wage_rub'])} gross was paid for a full month"
    return (
        f"{what}, below the minimum wage of {rub(f['minimum_rub'])} "
        f"({f['minimum_scope']}, {f['hours_per_week']} hours a week) — "
        f"short by {rub(f['shortfall_rub'])}."
    )


def _wage_deductions(f: dict, e: dict) -> str:
    excess = _number(f.get("tax_excess_rub"))
    deducted = (
        f"{rub(f['deductions_counted_rub'])}, {rub(excess)} of it withheld as income tax above "
        f"{f['tax_ceiling_pct']} % of gross ({rub(f['tax_ceiling_rub'])})"
        if excess > 0
        else rub(f["deductions_rub"])
    )
    after_tax = f.get("pay_after_tax_rub") or (
        _number(f["gross_rub"]) - _number(f["tax_withheld_rub"])
    )
    return (
        f"{month_name(f['month'])}: the employer deducted {deducted}, more than "
        f"{f['max_pct']} % of the pay after income tax ({rub(after_tax)}), "
        f"which allows at most {rub(f['cap_rub'])}."
    )


def _contributions(f: dict, e: dict) -> str:
    stated = (
        f"{rub(f['contributions_rub'])} of contributions were stated"
        if f.get("stated")
        else "no contributions were stated"
    )
    return (
        f"{month_name(f['month'])}: {stated} on a gross of {rub(f['gross_rub'])}; at least "
        f"{f['min_pct']} % ({rub(f['minimum_rub'])}) is due."
    )


def _fee(f: dict, e: dict) -> str:
    above = (
        f", above the cap of {inr(f['cap_inr'])}"
        if f.get("above_cap")
        else f" (the cap is {inr(f['cap_inr'])})"
    )
    return (
        f"The worker was charged a recruitment fee of {inr(f['fee_inr'])}{above}; "
        "the employer should pay recruitment costs."
    )


def _days_late(count) -> str:
    count = int(count)
    return ngettext("%(count)s day late", "%(count)s days late", count) % {"count": count}


def _wage_unpaid(f: dict, e: dict) -> str:
    return _(
        "%(month)s: of %(owed)s net pay owed (gross less income tax and deductions), %(paid)s "
        "was paid and %(outstanding)s is still unpaid, %(late)s (due within %(days)s days "
        "after the month's end)."
    ) % {
        "month": month_name(f["month"]),
        "owed": rub(f["owed_net_rub"]),
        "paid": rub(f["paid_rub"]),
        "outstanding": rub(f["outstanding_rub"]),
        "late": _days_late(f["days_late"]),
        "days": f["max_days_after_period"],
    }


def _final_settlement(f: dict, e: dict) -> str:
    named = {
        "month": month_name(f["month"]),
        "ended": day(f["ended_on"]),
        "due": day(f["due_on"]),
        "late": _days_late(f["days_late"]),
    }
    if f.get("paid_on"):
        return _(
            "The work ended on %(ended)s, so everything owed for %(month)s was due by %(due)s; "
            "it was paid on %(paid)s, %(late)s."
        ) % {**named, "paid": day(f["paid_on"])}
    return _(
        "The work ended on %(ended)s, so everything owed for %(month)s was due by %(due)s; "
        "%(outstanding)s of %(owed)s is still unpaid, %(late)s."
    ) % {**named, "outstanding": rub(f["outstanding_rub"]), "owed": rub(f["owed_net_rub"])}


def _advance_missing(f: dict, e: dict) -> str:
    named = {"month": month_name(f["month"]), "end": day(f["month_end"])}
    if f.get("advance_paid_on"):
        return _(
            "%(month)s was worked in full, but its half-month advance was paid only on "
            "%(paid)s, after the month ended on %(end)s."
        ) % {**named, "paid": day(f["advance_paid_on"])}
    return (
        _(
            "%(month)s was worked in full with no half-month advance reported; wages are paid at "
            "least every half month, the advance by %(end)s at the latest."
        )
        % named
    )


def _tax_implausible(f: dict, e: dict) -> str:
    return _(
        "%(month)s: %(tax)s was withheld as income tax from %(gross)s gross, above the highest "
        "rate of %(pct)s %% (%(ceiling)s); the excess of %(excess)s is a deduction, not tax."
    ) % {
        "month": month_name(f["month"]),
        "tax": rub(f["tax_withheld_rub"]),
        "gross": rub(f["gross_rub"]),
        "pct": f["ceiling_pct"],
        "ceiling": rub(f["ceiling_rub"]),
        "excess": rub(f["excess_rub"]),
    }


def _resident_rate(f: dict, e: dict) -> str:
    return _(
        "%(month)s: the worker, in Russia since %(arrived)s, became a tax resident on "
        "%(resident)s (day %(days)s), so income tax is %(pct)s %% of %(gross)s gross, "
        "%(due)s; %(tax)s was withheld, %(over)s too much, which the employer owes back to "
        "the worker."
    ) % {
        "month": month_name(f["month"]),
        "arrived": day(f["arrival_date"]),
        "resident": day(f["resident_on"]),
        "days": f["resident_after_days"],
        "pct": f["resident_rate_pct"],
        "gross": rub(f["gross_rub"]),
        "due": rub(f["resident_tax_rub"]),
        "tax": rub(f["tax_withheld_rub"]),
        "over": rub(f["over_withheld_rub"]),
    }


def _generic(f: dict, e: dict, period: str) -> str:
    when = f"{month_name(period)}: " if len(period) == 7 and period[4] == "-" else ""
    return f"{when}Expected {e.get('expected', '')}; found {e.get('actual', '')}."


SPECIAL = {
    "WAGE_UNDERPAID": _wage_underpaid,
    "WAGE_BELOW_MINIMUM": _wage_below_minimum,
    "WAGE_DEDUCTIONS_EXCESSIVE": _wage_deductions,
    "SOCIAL_CONTRIBUTIONS_MISSING": _contributions,
    "RECRUITMENT_FEE_CHARGED": _fee,
    "WAGE_UNPAID": _wage_unpaid,
    "WAGE_FINAL_SETTLEMENT_LATE": _final_settlement,
    "WAGE_ADVANCE_MISSING": _advance_missing,
    "TAX_WITHHOLDING_IMPLAUSIBLE": _tax_implausible,
    "TAX_RESIDENT_RATE_NOT_APPLIED": _resident_rate,
}


def describe_evidence(code: str, evidence: dict, period: str = "") -> str:
    figures = evidence.get("figures") or {}
    special = SPECIAL.get(code)
    try:
        sentence = special(figures, evidence) if special else _generic(figures, evidence, period)
    except (KeyError, TypeError, ValueError):
        sentence = _generic(figures, evidence, period)
    source = (evidence.get("legal_source") or "").strip()
    if source:
        sentence = f"{sentence} {source.rstrip('.')}."
    return sentence


def describe(finding) -> str:
    """The sentence pages and the API show for a finding."""
    return describe_evidence(finding.rule.code, finding.evidence or {}, finding.period)
