"""The sentence a person reads for a finding, wherever it is shown (API, pages, CSV)."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from compliance.findings.explanations import (
    amount,
    day,
    days,
    expected_and_found,
    hours,
    inr,
    month,
    pct,
    rub,
)
from compliance.models import CONDITION_CLEARED, RULE_DISABLED, WITHDRAWN_BY_WORKER, Finding
from compliance.rulebook.words import source_in_words
from mobility.figures import number, region
from mobility.occupations import occupation_title

DOUBLE_STOP = re.compile(r"\.\.(?=\s|$)")

# The reasons the engine and the rulebook write, said in the reader's language; a person's
# reason is shown as they wrote it.
CLOSED_BY_THE_SYSTEM = {
    CONDITION_CLEARED: gettext_lazy("The condition no longer holds."),
    RULE_DISABLED: gettext_lazy("The rule was switched off."),
    WITHDRAWN_BY_WORKER: gettext_lazy("The worker withdrew the dispute."),
}


def close_reason_in_words(finding: Finding) -> str:
    return str(CLOSED_BY_THE_SYSTEM.get(finding.close_reason, finding.close_reason))


def finding_message(finding: Finding) -> str:
    """What was expected, what was found and which law requires it, in one sentence."""
    return describe(finding)


def _wage_underpaid(f: dict) -> str:
    figures = {
        "month": month(f["month"]),
        "gross": rub(f["gross_rub"]),
        "owed": rub(f["owed_rub"]),
        "worked": hours(f["hours_worked"]),
        "norm": hours(f["norm_hours"]),
        "shortfall": rub(f["shortfall_rub"]),
    }
    if amount(f.get("overtime_hours")) > 0:
        return _(
            "%(month)s: %(gross)s gross was paid, but the contract owed %(owed)s for %(worked)s "
            "of normal work (the month's norm is %(norm)s) and %(overtime)s of overtime at "
            "%(multiplier)s× — short by %(shortfall)s."
        ) % {
            **figures,
            "overtime": hours(f["overtime_hours"]),
            "multiplier": number(amount(f["overtime_multiplier"])),
        }
    return (
        _(
            "%(month)s: %(gross)s gross was paid, but the contract owed %(owed)s for %(worked)s of "
            "normal work (the month's norm is %(norm)s) — short by %(shortfall)s."
        )
        % figures
    )


def _wage_below_minimum(f: dict) -> str:
    if f.get("kind") == "contract":
        what = _("The contract pays %(wage)s a month") % {"wage": rub(f["wage_rub"])}
    elif f.get("kind") == "job order":
        what = _("On %(day)s the open job order “%(title)s” offers %(wage)s a month") % {
            "day": day(f["judged_on"]),
            "title": f["job_order_title"],
            "wage": rub(f["wage_rub"]),
        }
    elif amount(f.get("overtime_pay_rub")) > 0:
        what = _(
            "%(month)s: a base pay of %(base)s for a full month (%(gross)s gross less "
            "%(overtime)s for overtime and premiums%(estimated)s)"
        ) % {
            "month": month(f["month"]),
            "base": rub(f["wage_rub"]),
            "gross": rub(f["gross_rub"]),
            "overtime": rub(f["overtime_pay_rub"]),
            "estimated": _(", at least what the overtime hours earn")
            if f.get("overtime_pay_estimated")
            else "",
        }
    else:
        what = _("%(month)s: %(wage)s gross was paid for a full month") % {
            "month": month(f["month"]),
            "wage": rub(f["wage_rub"]),
        }
    scope = f.get("minimum_scope") or ""
    return _(
        "%(what)s, below the minimum wage of %(minimum)s (%(scope)s, for %(hours)s a week) — "
        "short by %(shortfall)s."
    ) % {
        "what": what,
        "minimum": rub(f["minimum_rub"]),
        "scope": region(scope) if scope.startswith("RU-") else _("federal minimum"),
        "hours": hours(f["hours_per_week"]),
        "shortfall": rub(f["shortfall_rub"]),
    }


def _wage_deductions(f: dict) -> str:
    excess = amount(f.get("tax_excess_rub"))
    if excess > 0:
        deducted = _(
            "%(counted)s, %(excess)s of it withheld as income tax above %(ceiling)s of gross "
            "(%(ceiling_rub)s)"
        ) % {
            "counted": rub(f["deductions_counted_rub"]),
            "excess": rub(excess),
            "ceiling": pct(f["tax_ceiling_pct"]),
            "ceiling_rub": rub(f["tax_ceiling_rub"]),
        }
    else:
        deducted = rub(f["deductions_rub"])
    after_tax = f.get("pay_after_tax_rub") or (
        amount(f["gross_rub"]) - amount(f["tax_withheld_rub"])
    )
    return _(
        "%(month)s: the employer deducted %(deducted)s, more than %(max)s of the pay after "
        "income tax (%(after_tax)s), which allows at most %(cap)s."
    ) % {
        "month": month(f["month"]),
        "deducted": deducted,
        "max": pct(f["max_pct"]),
        "after_tax": rub(after_tax),
        "cap": rub(f["cap_rub"]),
    }


def _contributions(f: dict) -> str:
    figures = {"month": month(f["month"]), "gross": rub(f["gross_rub"])}
    figures |= {"min": pct(f["min_pct"]), "minimum": rub(f["minimum_rub"])}
    if f.get("stated"):
        return _(
            "%(month)s: %(stated)s of contributions were stated on a gross of %(gross)s; at "
            "least %(min)s (%(minimum)s) is due."
        ) % {**figures, "stated": rub(f["contributions_rub"])}
    return (
        _(
            "%(month)s: no contributions were stated on a gross of %(gross)s; at least %(min)s "
            "(%(minimum)s) is due."
        )
        % figures
    )


def _fee(f: dict) -> str:
    figures = {"fee": inr(f["fee_inr"]), "cap": inr(f["cap_inr"])}
    if f.get("above_cap"):
        return (
            _(
                "The worker was charged a recruitment fee of %(fee)s, above the cap of %(cap)s; "
                "the employer should pay recruitment costs."
            )
            % figures
        )
    return (
        _(
            "The worker was charged a recruitment fee of %(fee)s (the cap is %(cap)s); the "
            "employer should pay recruitment costs."
        )
        % figures
    )


def _days_late(count) -> str:
    count = int(count)
    return ngettext("%(count)s day late", "%(count)s days late", count) % {"count": count}


def _wage_unpaid(f: dict) -> str:
    return _(
        "%(month)s: of %(owed)s net pay owed (gross less income tax and deductions), %(paid)s "
        "was paid and %(outstanding)s is still unpaid, %(late)s (due within %(days)s "
        "after the month's end)."
    ) % {
        "month": month(f["month"]),
        "owed": rub(f["owed_net_rub"]),
        "paid": rub(f["paid_rub"]),
        "outstanding": rub(f["outstanding_rub"]),
        "late": _days_late(f["days_late"]),
        "days": days(f["max_days_after_period"]),
    }


def _final_settlement(f: dict) -> str:
    named = {
        "month": month(f["month"]),
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


def _advance_missing(f: dict) -> str:
    named = {"month": month(f["month"]), "end": day(f["month_end"])}
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


def _tax_implausible(f: dict) -> str:
    return _(
        "%(month)s: %(tax)s was withheld as income tax from %(gross)s gross, above the highest "
        "rate of %(pct)s (%(ceiling)s); the excess of %(excess)s is a deduction, not tax."
    ) % {
        "month": month(f["month"]),
        "tax": rub(f["tax_withheld_rub"]),
        "gross": rub(f["gross_rub"]),
        "pct": pct(f["ceiling_pct"]),
        "ceiling": rub(f["ceiling_rub"]),
        "excess": rub(f["excess_rub"]),
    }


def _resident_rate(f: dict) -> str:
    return _(
        "%(month)s: the worker, in Russia since %(arrived)s, became a tax resident on "
        "%(resident)s (day %(days)s), so income tax is %(pct)s of %(gross)s gross, "
        "%(due)s; %(tax)s was withheld, %(over)s too much, which the employer owes back to "
        "the worker."
    ) % {
        "month": month(f["month"]),
        "arrived": day(f["arrival_date"]),
        "resident": day(f["resident_on"]),
        "days": f["resident_after_days"],
        "pct": pct(f["resident_rate_pct"]),
        "gross": rub(f["gross_rub"]),
        "due": rub(f["resident_tax_rub"]),
        "tax": rub(f["tax_withheld_rub"]),
        "over": rub(f["over_withheld_rub"]),
    }


def _mvd(f: dict) -> str:
    """Each notice that is missing or late, in its own sentence."""
    sentences = []
    for notice in f["notices"]:
        words = {
            "event": day(notice["event_on"]),
            "deadline": day(notice["deadline"]),
            "count": f["working_days"],
        }
        if notice["notice"] == "start" and notice["recorded_on"] is None:
            sentence = _(
                "The MVD was not notified of the employment start of %(event)s; it was due "
                "within %(count)s working days, by %(deadline)s."
            )
        elif notice["notice"] == "start":
            sentence = _(
                "The MVD was notified of the employment start of %(event)s only on %(done)s, "
                "after the deadline of %(deadline)s."
            )
        elif notice["recorded_on"] is None:
            sentence = _(
                "The MVD was not notified of the end of the contract on %(event)s; it was due "
                "within %(count)s working days, by %(deadline)s."
            )
        else:
            sentence = _(
                "The MVD was notified of the end of the contract on %(event)s only on "
                "%(done)s, after the deadline of %(deadline)s."
            )
        if notice["recorded_on"] is not None:
            words["done"] = day(notice["recorded_on"])
        sentences.append(sentence % words)
    return " ".join(sentences)


def _occupation(code: str) -> str:
    """An ISCO-08 code by its title; the permit's own words as written."""
    return occupation_title(code)


