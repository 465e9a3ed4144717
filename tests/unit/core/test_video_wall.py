"""Wall layouts, arrow-key navigation, saved views, tours and camera assignment."""

from __future__ import annotations

import json
from collections import deque

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.video_wall import (
    LAYOUTS,
    Direction,
    TileRect,
    Tour,
    WallError,
    WallLayout,
    WallView,
    assign,
    layout,
    neighbour,
    smallest_layout,
    tile_at,
)


def covered_cells(lay: WallLayout) -> list[tuple[int, int]]:
    return [
        (c, r) for t in lay.tiles for r in range(t.row, t.bottom) for c in range(t.col, t.right)
    ]


@pytest.mark.parametrize(
    ("key", "size", "grid"),
    [
        ("1", 1, 1),
        ("2x2", 4, 2),
        ("3x3", 9, 3),
        ("4x4", 16, 4),
        ("5x5", 25, 5),
        ("1+5", 6, 3),
        ("1+7", 8, 4),
    ],
)
def test_each_layout_tiles_its_grid_exactly_once(key: str, size: int, grid: int) -> None:
    lay = layout(key)
    assert lay.size == size
    assert (lay.columns, lay.rows) == (grid, grid)
    cells = covered_cells(lay)
    assert len(cells) == len(set(cells)) == grid * grid


def test_big_tiles_come_first_and_span_the_grid_minus_one() -> None:
    assert layout("1+5").tiles[0] == TileRect(0, 0, 2, 2)
    assert layout("1+7").tiles[0] == TileRect(0, 0, 3, 3)


def test_unknown_layout_names_the_known_ones() -> None:
    with pytest.raises(WallError, match=r"unknown wall layout '6x6'.*1\+5"):
        layout("6x6")


def test_navigation_in_a_grid_moves_one_cell_and_stops_at_the_edge() -> None:
    lay = layout("3x3")
    assert neighbour(lay, 4, Direction.RIGHT) == 5
    assert neighbour(lay, 4, Direction.LEFT) == 3
    assert neighbour(lay, 4, Direction.UP) == 1
    assert neighbour(lay, 4, Direction.DOWN) == 7
    assert neighbour(lay, 5, Direction.RIGHT) == 5
    assert neighbour(lay, 0, Direction.UP) == 0


def test_navigation_around_the_big_tile() -> None:
    lay = layout("1+5")  # 0 big; 1, 2 right column; 3, 4, 5 bottom row
    assert neighbour(lay, 0, Direction.RIGHT) == 1
    assert neighbour(lay, 0, Direction.DOWN) == 3
    assert neighbour(lay, 2, Direction.LEFT) == 0
    assert neighbour(lay, 4, Direction.UP) == 0
    assert neighbour(lay, 5, Direction.UP) == 2
    assert neighbour(lay, 2, Direction.DOWN) == 5
    assert neighbour(layout("1+7"), 7, Direction.UP) == 3


def test_navigation_refuses_a_tile_outside_the_layout() -> None:
    with pytest.raises(WallError):
        neighbour(layout("2x2"), 4, Direction.LEFT)


def test_tile_at_finds_the_tile_under_a_grid_point() -> None:
    lay = layout("1+5")
    assert tile_at(lay, 1.9, 1.9) == 0
    assert tile_at(lay, 2.5, 1.5) == 2
    assert tile_at(lay, 3.0, 0.0) is None


def reachable(lay: WallLayout, start: int) -> set[int]:
    seen, todo = {start}, deque([start])
    while todo:
        i = todo.popleft()
        for d in Direction:
            j = neighbour(lay, i, d)
            if j not in seen:
                seen.add(j)
                todo.append(j)
    return seen


@st.composite
def tilings(draw: st.DrawFn) -> WallLayout:
    """Random irregular layouts: a rectangle split recursively into tiles (up to 6x6 cells)."""
    cols, rows = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    tiles: list[TileRect] = []
    todo = [TileRect(0, 0, cols, rows)]
    while todo:
        t = todo.pop()
        options = ["keep"]
        if t.cols > 1:
            options.append("v")
        if t.rows > 1:
            options.append("h")
        how = draw(st.sampled_from(options))
        if how == "v":
            at = draw(st.integers(1, t.cols - 1))
            todo += [
                TileRect(t.col, t.row, at, t.rows),
                TileRect(t.col + at, t.row, t.cols - at, t.rows),
            ]
        elif how == "h":
            at = draw(st.integers(1, t.rows - 1))
            todo += [
                TileRect(t.col, t.row, t.cols, at),
                TileRect(t.col, t.row + at, t.cols, t.rows - at),
            ]
        else:
            tiles.append(t)
    tiles.sort(key=lambda t: (t.row, t.col))
    return WallLayout("random", cols, rows, tuple(tiles))


layouts = st.one_of(st.sampled_from(list(LAYOUTS.values())), tilings())


@given(layouts, st.data())
@settings(max_examples=300, deadline=None)
def test_navigation_never_leaves_the_layout_and_moves_the_right_way(
    lay: WallLayout, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, lay.size - 1))
    for d in data.draw(st.lists(st.sampled_from(list(Direction)), max_size=30)):
        nxt = neighbour(lay, index, d)
        assert 0 <= nxt < lay.size
        if nxt != index:
            a, b = lay.tiles[index], lay.tiles[nxt]
            dx, dy = d.value
            assert (b.col >= a.right) if dx > 0 else True
            assert (b.right <= a.col) if dx < 0 else True
            assert (b.row >= a.bottom) if dy > 0 else True
            assert (b.bottom <= a.row) if dy < 0 else True
        index = nxt


