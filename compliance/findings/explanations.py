"""What each rule expected and what it found, in the reader's language, built from the
figures a finding keeps.

The engine stores figures (numbers, ISO dates, codes), not sentences, so that a Russian official
and a Hindi-reading agency read the same finding each in their own words; the English
`expected`/`actual` the engine also stores are only shown for a finding whose figures these
functions cannot read. tests/compliance/test_finding_words.py holds every rule to an entry here.
"""

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from compliance.models import IncidentSeverity, InsuranceKind
from compliance.rulebook.words import source_in_words
from employers.models import Sector, SponsorshipStatus
from mobility import figures
from mobility.occupations import occupation_title
from workers.models import AgencyStatus


def amount(value) -> Decimal:
    try:
        return Decimal(str(value))
    except (InvalidOperation, TypeError):
        return Decimal(0)


def rub(value) -> str:
    return figures.roubles(amount(value))


def inr(value) -> str:
    return figures.rupees(amount(value))


def pct(value) -> str:
    return _("%(number)s %%") % {"number": figures.number(amount(value))}


def hours(value) -> str:
    return figures.hours(amount(value))


def day(value) -> str:
    """An ISO date, or the date of an ISO timestamp."""
    if not value:
        return _("no date")
    text = str(value)
    try:
        return figures.day(
            datetime.fromisoformat(text).date() if "T" in text else date.fromisoformat(text)
        )
    except ValueError:
        return text


def month(value) -> str:
    try:
        return figures.month(date.fromisoformat(f"{value}-01"))
    except (TypeError, ValueError):
        return str(value)


def period(value: str) -> str:
    """A finding's period as a reader writes it: "2025-10" is "October 2025", a day a date;
    a year stays as it is."""
    if len(value) == 7:
        return month(value)
    return day(value) if len(value) == 10 else value


def days(count) -> str:
    count = int(amount(count))
    return ngettext("%(count)s day", "%(count)s days", count) % {"count": count}


def months(count) -> str:
    count = int(amount(count))
    return ngettext("%(count)s month", "%(count)s months", count) % {"count": count}


def workers(count) -> str:
    count = int(amount(count))
    return ngettext("%(count)s worker", "%(count)s workers", count) % {"count": count}


def cases(count) -> str:
    count = int(amount(count))
    return ngettext("%(count)s case in progress", "%(count)s cases in progress", count) % {
        "count": count
    }


def label(choices, value) -> str:
    return figures.quoted(str(dict(choices.choices).get(value, value)))


Explanation = Callable[[dict], tuple[str, str]]


def _passport(f: dict) -> tuple[str, str]:
    return (
        _(
            "a passport valid until at least %(needed)s, %(months)s after the contract ends "
            "on %(end)s"
        )
        % {
            "needed": day(f["needed_until"]),
            "months": months(f["months"]),
            "end": day(f["contract_end"]),
        },
        _("the passport expires on %(expiry)s") % {"expiry": day(f["passport_expiry"])},
    )


def _grievance(f: dict) -> tuple[str, str]:
    late = [
        clock
        for clock, is_late in (
            (
                _("not acknowledged within %(days)s") % {"days": days(f["ack_days"])},
                f.get("acknowledgement_late"),
            ),
            (
                _("not resolved within %(days)s") % {"days": days(f["resolve_days"])},
                f.get("resolution_late"),
            ),
        )
        if is_late
    ]
    return (
        _("acknowledged within %(ack)s and resolved within %(resolve)s of filing")
        % {"ack": days(f["ack_days"]), "resolve": days(f["resolve_days"])},
        _("the grievance filed on %(filed)s was %(late)s")
        % {"filed": day(f["filed_at"]), "late": _(" and ").join(late)},
    )


# The events an immigration clock starts from, as the engine names them.
EVENTS = {
    "arrival": lambda: _("arrival"),
    "the employment start": lambda: _("the employment start"),
    "the end of the contract": lambda: _("the end of the contract"),
}


