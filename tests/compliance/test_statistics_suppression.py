"""No published figure counts fewer than 10 workers, and none can be worked out from the
totals shown (tables computed by hand)."""

from compliance.statistics.suppression import COMPLEMENT as C
from compliance.statistics.suppression import SMALL as S
from compliance.statistics.suppression import suppress


def test_nothing_small_nothing_withheld():
    table = suppress([[12, 30], [40, 15]], row_totals=True, column_totals=True)
    assert table.cells == [[12, 30], [40, 15]]
    assert table.row_totals == [42, 55]
    assert table.column_totals == [52, 45]
    assert table.total == 97


def test_a_small_cell_in_a_column_with_its_total_takes_the_smallest_other_cell_with_it():
    # Employed by sector with the total: 120 construction, 4 textiles, 35 machinery, 60
    # electronics, 219 in all. 4 alone withheld would be 219 - 120 - 35 - 60.
    table = suppress([[120], [4], [35], [60]], row_totals=False, column_totals=True)
    assert table.cells == [[120], [S], [C], [60]]
    assert table.column_totals == [219]


def test_two_small_cells_protect_each_other():
    table = suppress([[120], [4], [7], [60]], row_totals=False, column_totals=True)
    assert table.cells == [[120], [S], [S], [60]]


def test_zero_is_shown_and_not_taken_as_the_complement():
    table = suppress([[50], [0], [3], [20]], row_totals=False, column_totals=True)
    assert table.cells == [[50], [0], [S], [C]]


def test_a_row_of_a_two_way_table_and_the_column_it_touches_both_get_a_second_cell():
    # Grievances resolved within / after their time limit, per category:
    #   wages   40  3 | 43
    #   safety  25 12 | 37
    #   fees    30 20 | 50
    #          95 35 | 130
    # 3 is withheld; its row takes 40 (a cell before the total), its column 12 (the
    # smallest); 40's column (40, 25, 30) then takes 25, and 25's row already withholds two.
    table = suppress([[40, 3], [25, 12], [30, 20]], row_totals=True, column_totals=True)
    assert table.cells == [[C, S], [C, C], [30, 20]]
    assert table.row_totals == [43, 37, 50]
    assert table.column_totals == [95, 35]
    assert table.total == 130


def test_a_row_whose_only_cell_is_small_hides_its_total_too():
    # A category whose row is one cell: the total equals the cell.
    table = suppress([[6], [50]], row_totals=True, column_totals=False)
    assert table.cells == [[S], [50]]
    assert table.row_totals == [S, 50]


def test_no_line_shows_a_single_withheld_figure():
    table = suppress(
        [[40, 3, 18], [25, 12, 0], [30, 20, 11], [2, 50, 60]], row_totals=True, column_totals=True
    )
    grid = [[*row, total] for row, total in zip(table.cells, table.row_totals, strict=True)]
    grid.append([*table.column_totals, table.total])
    lines = [*grid, *map(list, zip(*grid, strict=True))]
    assert all(sum(isinstance(v, str) for v in line) != 1 for line in lines)
    assert table.cells[0][1] == S and table.cells[3][0] == S