def _permit_mismatch(f: dict) -> str:
    words = {
        "job": f["job_title"],
        "region": region(f["work_region"]),
        "permit_region": region(f["permit_region"]),
        "occupation": _occupation(f["occupation"]),
        "permit_occupation": _occupation(f["permit_occupation"]),
    }
    sentences = []
    if "region" in f["differs"]:
        sentences.append(
            _(
                "The job “%(job)s” is in %(region)s, but the work permit is valid only in "
                "%(permit_region)s."
            )
            % words
        )
    if "occupation" in f["differs"]:
        sentences.append(
            _(
                "The job “%(job)s” is for %(occupation)s, but the work permit is for "
                "%(permit_occupation)s."
            )
            % words
        )
    return " ".join(sentences)


def _generic(code: str, evidence: dict, period: str) -> str:
    expected, found = expected_and_found(code, evidence)
    sentence = _("Expected %(expected)s; found %(found)s.") % {
        "expected": expected,
        "found": found,
    }
    if len(period) == 7 and period[4] == "-":
        return _("%(month)s: %(sentence)s") % {"month": month(period), "sentence": sentence}
    return sentence


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
    "MVD_NOTIFICATION_OVERDUE": _mvd,
    "WORK_PERMIT_MISMATCH": _permit_mismatch,
}


def describe_evidence(code: str, evidence: dict, period: str = "") -> str:
    figures = evidence.get("figures") or {}
    special = SPECIAL.get(code)
    try:
        sentence = special(figures) if special else _generic(code, evidence, period)
    except (KeyError, TypeError, ValueError):
        sentence = _generic(code, evidence, period)
    source = source_in_words((evidence.get("legal_source") or "").strip())
    if source:
        sentence = f"{sentence} {source.rstrip('.')}."
    # A figure that ends in an abbreviation ("4 730 руб.", "2026 г.") ends the sentence too.
    return DOUBLE_STOP.sub(".", sentence)


def describe(finding) -> str:
    """The sentence pages and the API show for a finding."""
    return describe_evidence(finding.rule.code, finding.evidence or {}, finding.period)
