"""The money figures of the ledger and the workers' word on their wages, per employer and per
agency: each one aggregate query over querysets the caller has already scoped (the reader's
rows, narrowed by the dashboard's filters), so that a figure costs the same for ten employers
as for ten thousand.

Money is summed per currency and never added across currencies: {"RUB": ..., "INR": ...}.
"""

from decimal import Decimal

from django.db.models import (
    Case,
    CharField,
    Count,
    DecimalField,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Greatest

from compliance.entitlements.models import (
    ACCEPTED_ANSWERS,
    OWED_STATUSES,
    Entitlement,
    OwedBy,
    Payment,
)
from compliance.models import WageAnswer, WageReport
from compliance.wage_answers.models import WageAnswerKind

EMPLOYER = "employer"
AGENCY = "agency"
# How a case's rows belong to its employer or its agency, from each model.
CASE_OF = {EMPLOYER: "job_order__employer_id", AGENCY: "agency_id"}
OWING_PARTY = {EMPLOYER: OwedBy.EMPLOYER, AGENCY: OwedBy.AGENCY}

ZERO = Decimal("0.00")


def accepted(payments: QuerySet[Payment]) -> QuerySet[Payment]:
    """The payments that count against what is owed: confirmed by the worker, or accepted by
    an official after the worker's silence."""
    return payments.filter(answer__in=ACCEPTED_ANSWERS)


def _by_currency(rows) -> dict[str, Decimal]:
    return {row["currency"]: row["total"] for row in rows if row["total"]}


def money_total(payments: QuerySet[Payment]) -> dict[str, Decimal]:
    """`payments` summed by the currency of what they paid, whatever their answer."""
    rows = (
        payments.order_by()
        .values(currency=F("entitlement__currency"))
        .annotate(total=Sum("amount"))
        .order_by("currency")
    )
    return _by_currency(rows)


def money_recovered(payments: QuerySet[Payment]) -> dict[str, Decimal]:
    """Money recovered for workers: the accepted payments among `payments`, summed by the
    currency of what they paid."""
    return money_total(accepted(payments))


def _outstanding_sum():
    return Sum(
        Greatest(F("amount_owed") - F("paid_accepted"), Value(ZERO)),
        filter=Q(status__in=OWED_STATUSES),
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )


def outstanding(entitlements: QuerySet[Entitlement]) -> dict[str, Decimal]:
    """What is still owed on `entitlements` (open or partly paid; a waived amount is owed no
    more), by currency."""
    rows = (
        entitlements.order_by()
        .values("currency")
        .annotate(total=_outstanding_sum())
        .order_by("currency")
    )
    return _by_currency(rows)


# An employer does not learn of a dispute no official has shared with it (fear of
# retaliation): to it, such a month reads as not answered, like a worker's silence.
UNSHARED_DISPUTE = Q(answer=WageAnswerKind.DISPUTED) & ~Q(grievance__shared_with_employer=True)


def _latest_answer(hidden: Q | None):
    answers = WageAnswer.objects.filter(wage_report=OuterRef("pk")).order_by("-answered_at", "-pk")
    if hidden is not None:
        answers = answers.annotate(
            seen=Case(When(hidden, then=Value(None)), default=F("answer"), output_field=CharField())
        )
    return Subquery(answers.values("answer" if hidden is None else "seen")[:1])


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _word(row) -> dict:
    return {
        "reported_months": row["reported"],
        "answered_months": row["answered"],
        "confirmed_months": row["confirmed"],
        "disputed_months": row["disputed"],
        "confirmation_rate": _rate(row["confirmed"], row["answered"]),
        "dispute_rate": _rate(row["disputed"], row["answered"]),
    }


NO_WORD = _word(dict.fromkeys(("reported", "answered", "confirmed", "disputed"), 0))


def wage_word(
    wage_reports: QuerySet[WageReport], side: str | None = None, *, hidden: Q | None = None
) -> dict:
    """The workers' word on the wage months reported for their cases: how many months were
    reported, how many the worker answered, and the confirmation and dispute rates.

    The denominator of both rates is the answered months: the reported months among
    `wage_reports` that the worker of the case has answered at least once; a month counts by
    the worker's latest answer (confirmed, or disputed). Months still unanswered (pending, or
    past the time to answer) are reported but in neither rate. A rate is None without any
    answered month. With `side` (EMPLOYER or AGENCY) the figures are per employer or agency of
    the case, keyed by its id; without, for all of `wage_reports` together. A latest answer
    matching `hidden` (`UNSHARED_DISPUTE` for an employer's reading) counts as no answer."""
    rows = wage_reports.order_by().annotate(latest=_latest_answer(hidden))
    figures = {
        "reported": Count("pk"),
        "answered": Count("pk", filter=Q(latest__isnull=False)),
        "confirmed": Count("pk", filter=Q(latest=WageAnswerKind.CONFIRMED)),
        "disputed": Count("pk", filter=Q(latest=WageAnswerKind.DISPUTED)),
    }
    if side is None:
        return _word(rows.aggregate(**figures))
    grouped = rows.values(key=F(f"placement__{CASE_OF[side]}")).annotate(**figures)
    return {row["key"]: _word(row) for row in grouped}


def _money_by(queryset: QuerySet, key: str, currency: str, total) -> dict[int, dict[str, Decimal]]:
    found: dict[int, dict[str, Decimal]] = {}
    rows = queryset.order_by().values(key=F(key), money=F(currency)).annotate(total=total)
    for row in rows:
        if row["total"]:
            found.setdefault(row["key"], {})[row["money"]] = row["total"]
    return found


def scores(
    side: str,
    *,
    entitlements: QuerySet[Entitlement],
    payments: QuerySet[Payment],
    wage_reports: QuerySet[WageReport],
    hidden: Q | None = None,
) -> dict[int, dict]:
    """Per employer (side EMPLOYER) or per agency (AGENCY), keyed by its id: the workers'
    word on the wage months of its cases (`wage_word`, rates over answered months), what it
    still owes on its cases (`outstanding`, only amounts it is the owing party of) and what it
    paid that the workers accepted (`payments_accepted`, same), each by currency; `hidden` as
    `wage_word` takes it. Three
    grouped queries, whatever the number of employers or agencies."""
    case = CASE_OF[side]
    owing = OWING_PARTY[side]
    owed = _money_by(
        entitlements.filter(owed_by=owing),
        f"placement__{case}",
        "currency",
        _outstanding_sum(),
    )
    paid = _money_by(
        accepted(payments).filter(entitlement__owed_by=owing),
        f"entitlement__placement__{case}",
        "entitlement__currency",
        Sum("amount"),
    )
    word = wage_word(wage_reports, side, hidden=hidden)
    return {
        key: {
            **word.get(key, NO_WORD),
            "outstanding": owed.get(key, {}),
            "payments_accepted": paid.get(key, {}),
        }
        for key in {*owed, *paid, *word}
    }


# The figures of an employer or agency with nothing in scope.
NO_SCORES = {**NO_WORD, "outstanding": {}, "payments_accepted": {}}


def ledger_by_kind(entitlements: QuerySet[Entitlement], payments: QuerySet[Payment]) -> list[dict]:
    """By kind and currency: the amount owed on `entitlements`, what is still owed on them, and
    the accepted payments among `payments`; two grouped queries."""
    owed = (
        entitlements.order_by()
        .values("kind", "currency")
        .annotate(owed=Sum("amount_owed"), outstanding=_outstanding_sum())
    )
    paid = {
        (row["kind"], row["currency"]): row["total"]
        for row in accepted(payments)
        .order_by()
        .values(kind=F("entitlement__kind"), currency=F("entitlement__currency"))
        .annotate(total=Sum("amount"))
    }
    rows = {
        (row["kind"], row["currency"]): {
            "owed": row["owed"],
            "outstanding": row["outstanding"] or ZERO,
        }
        for row in owed
    }
    for key in paid:
        rows.setdefault(key, {"owed": ZERO, "outstanding": ZERO})
    return [
        {"kind": kind, "currency": currency, **figures, "paid": paid.get((kind, currency), ZERO)}
        for (kind, currency), figures in sorted(rows.items())
    ]