def _deadline(what: Callable[[], str]) -> Explanation:
    def explain(f: dict) -> tuple[str, str]:
        event = EVENTS.get(f["event"], lambda: f["event"])()
        recorded, deadline = f.get("recorded_on"), day(f["deadline"])
        if not recorded:
            found = _("not recorded; the deadline was %(deadline)s") % {"deadline": deadline}
        elif recorded < f["event_on"]:
            found = _(
                "the last one recorded is of %(recorded)s, before %(event)s, and none since; "
                "the deadline was %(deadline)s"
            ) % {"recorded": day(recorded), "event": event, "deadline": deadline}
        else:
            found = _("recorded only on %(recorded)s, after the deadline of %(deadline)s") % {
                "recorded": day(recorded),
                "deadline": deadline,
            }
        expected = _("%(what)s after %(event)s on %(event_on)s, by %(deadline)s") % {
            "what": what(),
            "event": event,
            "event_on": day(f["event_on"]),
            "deadline": deadline,
        }
        return expected, found

    return explain


def _medical(f: dict) -> tuple[str, str]:
    missing = [_named(MISSING)(name) for name in f.get("missing") or []]
    return (
        _(
            "the medical examination and fingerprint registration after arrival on "
            "%(arrival)s, by %(deadline)s"
        )
        % {"arrival": day(f["arrival_date"]), "deadline": day(f["deadline"])},
        _("%(missing)s not recorded in time") % {"missing": _(" and ").join(missing)},
    )


def _work_permit(f: dict) -> tuple[str, str]:
    if f.get("expired"):
        expected = _("a work permit valid today")
        found = (
            _("the work permit expired on %(until)s") % {"until": day(f["valid_until"])}
            if f.get("valid_until")
            else _("no work permit validity recorded")
        )
    else:
        expected = _("a work permit valid until the contract ends on %(end)s") % {
            "end": day(f["contract_end"])
        }
        found = _("the work permit ends on %(until)s") % {"until": day(f["valid_until"])}
    return expected, found


# What the watchlist matched, by the kind the engine records.
WATCHED = {
    "inn": lambda: _("the employer's INN"),
    "licence": lambda: _("the agency's licence number"),
    "passport": lambda: _("the worker's passport number"),
}


def _watchlist(f: dict) -> tuple[str, str]:
    what = WATCHED.get(f["watched"], lambda: f["watched"])()
    return (
        _("%(what)s not on the officials' watchlist") % {"what": what},
        _("%(what)s %(value)s is on the watchlist since %(listed)s")
        % {"what": what, "value": f["value"], "listed": day(f.get("listed_on"))},
    )


def _duplicate(f: dict) -> tuple[str, str]:
    matches = f.get("matches") or []
    best = max((amount(m.get("similarity")) for m in matches), default=Decimal(0))
    return (
        _("one record per person across agencies"),
        ngettext(
            "%(count)s record in another agency with the same date of birth and a name "
            "similarity of up to %(similarity)s",
            "%(count)s records in other agencies with the same date of birth and a name "
            "similarity of up to %(similarity)s",
            len(matches),
        )
        % {"count": len(matches), "similarity": figures.number(best)},
    )


def _fee(f: dict) -> tuple[str, str]:
    return (
        _("no fee charged to the worker"),
        _("%(fee)s charged to the worker (the cap is %(cap)s)")
        % {"fee": inr(f["fee_inr"]), "cap": inr(f["cap_inr"])},
    )


def _sponsorship(f: dict) -> tuple[str, str]:
    return (
        _("an approved sponsorship while cases are accepted or later"),
        _("sponsorship %(status)s, with %(cases)s")
        % {
            "status": label(SponsorshipStatus, f["sponsorship_status"]),
            "cases": cases(f["active_cases"]),
        },
    )


def _quota(f: dict) -> tuple[str, str]:
    return (
        _("at most %(quota)s under contract (the approved quota)") % {"quota": workers(f["quota"])},
        _("%(count)s under contract") % {"count": workers(f["active_cases"])},
    )


def _licence(f: dict) -> tuple[str, str]:
    if f.get("agency_status") != AgencyStatus.ACTIVE:
        problem = _("licence %(status)s") % {"status": label(AgencyStatus, f["agency_status"])}
    else:
        problem = _("licence expired on %(until)s") % {"until": day(f["licence_valid_until"])}
    return (
        _("a valid, active recruitment licence while cases are in progress"),
        _("%(problem)s, with %(cases)s") % {"problem": problem, "cases": cases(f["active_cases"])},
    )


def _induction(f: dict) -> tuple[str, str]:
    return (
        _("a safety induction on or before %(start)s") % {"start": day(f["employment_start"])},
        _("no safety induction recorded by then"),
    )


