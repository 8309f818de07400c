"""SPEC §5's case lifecycle written out by hand, row by row, for the tests to hold the code's
table (workers/placements/lifecycle.py) and its behaviour to. Change it only with SPEC."""

ROLES = ("agency", "employer", "official")
WITHDRAW = ("agency", "official"), ("reason",)

# SPEC §5, row by row: from, to, who may make the move, the body fields of the move.
SPEC_SECTION_5 = [
    ("draft", "submitted", ("agency",), ()),
    ("submitted", "accepted", ("employer",), ()),
    ("submitted", "rejected", ("employer",), ("reason",)),
    (
        "accepted",
        "contract_signed",
        ("employer",),
        ("contract_wage_rub", "contract_hours_per_week", "contract_start", "contract_end"),
    ),
    (
        "contract_signed",
        "visa_issued",
        ("agency", "official"),
        # With the permit's region and occupation since the amendments of 2026-12-02.
        (
            "visa_number",
            "work_permit_number",
            "work_permit_valid_from",
            "work_permit_valid_until",
            "work_permit_region",
            "work_permit_occupation",
        ),
    ),
    ("visa_issued", "departed", ("agency",), ("departure_date",)),
    ("departed", "arrived", ("employer", "official"), ("arrival_date",)),
    ("arrived", "employed", ("employer",), ("employment_start",)),
    ("employed", "completed", ("employer", "official"), ("end_date",)),
    ("employed", "terminated", ("employer", "official"), ("end_date", "reason")),
    ("arrived", "repatriated", ("official",), ("reason",)),
    ("employed", "repatriated", ("official",), ("reason",)),
    # "draft … visa_issued → withdrawn"
    ("draft", "withdrawn", *WITHDRAW),
    ("submitted", "withdrawn", *WITHDRAW),
    ("accepted", "withdrawn", *WITHDRAW),
    ("contract_signed", "withdrawn", *WITHDRAW),
    ("visa_issued", "withdrawn", *WITHDRAW),
]
SPEC_ROLES = {(source, to): set(who) for source, to, who, _ in SPEC_SECTION_5}
SPEC_FIELDS = {(source, to): set(fields) for source, to, _, fields in SPEC_SECTION_5}
