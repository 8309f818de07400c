"""Small-cell suppression of the public figures, so that no published number points at a few
workers.

A cell counting 1 to 9 is withheld ("primary", shown as "< 10"). A withheld cell must not be
recoverable by subtracting the cells shown from a total shown: every row and every column
(a line: its cells and its total) that withholds exactly one entry withholds a second one
("complementary", shown as "*"), the smallest one left, preferring cells over totals. That may
leave another line with a single withheld entry, so lines are checked until none is. A zero is
shown: it says that nobody is counted there, which is true of no one in particular.
"""

from dataclasses import dataclass

THRESHOLD = 10
SMALL = "small"
COMPLEMENT = "complement"


@dataclass
class Suppressed:
    """A table as published: each figure is its count, or SMALL or COMPLEMENT when withheld.
    `row_totals`, `column_totals` and `total` are None when the table has no such margin."""

    cells: list[list[int | str]]
    row_totals: list[int | str] | None
    column_totals: list[int | str] | None
    total: int | str | None


def suppress(
    cells: list[list[int]],
    *,
    row_totals: bool,
    column_totals: bool,
    threshold: int = THRESHOLD,
) -> Suppressed:
    """`cells` (rows of counts) with the totals the page shows: a row's total when
    `row_totals`, a column's when `column_totals`, and the grand total when both."""
    height, width = len(cells), len(cells[0]) if cells else 0
    # Every figure by position: (i, j) a cell, (i, "T") a row total, ("T", j) a column total.
    values: dict[tuple, int] = {(i, j): cells[i][j] for i in range(height) for j in range(width)}
    lines: list[list[tuple]] = []
    if row_totals:
        for i in range(height):
            values[(i, "T")] = sum(cells[i])
            lines.append([*((i, j) for j in range(width)), (i, "T")])
    if column_totals:
        for j in range(width):
            values[("T", j)] = sum(row[j] for row in cells)
            lines.append([*((i, j) for i in range(height)), ("T", j)])
    if row_totals and column_totals:
        values[("T", "T")] = sum(map(sum, cells))
        lines.append([*(("T", j) for j in range(width)), ("T", "T")])
        lines.append([*((i, "T") for i in range(height)), ("T", "T")])

    withheld = {key: SMALL for key, value in values.items() if 0 < value < threshold}
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden = [key for key in line if key in withheld]
            if len(hidden) != 1:
                continue
            candidates = [key for key in line if key not in withheld]
            if not candidates:
                continue
            # The smallest figure left, a cell before a total, a non-zero before a zero (a
            # withheld zero would read as 1 to 9 and so narrow the other one down).
            choice = min(
                candidates,
                key=lambda key: ("T" in key, values[key] == 0, values[key]),
            )
            withheld[choice] = COMPLEMENT
            changed = True

    def shown(key):
        return withheld.get(key, values[key])

    return Suppressed(
        cells=[[shown((i, j)) for j in range(width)] for i in range(height)],
        row_totals=[shown((i, "T")) for i in range(height)] if row_totals else None,
        column_totals=[shown(("T", j)) for j in range(width)] if column_totals else None,
        total=shown(("T", "T")) if row_totals and column_totals else None,
    )
