"""The sentence a person reads for a finding, wherever it is shown (API, pages, CSV)."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext, gettext_lazy

from compliance.models import CONDITION_CLEARED, RULE_DISABLED, Finding
from mobility import figures
from mobility.occupations import occupation_title

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


def _iso_day(value) -> str:
    return figures.day(date.fromisoformat(value))


def _mvd(f: dict, e: dict) -> str:
    """Each notice that is missing or late, in its own sentence."""
    sentences = []
    for notice in f["notices"]:
        words = {
            "event": _iso_day(notice["event_on"]),
            "deadline": _iso_day(notice["deadline"]),
            "count": f["working_days"],
        }
        if notice["notice"] == "start" and notice["recorded_on"] is None:
            sentence = gettext(
                "The MVD was not notified of the employment start of %(event)s; it was due "
                "within %(count)s working days, by %(deadline)s."
            )
        elif notice["notice"] == "start":
            sentence = gettext(
                "The MVD was notified of the employment start of %(event)s only on %(done)s, "
                "after the deadline of %(deadline)s."
            )
        elif notice["recorded_on"] is None:
            sentence = gettext(
                "The MVD was not notified of the end of the contract on %(event)s; it was due "
                "within %(count)s working days, by %(deadline)s."
            )
        else:
            sentence = gettext(
                "The MVD was notified of the end of the contract on %(event)s only on "
                "%(done)s, after the deadline of %(deadline)s."
            )
        if notice["recorded_on"] is not None:
            words["done"] = _iso_day(notice["recorded_on"])
        sentences.append(sentence % words)
    return " ".join(sentences)


def _occupation(code: str) -> str:
    title = occupation_title(code)
    return f"{title} ({code})" if title != code else code


def _permit_mismatch(f: dict, e: dict) -> str:
    words = {
        "job": f["job_title"],
        "region": figures.region(f["work_region"]),
        "permit_region": figures.region(f["permit_region"]),
        "occupation": _occupation(f["occupation"]),
        "permit_occupation": _occupation(f["permit_occupation"]),
    }
    sentences = []
    if "region" in f["differs"]:
        sentences.append(
            gettext(
                "The job “%(job)s” is in %(region)s, but the work permit is valid only in "
                "%(permit_region)s."
            )
            % words
        )
    if "occupation" in f["differs"]:
        sentences.append(
            gettext(
                "The job “%(job)s” is for %(occupation)s, but the work permit is for "
                "%(permit_occupation)s."
            )
            % words
        )
    return " ".join(sentences)


def _generic(f: dict, e: dict, period: str) -> str:
    when = f"{month_name(period)}: " if len(period) == 7 and period[4] == "-" else ""
    return f"{when}Expected {e.get('expected', '')}; found {e.get('actual', '')}."


SPECIAL = {
    "WAGE_UNDERPAID": _wage_underpaid,
    "WAGE_BELOW_MINIMUM": _wage_below_minimum,
    "WAGE_DEDUCTIONS_EXCESSIVE": _wage_deductions,
    "SOCIAL_CONTRIBUTIONS_MISSING": _contributions,
    "RECRUITMENT_FEE_CHARGED": _fee,
    "MVD_NOTIFICATION_OVERDUE": _mvd,
    "WORK_PERMIT_MISMATCH": _permit_mismatch,
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