def _training(f: dict) -> tuple[str, str]:
    return (
        _("safety training within the last %(months)s (%(sector)s)")
        % {"months": months(f["refresh_months"]), "sector": label(Sector, f.get("sector"))},
        _("last training on %(on)s") % {"on": day(f["last_training_on"])}
        if f.get("last_training_on")
        else _("no safety training recorded"),
    )


def _incident(f: dict) -> tuple[str, str]:
    return (
        _("no serious or fatal incident"),
        _("an incident of severity %(severity)s on %(on)s")
        % {"severity": label(IncidentSeverity, f["incident_severity"]), "on": day(f["date"])},
    )


def _contributions(f: dict) -> tuple[str, str]:
    return (
        _("contributions of at least %(minimum)s (%(pct)s of %(gross)s gross)")
        % {
            "minimum": rub(f["minimum_rub"]),
            "pct": pct(f["min_pct"]),
            "gross": rub(f["gross_rub"]),
        },
        _("%(stated)s stated") % {"stated": rub(f["contributions_rub"])}
        if f.get("stated")
        else _("no contributions stated"),
    )


def _dms(f: dict) -> tuple[str, str]:
    return (
        _("a medical insurance policy (DMS) valid on %(on)s") % {"on": day(f["on"])},
        _("no valid DMS policy"),
    )


def _origin(f: dict) -> tuple[str, str]:
    return _("an origin-country cover (PBBY or equivalent)"), _("no origin-country cover recorded")


def _insurance_expiring(f: dict) -> tuple[str, str]:
    return (
        _("cover until the contract ends on %(end)s") % {"end": day(f["contract_end"])},
        _("the %(kind)s policy %(number)s ends on %(until)s")
        % {
            "kind": label(InsuranceKind, f["kind"]),
            "number": f["policy_number"],
            "until": day(f["valid_until"]),
        },
    )


def _below_minimum(f: dict) -> tuple[str, str]:
    return (
        _("at least %(minimum)s a month") % {"minimum": rub(f["minimum_rub"])},
        _("%(wage)s a month") % {"wage": rub(f["wage_rub"])},
    )


# Where a weekly limit was found broken, as the engine names it.
FOUND_IN = {
    "contract": lambda: _("in the contract"),
    "job order": lambda: _("in the job order"),
}


def _weekly_hours(f: dict) -> tuple[str, str]:
    where = FOUND_IN.get(f.get("found_in"), lambda: f.get("found_in", ""))()
    return (
        _("at most %(hours)s a week") % {"hours": hours(f["max_hours_per_week"])},
        _("%(hours)s a week %(where)s") % {"hours": hours(f["hours_per_week"]), "where": where},
    )


def _substitution(f: dict) -> tuple[str, str]:
    return (
        _("%(wage)s a month for %(hours)s a week, as in the job order")
        % {"wage": rub(f["job_order_wage_rub"]), "hours": hours(f["job_order_hours"])},
        _("%(wage)s a month for %(hours)s a week in the contract")
        % {"wage": rub(f["contract_wage_rub"]), "hours": hours(f["contract_hours"])},
    )


def _underpaid(f: dict) -> tuple[str, str]:
    return (
        _("%(owed)s owed for the month") % {"owed": rub(f["owed_rub"])},
        _("%(gross)s gross paid") % {"gross": rub(f["gross_rub"])},
    )


def _paid_late(f: dict) -> tuple[str, str]:
    return (
        _("paid at most %(days)s after the month's end")
        % {"days": days(f["max_days_after_period"])},
        _("paid on %(on)s, %(days)s after")
        % {"on": day(f["paid_on"]), "days": days(f["days_after"])},
    )


def _report_missing(f: dict) -> tuple[str, str]:
    return (
        _("a wage report for %(month)s by day %(day)s of the next month")
        % {"month": month(f["month"]), "day": f["due_day"]},
        _("no wage report"),
    )


def _overtime(f: dict) -> tuple[str, str]:
    return (
        _("at most %(hours)s of overtime in %(year)s")
        % {"hours": hours(f["max_hours_per_year"]), "year": f["year"]},
        _("%(hours)s of overtime reported") % {"hours": hours(f["overtime_hours"])},
    )


def _deductions(f: dict) -> tuple[str, str]:
    return (
        _("deductions of at most %(cap)s") % {"cap": rub(f["cap_rub"])},
        _("%(deducted)s deducted")
        % {"deducted": rub(f.get("deductions_counted_rub", f["deductions_rub"]))},
    )


