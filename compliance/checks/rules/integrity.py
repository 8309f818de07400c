"""Integrity: the same person registered twice by different agencies; the officials' watchlist."""

import unicodedata
from itertools import groupby

from rapidfuzz import fuzz, process

from compliance.checks.rules.base import Context, Hit, evidence, fetch


def normalised_name(name: str) -> str:
    """Accents, case, punctuation and word order do not make two people different."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch if ch.isalpha() else " " for ch in text if not unicodedata.combining(ch))
    return " ".join(sorted(text.lower().split()))


def name_similarity(a: str, b: str) -> float:
    return fuzz.ratio(normalised_name(a), normalised_name(b))


def worker_duplicate(ctx: Context, kind: str, ids) -> list[Hit]:
    """Passport numbers are unique in the database, so only the name and date of birth can
    reveal one person registered twice; comparisons are blocked by date of birth so they scale."""
    code = "WORKER_DUPLICATE"
    threshold = float(ctx.param(code, "name_similarity"))
    # The batch scorer rounds differently from fuzz.ratio, so it only shortlists candidates
    # and fuzz.ratio decides: a pair scoring exactly the parameter must not miss by a rounding.
    shortlist = threshold - 0.5
    scoped = "true" if ids is None else "id = ANY(%(ids)s)"
    rows = fetch(
        f"""
        SELECT id, agency_id, full_name, date_of_birth FROM workers_worker
        WHERE date_of_birth IN (SELECT date_of_birth FROM workers_worker WHERE {scoped})
        ORDER BY date_of_birth, id
        """,
        {"ids": list(ids or [])},
    )
    wanted = None if ids is None else set(ids)
    matches: dict[int, list[dict]] = {}
    for _, group in groupby(rows, key=lambda r: r["date_of_birth"]):
        people = list(group)
        if len(people) < 2:
            continue
        names = [normalised_name(p["full_name"]) for p in people]
        for i, person in enumerate(people):
            if wanted is not None and person["id"] not in wanted:
                continue
            scored = process.extract(
                names[i], names, scorer=fuzz.ratio, score_cutoff=shortlist, limit=None
            )
            for _, _, j in scored:
                other = people[j]
                if j == i or other["agency_id"] == person["agency_id"]:
                    continue
                score = fuzz.ratio(names[i], names[j])
                if score >= threshold:
                    matches.setdefault(person["id"], []).append(
                        {
                            "worker": other["id"],
                            "agency": other["agency_id"],
                            "similarity": round(score, 1),
                        }
                    )
    by_id = {row["id"]: row for row in rows}
    hits = []
    for worker_id, others in matches.items():
        row = by_id[worker_id]
        best = max(o["similarity"] for o in others)
        hits.append(
            Hit(
                subject_key=f"worker:{worker_id}",
                period="",
                worker_id=worker_id,
                agency_id=row["agency_id"],
                evidence=evidence(
                    ctx,
                    code,
                    expected="one record per person across agencies",
                    actual=(
                        f"{len(others)} record(s) in another agency with the same date of birth "
                        f"and a name similarity of up to {best:g}"
                    ),
                    date_of_birth=row["date_of_birth"].isoformat(),
                    matches=others,
                    name_similarity=threshold,
                ),
            )
        )
    return hits


WATCHED = {
    "employer": ("employers_employer", "inn", "inn", "the employer's INN"),
    "agency": ("workers_agency", "licence_number", "licence", "the agency's licence number"),
    "worker": ("workers_worker", "passport_number", "passport", "the worker's passport number"),
}


def watchlist_match(ctx: Context, kind: str, ids) -> list[Hit]:
    code = "WATCHLIST_MATCH"
    table, column, watch_kind, label = WATCHED[kind]
    scoped = "true" if ids is None else "s.id = ANY(%(ids)s)"
    agency = "s.agency_id" if kind == "worker" else ("s.id" if kind == "agency" else "NULL")
    rows = fetch(
        f"""
        SELECT s.id, {agency} AS agency_id, s.{column} AS value, w.reason, w.added_at
        FROM {table} s
        JOIN compliance_watchlistentry w
          ON w.kind = %(kind)s AND upper(btrim(w.value)) = upper(btrim(s.{column}))
        WHERE {scoped}
        """,
        {"kind": watch_kind, "ids": list(ids or [])},
    )
    return [
        Hit(
            subject_key=f"{kind}:{row['id']}",
            period="",
            agency_id=row["agency_id"],
            employer_id=row["id"] if kind == "employer" else None,
            worker_id=row["id"] if kind == "worker" else None,
            evidence=evidence(
                ctx,
                code,
                expected=f"{label} not on the officials' watchlist",
                actual=f"{label} {row['value']} is on the watchlist",
                watched=watch_kind,
                value=row["value"],
                reason=row["reason"],
                listed_on=row["added_at"].date().isoformat(),
            ),
        )
        for row in rows
    ]