@given(layouts, st.data())
@settings(max_examples=300, deadline=None)
def test_every_tile_is_reachable_from_every_tile(lay: WallLayout, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, lay.size - 1))
    assert reachable(lay, start) == set(range(lay.size))


@given(layouts)
@settings(max_examples=100, deadline=None)
def test_a_move_is_possible_whenever_a_tile_lies_that_way(lay: WallLayout) -> None:
    for i, t in enumerate(lay.tiles):
        assert (neighbour(lay, i, Direction.RIGHT) != i) == (t.right < lay.columns)
        assert (neighbour(lay, i, Direction.DOWN) != i) == (t.bottom < lay.rows)
        assert (neighbour(lay, i, Direction.LEFT) != i) == (t.col > 0)
        assert (neighbour(lay, i, Direction.UP) != i) == (t.row > 0)


def test_a_view_round_trips_through_json() -> None:
    view = WallView("North gate", "1+5", ("CAM01", None, "CAM03"), owner="ops1", shared=True)
    assert view.tiles == ("CAM01", None, "CAM03", None, None, None)
    again = WallView.from_dict(json.loads(json.dumps(view.to_dict())))
    assert again == view


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "x", "layout": "7x7", "tiles": []}, "unknown wall layout '7x7'"),
        ({"name": "x", "layout": "2x2", "tiles": ["A", "B", "C", "D", "E"]}, "has 4 tiles, but 5"),
        ({"name": "", "layout": "2x2"}, "needs a name"),
        ({"name": "x", "tiles": []}, "has no layout"),
        ({"name": "x", "layout": "1", "tiles": [3]}, "camera code or empty"),
        ({"name": "x", "layout": "1", "tiles": "CAM01"}, "tiles must be a list"),
        ({"name": "x", "layout": "1", "shared": "yes"}, "shared must be true or false"),
        ({"format": 9, "name": "x", "layout": "1"}, "unknown wall view format 9"),
    ],
)
def test_bad_saved_views_say_what_is_wrong(data: dict[str, object], message: str) -> None:
    with pytest.raises(WallError, match=message):
        WallView.from_dict(data)


def test_a_view_edits_tiles_and_changes_layout_keeping_its_cameras() -> None:
    view = WallView("v", "3x3", ("A", None, "B", None, None, None, None, None, "C"))
    assert view.with_camera(1, "D").tiles[:3] == ("A", "D", "B")
    assert view.with_layout("2x2").tiles == ("A", "B", "C", None)
    assert WallView("v", "3x3", ("A", None, "B")).with_layout("2x2").tiles == ("A", None, "B", None)
    assert view.with_layout("1").tiles == ("A",)
    assert view.with_layout("4x4").tiles[:9] == view.tiles
    with pytest.raises(WallError):
        view.with_camera(9, "X")


def test_a_tour_pages_through_its_cameras() -> None:
    tour = Tour(tuple(f"C{i}" for i in range(10)), period_s=5)
    assert tour.steps("2x2") == 3
    assert tour.tiles_at(0, "2x2") == ("C0", "C1", "C2", "C3")
    assert tour.tiles_at(2, "2x2") == ("C8", "C9", None, None)
    assert tour.tiles_at(3, "2x2") == tour.tiles_at(0, "2x2")
    assert [tour.tiles_at(k, "1")[0] for k in range(11)] == [*tour.cameras, "C0"]
    assert (tour.step_at(0), tour.step_at(4.9), tour.step_at(5), tour.step_at(-1)) == (0, 0, 1, 0)


@given(
    st.lists(st.sampled_from([f"C{i}" for i in range(40)]), min_size=1),
    st.sampled_from(list(LAYOUTS)),
)
def test_a_full_tour_cycle_shows_every_camera_exactly_once(cams: list[str], key: str) -> None:
    tour = Tour(tuple(cams))
    shown = [c for k in range(tour.steps(key)) for c in tour.tiles_at(k, key) if c]
    assert shown == list(dict.fromkeys(cams))


def test_a_tour_refuses_no_cameras_and_silly_periods() -> None:
    with pytest.raises(WallError, match="at least one camera"):
        Tour(())
    with pytest.raises(WallError, match="period"):
        Tour(("A",), period_s=0.5)


@pytest.mark.parametrize(
    ("count", "key"),
    [
        (0, "1"),
        (1, "1"),
        (2, "2x2"),
        (4, "2x2"),
        (5, "1+5"),
        (6, "1+5"),
        (7, "1+7"),
        (8, "1+7"),
        (9, "3x3"),
        (10, "4x4"),
        (17, "5x5"),
        (25, "5x5"),
        (40, "5x5"),
    ],
)
def test_smallest_layout_that_fits(count: int, key: str) -> None:
    assert smallest_layout(count) == key


def test_assign_puts_the_nearest_first_and_says_who_did_not_fit() -> None:
    a = assign(["C1", "C2", "C1", "C3", "C4", "C5"])
    assert a.layout == "1+5"
    assert a.tiles == ("C1", "C2", "C3", "C4", "C5", None)
    assert a.left_out == ()
    b = assign([f"C{i}" for i in range(6)], "2x2")
    assert b.tiles == ("C0", "C1", "C2", "C3")
    assert b.left_out == ("C4", "C5")