def _unpaid(f: dict) -> tuple[str, str]:
    return (
        _("%(owed)s paid within %(days)s after the month's end")
        % {"owed": rub(f["owed_net_rub"]), "days": days(f["max_days_after_period"])},
        _("%(outstanding)s still unpaid") % {"outstanding": rub(f["outstanding_rub"])},
    )


def _advance(f: dict) -> tuple[str, str]:
    return (
        _("a half-month advance paid by %(end)s") % {"end": day(f["month_end"])},
        _("advance paid on %(on)s") % {"on": day(f["advance_paid_on"])}
        if f.get("advance_paid_on")
        else _("no advance reported"),
    )


def _settlement(f: dict) -> tuple[str, str]:
    return (
        _("everything owed paid by %(due)s, %(grace)s after the last day of work")
        % {"due": day(f["due_on"]), "grace": days(f["grace_days"])},
        _("paid on %(on)s") % {"on": day(f["paid_on"])}
        if f.get("paid_on") and amount(f.get("outstanding_rub")) <= 0
        else _("%(outstanding)s still unpaid") % {"outstanding": rub(f["outstanding_rub"])},
    )


def _disputed(f: dict) -> tuple[str, str]:
    return (
        _("%(net)s reaching the worker, as the employer reported")
        % {"net": rub(f["reported_net_rub"])},
        _("the worker says %(received)s arrived, %(difference)s less")
        % {"received": rub(f["received_rub"]), "difference": rub(f["difference_rub"])},
    )


def _tax_ceiling(f: dict) -> tuple[str, str]:
    return (
        _("income tax of at most %(pct)s of gross, %(ceiling)s")
        % {"pct": pct(f["ceiling_pct"]), "ceiling": rub(f["ceiling_rub"])},
        _("%(tax)s withheld as income tax") % {"tax": rub(f["tax_withheld_rub"])},
    )


def _resident_rate(f: dict) -> tuple[str, str]:
    return (
        _("income tax at the resident rate of %(pct)s of gross, %(tax)s")
        % {"pct": pct(f["resident_rate_pct"]), "tax": rub(f["resident_tax_rub"])},
        _("%(tax)s withheld; resident from %(on)s")
        % {"tax": rub(f["tax_withheld_rub"]), "on": day(f["resident_on"])},
    )


# The two MVD notices, by the name the engine gives them, as the event each one reports.
NOTICES = {
    "start": lambda: _("the employment start"),
    "end": lambda: _("the end of the contract"),
}


def _mvd(f: dict) -> tuple[str, str]:
    expected, found = [], []
    for notice in f["notices"]:
        event = NOTICES[notice["notice"]]()
        expected.append(
            _("notification of the MVD of %(event)s on %(event_on)s, by %(deadline)s")
            % {
                "event": event,
                "event_on": day(notice["event_on"]),
                "deadline": day(notice["deadline"]),
            }
        )
        found.append(
            _("the notice of %(event)s was recorded only on %(done)s")
            % {"event": event, "done": day(notice["recorded_on"])}
            if notice.get("recorded_on")
            else _("the notice of %(event)s is not recorded") % {"event": event}
        )
    return "; ".join(expected), "; ".join(found)


def _permit_mismatch(f: dict) -> tuple[str, str]:
    words = {
        "region": figures.region(f["permit_region"]),
        "occupation": occupation_title(f["permit_occupation"]),
    }
    expected = (
        _("work in the permit's region, %(region)s, and its occupation, %(occupation)s")
        if "occupation" in f.get("differs", [])
        else _("work in the permit's region, %(region)s")
    ) % words
    found = _("the job “%(job)s” is in %(region)s, occupation %(occupation)s") % {
        "job": f["job_title"],
        "region": figures.region(f["work_region"]),
        "occupation": occupation_title(f["occupation"]),
    }
    return expected, found


EXPLANATIONS: dict[str, Explanation] = {
    "PASSPORT_EXPIRING": _passport,
    "GRIEVANCE_SLA_BREACHED": _grievance,
    "MVD_NOTIFICATION_OVERDUE": _mvd,
    "MIGRATION_REGISTRATION_OVERDUE": _deadline(lambda: _("migration registration")),
    "MEDICAL_BIOMETRICS_OVERDUE": _medical,
    "WORK_PERMIT_EXPIRED": _work_permit,
    "WATCHLIST_MATCH": _watchlist,
    "WORKER_DUPLICATE": _duplicate,
    "RECRUITMENT_FEE_CHARGED": _fee,
    "EMPLOYER_NOT_APPROVED": _sponsorship,
    "EMPLOYER_QUOTA_EXCEEDED": _quota,
    "AGENCY_LICENCE_INVALID": _licence,
    "SAFETY_INDUCTION_MISSING": _induction,
    "SAFETY_TRAINING_OVERDUE": _training,
    "SAFETY_INCIDENT_SERIOUS": _incident,
    "SOCIAL_CONTRIBUTIONS_MISSING": _contributions,
    "INSURANCE_DMS_MISSING": _dms,
    "INSURANCE_ORIGIN_MISSING": _origin,
    "INSURANCE_EXPIRING": _insurance_expiring,
    "WAGE_BELOW_MINIMUM": _below_minimum,
    "HOURS_WEEKLY_EXCEEDED": _weekly_hours,
    "WAGE_CONTRACT_SUBSTITUTION": _substitution,
    "WAGE_UNDERPAID": _underpaid,
    "WAGE_PAID_LATE": _paid_late,
    "WAGE_REPORT_MISSING": _report_missing,
    "OVERTIME_ANNUAL_EXCEEDED": _overtime,
    "WAGE_DEDUCTIONS_EXCESSIVE": _deductions,
    "WAGE_UNPAID": _unpaid,
    "WAGE_ADVANCE_MISSING": _advance,
    "WAGE_FINAL_SETTLEMENT_LATE": _settlement,
    "WAGE_DISPUTED_BY_WORKER": _disputed,
    "TAX_WITHHOLDING_IMPLAUSIBLE": _tax_ceiling,
    "TAX_RESIDENT_RATE_NOT_APPLIED": _resident_rate,
    "WORK_PERMIT_MISMATCH": _permit_mismatch,
}


def expected_and_found(code: str, evidence: dict) -> tuple[str, str]:
    """The two sentences of a finding; the engine's stored English for figures of an older
    shape than the explanation reads."""
    explain = EXPLANATIONS.get(code)
    if explain is not None:
        try:
            return explain(evidence.get("figures") or {})
        except (KeyError, TypeError, ValueError, AttributeError):
            pass
    return evidence.get("expected", ""), evidence.get("actual", "")


def _yes_no(value) -> str:
    return _("yes") if value else _("no")


def _choice(choices) -> Callable[[object], str]:
    return lambda value: str(dict(choices.choices).get(value, value))


def _named(names: dict) -> Callable[[object], str]:
    return lambda value: names[value]() if value in names else str(value)


def _scope(value) -> str:
    return figures.region(value) if str(value).startswith("RU-") else _("federal minimum")


def _text(value) -> str:
    return str(value)


# What the engine calls a month, a contract or a job order when it judges a wage.
WAGE_KINDS = {
    "contract": lambda: _("the contract"),
    "job order": lambda: _("the job order"),
    "month": lambda: _("a reported month"),
}
INSURANCE_OR_WAGE_KIND = {
    **WAGE_KINDS,
    **{k: (lambda k=k: str(InsuranceKind(k).label)) for k in InsuranceKind.values},
}

# What a deadline rule found missing, as the engine names it.
MISSING = {
    "medical examination": lambda: _("the medical examination"),
    "fingerprint registration": lambda: _("the fingerprint registration"),
    "start": lambda: _("the notice of the employment start"),
    "end": lambda: _("the notice of the end of the contract"),
}
DIFFERS = {"region": lambda: _("region"), "occupation": lambda: _("occupation")}

# Each figure a finding may keep: its label and how its value is written. Ids are left out.
FIGURES: dict[str, tuple[Callable[[], str], Callable[[object], str]]] = {
    "above_cap": (lambda: _("Above the cap"), _yes_no),
    "differs": (
        lambda: _("Differs in"),
        lambda value: ", ".join(_named(DIFFERS)(v) for v in value or []),
    ),
    "job_title": (lambda: _("Job"), _text),
    "occupation": (lambda: _("Occupation of the job"), occupation_title),
    "permit_occupation": (lambda: _("Occupation on the permit"), occupation_title),
    "permit_region": (lambda: _("Region of the permit"), figures.region),
    "work_region": (lambda: _("Region of the job"), figures.region),
    "working_days": (lambda: _("Working days allowed"), figures.number),
    "advance_paid_on": (lambda: _("Advance paid on"), day),
    "ceiling_pct": (lambda: _("Income tax ceiling"), pct),
    "ceiling_rub": (lambda: _("Income tax ceiling in roubles"), rub),
    "days_late": (lambda: _("Days late"), days),
    "difference_rub": (lambda: _("Difference"), rub),
    "due_on": (lambda: _("Due on"), day),
    "enabled_from": (lambda: _("Judged from"), day),
    "ended_on": (lambda: _("Work ended on"), day),
    "excess_rub": (lambda: _("Tax withheld above the ceiling"), rub),
    "grace_days": (lambda: _("Days of grace"), days),
    "month_end": (lambda: _("Month ends on"), day),
    "outstanding_rub": (lambda: _("Still unpaid"), rub),
    "over_withheld_rub": (lambda: _("Withheld too much"), rub),
    "overtime_pay_estimated": (lambda: _("Overtime pay estimated"), _yes_no),
    "overtime_pay_rub": (lambda: _("Overtime pay"), rub),
    "owed_net_rub": (lambda: _("Net pay owed"), rub),
    "paid_rub": (lambda: _("Paid"), rub),
    "resident_after_days": (lambda: _("Resident after"), days),
    "resident_on": (lambda: _("Tax resident from"), day),
    "resident_rate_pct": (lambda: _("Resident rate"), pct),
    "resident_tax_rub": (lambda: _("Tax at the resident rate"), rub),
    "ack_days": (lambda: _("Days to acknowledge"), days),
    "acknowledgement_late": (lambda: _("Acknowledged late"), _yes_no),
    "active_cases": (lambda: _("Cases in progress"), figures.number),
    "agency_status": (lambda: _("Agency status"), _choice(AgencyStatus)),
    "arrival_date": (lambda: _("Arrival"), day),
    "cap_inr": (lambda: _("Fee cap"), inr),
    "cap_rub": (lambda: _("Most that may be deducted"), rub),
    "contract_end": (lambda: _("Contract end"), day),
    "contract_hours": (lambda: _("Contract hours a week"), hours),
    "contract_wage_rub": (lambda: _("Contract wage a month"), rub),
    "contributions_rub": (lambda: _("Contributions stated"), rub),
    "date": (lambda: _("Date"), day),
    "date_of_birth": (lambda: _("Date of birth"), day),
    "days_after": (lambda: _("Days after the month's end"), days),
    "deadline": (lambda: _("Deadline"), day),
    "deductions_counted_rub": (lambda: _("Deductions counted"), rub),
    "deducted_above_cap_rub": (lambda: _("Deducted above the cap"), rub),
    "deductions_rub": (lambda: _("Deductions reported"), rub),
    "description": (lambda: _("Description"), _text),
    "due_day": (lambda: _("Due by day of the next month"), _text),
    "employment_start": (lambda: _("Employment start"), day),
    "event": (lambda: _("Counted from"), _named(EVENTS)),
    "event_on": (lambda: _("Counted from the day"), day),
    "expired": (lambda: _("Expired"), _yes_no),
    "fee_inr": (lambda: _("Fee charged"), inr),
    "filed_at": (lambda: _("Filed on"), day),
    "fingerprinted_on": (lambda: _("Fingerprinted on"), day),
    "found_in": (lambda: _("Found in"), _named(FOUND_IN)),
    "gross_rub": (lambda: _("Gross pay"), rub),
    "hours_per_week": (lambda: _("Hours a week"), hours),
    "hours_worked": (lambda: _("Normal hours worked"), hours),
    "incident_severity": (lambda: _("Incident severity"), _choice(IncidentSeverity)),
    "job_order_hours": (lambda: _("Job order hours a week"), hours),
    "job_order_title": (lambda: _("Job order"), _text),
    "job_order_wage_rub": (lambda: _("Job order wage a month"), rub),
    "judged_on": (lambda: _("Judged on"), day),
    "kind": (lambda: _("Kind"), _named(INSURANCE_OR_WAGE_KIND)),
    "last_training_on": (lambda: _("Last training"), day),
    "licence_number": (lambda: _("Licence number"), _text),
    "licence_valid_until": (lambda: _("Licence valid until"), day),
    "listed_on": (lambda: _("On the watchlist since"), day),
    "matches": (lambda: _("Similar records"), lambda value: figures.number(len(value or []))),
    "max_days_after_period": (lambda: _("Most days after the month's end"), days),
    "max_hours_per_week": (lambda: _("Most hours a week"), hours),
    "max_hours_per_year": (lambda: _("Most overtime a year"), hours),
    "max_pct": (lambda: _("Deduction cap"), pct),
    "medical_exam_on": (lambda: _("Medical examination on"), day),
    "min_pct": (lambda: _("Lowest contribution rate"), pct),
    "minimum_rub": (lambda: _("Minimum"), rub),
    "minimum_scope": (lambda: _("Minimum of"), _scope),
    "minimum_source": (
        lambda: _("Source of the minimum"),
        lambda value: source_in_words(str(value)),
    ),
    "missing": (
        lambda: _("Not recorded in time"),
        lambda value: ", ".join(str(v) for v in value or []),
    ),
    "month": (lambda: _("Month"), month),
    "months": (lambda: _("Months of validity needed"), months),
    "name_similarity": (lambda: _("Name similarity threshold"), figures.number),
    "needed_until": (lambda: _("Needed until"), day),
    "norm_hours": (lambda: _("The month's norm"), hours),
    "notice_days": (lambda: _("Days of notice"), days),
    "on": (lambda: _("Judged on"), day),
    "overtime_hours": (lambda: _("Overtime hours"), hours),
    "overtime_multiplier": (
        lambda: _("Overtime rate"),
        lambda value: f"{figures.number(amount(value))}×",
    ),
    "owed_rub": (lambda: _("Owed"), rub),
    "paid_on": (lambda: _("Paid on"), day),
    "passport_expiry": (lambda: _("Passport expiry"), day),
    "pay_after_tax_rub": (lambda: _("Pay after income tax"), rub),
    "policy_number": (lambda: _("Policy number"), _text),
    "quota": (lambda: _("Approved quota"), figures.number),
    "reason": (lambda: _("Reason"), _text),
    "receipt": (lambda: _("Receipt"), _text),
    "received_rub": (lambda: _("Received, the worker says"), rub),
    "recorded_on": (lambda: _("Recorded on"), day),
    "refresh_months": (lambda: _("Training every"), months),
    "reported_net_rub": (lambda: _("Net pay reported"), rub),
    "resolution_late": (lambda: _("Resolved late"), _yes_no),
    "resolve_days": (lambda: _("Days to resolve"), days),
    "sector": (lambda: _("Sector"), _choice(Sector)),
    "shortfall_rub": (lambda: _("Shortfall"), rub),
    "sponsorship_status": (lambda: _("Sponsorship status"), _choice(SponsorshipStatus)),
    "stated": (lambda: _("Contributions stated"), _yes_no),
    "tax_ceiling_pct": (lambda: _("Income tax ceiling"), pct),
    "tax_ceiling_rub": (lambda: _("Income tax ceiling in roubles"), rub),
    "tax_excess_rub": (lambda: _("Tax withheld above the ceiling"), rub),
    "tax_withheld_rub": (lambda: _("Income tax withheld"), rub),
    "tolerance_pct": (lambda: _("Tolerance"), pct),
    "tolerance_rub": (lambda: _("Tolerance"), rub),
    "valid_until": (lambda: _("Valid until"), day),
    "value": (lambda: _("Matched value"), _text),
    "wage_rub": (lambda: _("Wage a month"), rub),
    "watched": (lambda: _("Watched"), _named(WATCHED)),
    "work_permit_number": (lambda: _("Work permit number"), _text),
    "year": (lambda: _("Year"), _text),
}
HIDDEN_FIGURES = {"job_order_id", "notices"}


def figures_in_words(evidence: dict) -> list[tuple[str, str]]:
    """The figure table of a finding page: labels and values as the reader writes them."""
    rows = []
    for name, value in (evidence.get("figures") or {}).items():
        if name in HIDDEN_FIGURES or value is None:
            continue
        label, write = FIGURES.get(name, (lambda name=name: name.replace("_", " "), _text))
        try:
            rows.append((label(), write(value)))
        except (KeyError, TypeError, ValueError, AttributeError):
            rows.append((label(), str(value)))
    return rows
