"""RowTableModel: minimal diffs checked by QAbstractItemModelTester; selection survives updates."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QAbstractItemView, QTableView
from pytestqt.qtbot import QtBot

from widgets.table_model import KEY_ROLE, MOVE_LIMIT, SORT_ROLE, Column, RowTableModel


@dataclass(frozen=True)
class Item:
    id: int
    name: str
    rank: int


HEADERS = {"name": "Name"}

COLUMNS: list[Column[Item]] = [
    Column("id", lambda: "Id", lambda r: str(r.id), sort_key=lambda r: r.id),
    Column(
        "name",
        lambda: HEADERS["name"],
        lambda r: r.name,
        background=lambda r: QColor("red") if r.rank == 0 else None,
        foreground=lambda r: QColor("white") if r.rank == 0 else None,
        tooltip=lambda r: f"{r.name} ({r.rank})",
        alignment=lambda r: Qt.AlignmentFlag.AlignRight,
    ),
    Column("rank", lambda: "Rank", lambda r: str(r.rank)),
]

Model = RowTableModel[Item, int]


def make_model() -> Model:
    return RowTableModel(COLUMNS, key=lambda r: r.id)


class SignalLog:
    """Every structural and data signal a model emits, in order."""

    NAMES = (
        "modelAboutToBeReset",
        "modelReset",
        "rowsInserted",
        "rowsRemoved",
        "rowsMoved",
        "layoutChanged",
        "dataChanged",
        "headerDataChanged",
    )

    def __init__(self, model: QAbstractItemModel) -> None:
        self.events: list[tuple[str, tuple[Any, ...]]] = []
        for name in self.NAMES:
            getattr(model, name).connect(self._recorder(name))

    def _recorder(self, name: str) -> Any:
        def record(*args: Any) -> None:
            self.events.append((name, args))

        return record

    def names(self) -> list[str]:
        return [n for n, _ in self.events]

    def clear(self) -> None:
        self.events.clear()


@pytest.fixture
def model() -> Iterator[Model]:
    m = make_model()
    # Fatal: any inconsistency the tester finds aborts the run, it cannot pass unnoticed.
    tester = QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Fatal)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(m)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(2, Qt.SortOrder.DescendingOrder)
    proxy_tester = QAbstractItemModelTester(
        proxy, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    yield m
    del proxy_tester, proxy, tester


def items(*spec: tuple[int, str] | int) -> list[Item]:
    return [
        Item(s, f"n{s}", s % 5) if isinstance(s, int) else Item(s[0], s[1], s[0] % 5) for s in spec
    ]


def keys(m: Model) -> list[int]:
    return [m.key(r) for r in m.rows()]


def mutate(rng: random.Random, rows: list[Item], next_id: list[int]) -> list[Item]:
    """A plausible next state: some rows gone, some new, a few moved or shuffled, some edited."""
    out = [r for r in rows if rng.random() > rng.choice((0.0, 0.05, 0.3))]
    for _ in range(rng.choice((0, 0, 1, 3, 10))):
        next_id[0] += 1
        out.insert(rng.randint(0, len(out)), Item(next_id[0], f"n{next_id[0]}", rng.randint(0, 4)))
    if out:
        mode = rng.choice(("keep", "keep", "swap", "swaps", "shuffle", "reverse"))
        if mode == "swap":
            i, j = rng.randrange(len(out)), rng.randrange(len(out))
            out[i], out[j] = out[j], out[i]
        elif mode == "swaps":
            for _ in range(rng.randint(2, 6)):
                out.insert(rng.randint(0, len(out) - 1), out.pop(rng.randrange(len(out))))
        elif mode == "shuffle":
            rng.shuffle(out)
        elif mode == "reverse":
            out.reverse()
        for _ in range(rng.choice((0, 1, 2, 8))):
            i = rng.randrange(len(out))
            out[i] = replace(out[i], name=f"{out[i].name}'", rank=rng.randint(0, 4))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_random_set_rows_sequences_stay_consistent(model: Model, seed: int) -> None:
    rng = random.Random(seed)
    log = SignalLog(model)
    rows: list[Item] = []
    next_id = [0]
    for step in range(100):
        rows = mutate(rng, rows, next_id) if step % 30 else []  # empty now and then
        before = {
            model.key(model.row_at(i)): QPersistentModelIndex(
                model.index(i, rng.randrange(len(COLUMNS)))
            )
            for i in range(model.rowCount())
        }
        was_empty = model.rowCount() == 0
        log.clear()
        model.set_rows(rows)
        assert list(model.rows()) == rows
        assert [model.index_of(r.id) for r in rows] == list(range(len(rows)))
        for key, p in before.items():
            if model.index_of(key) is None:
                assert not p.isValid(), f"step {step}: the index of removed row {key} lives on"
            else:
                assert p.isValid(), f"step {step}: row {key} lost its persistent index"
                assert p.row() == model.index_of(key)
                assert model.data(p, KEY_ROLE) == key
        if not was_empty:
            assert "modelReset" not in log.names()


def test_from_empty_and_back_inserts_and_removes_everything_at_once(model: Model) -> None:
    log = SignalLog(model)
    model.set_rows(items(1, 2, 3))
    assert log.names() == ["rowsInserted"]
    log.clear()
    model.set_rows([])
    assert log.names() == ["rowsRemoved"]
    assert model.rowCount() == 0


def test_one_changed_row_of_a_thousand_is_one_data_changed(model: Model) -> None:
    rows = items(*range(1000))
    model.set_rows(rows)
    log = SignalLog(model)
    rows[500] = replace(rows[500], name="changed")
    model.set_rows(list(rows))
    assert log.names() == ["dataChanged"]
    top, bottom = log.events[0][1][:2]
    assert (top.row(), bottom.row()) == (500, 500)
    assert (top.column(), bottom.column()) == (0, len(COLUMNS) - 1)


def test_the_same_rows_again_emit_nothing(model: Model) -> None:
    model.set_rows(items(*range(100)))
    log = SignalLog(model)
    model.set_rows(items(*range(100)))
    assert log.events == []


def test_contiguous_changes_are_one_range_each(model: Model) -> None:
    rows = items(*range(10))
    model.set_rows(rows)
    log = SignalLog(model)
    for i in (2, 3, 4, 8):
        rows[i] = replace(rows[i], rank=9)
    model.set_rows(list(rows))
    ranges = [(a[0].row(), a[1].row()) for n, a in log.events if n == "dataChanged"]
    assert ranges == [(2, 4), (8, 8)]


def test_one_row_out_of_place_is_one_move(model: Model) -> None:
    model.set_rows(items(*range(50)))
    log = SignalLog(model)
    order = [*range(1, 50), 0]  # the first row goes last: one move, not 49
    model.set_rows(items(*order))
    assert log.names() == ["rowsMoved"]
    assert keys(model) == order


def test_many_rows_out_of_place_are_one_layout_change(model: Model) -> None:
    model.set_rows(items(*range(50)))
    log = SignalLog(model)
    model.set_rows(items(*reversed(range(50))))
    assert log.names() == ["layoutChanged"]
    assert keys(model) == list(reversed(range(50)))
    assert MOVE_LIMIT < 49


def test_removals_and_insertions_are_grouped_in_runs(model: Model) -> None:
    model.set_rows(items(*range(10)))
    log = SignalLog(model)
    model.set_rows(items(0, 1, 100, 101, 4, 5, 6, 102, 9))
    assert log.names() == ["rowsRemoved", "rowsRemoved", "rowsInserted", "rowsInserted"]


def test_duplicate_keys_are_refused(model: Model) -> None:
    with pytest.raises(ValueError, match="duplicate"):
        model.set_rows(items(1, 2, 1))


@pytest.fixture
def view(qtbot: QtBot, model: Model) -> QTableView:
    v = QTableView()
    v.setModel(model)
    v.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    v.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    qtbot.addWidget(v)
    return v


def selected_key(v: QTableView) -> int | None:
    sel = v.selectionModel().selectedRows()
    assert len(sel) <= 1
    return sel[0].data(KEY_ROLE) if sel else None


def test_selection_follows_its_row_across_set_rows_and_upsert(
    model: Model, view: QTableView
) -> None:
    model.set_rows(items(*range(20)))
    view.selectRow(model.index_of(7) or 0)
    view.setCurrentIndex(model.index(model.index_of(7) or 0, 1))
    assert selected_key(view) == 7
    log = SignalLog(model)

    steps: list[list[int]] = [
        [i for i in range(20) if i not in (1, 2, 15)],  # removals above and below
        [100, 101, *[i for i in range(20) if i not in (1, 2, 15)]],  # insertions above
        [7, *[i for i in range(20) if i not in (1, 2, 7, 15)], 100, 101],  # moved to the top
        [*reversed([i for i in range(20) if i not in (1, 2, 15)]), 100],  # a layout change
    ]
    for order in steps:
        model.set_rows(items(*order))
        assert keys(model) == order
        assert selected_key(view) == 7
        assert view.currentIndex().data(KEY_ROLE) == 7

    model.set_rows([replace(r, name="edited") if r.id == 7 else r for r in model.rows()])
    assert selected_key(view) == 7
    model.upsert([Item(7, "again", 1), Item(-5, "new", 0)])
    assert selected_key(view) == 7
    model.upsert([Item(7, "moved", 4), Item(300, "new", 0)], position_key=lambda r: r.rank)
    assert selected_key(view) == 7
    assert model.row_for(7) == Item(7, "moved", 4)
    model.remove_keys([3, 4, 5, 300])
    assert selected_key(view) == 7
    assert "modelReset" not in log.names()
    assert "modelAboutToBeReset" not in log.names()

    model.remove_keys([7])
    assert selected_key(view) != 7  # the view may select a neighbour: Qt's choice, not ours
    assert model.index_of(7) is None


def test_upsert_keeps_a_sorted_model_sorted(model: Model) -> None:
    rng = random.Random(42)

    def position(r: Item) -> tuple[int, str]:
        return (r.rank, r.name)

    reference: dict[int, Item] = {}
    for _ in range(120):
        batch = [
            Item(rng.randint(0, 80), f"n{rng.randint(0, 9)}", rng.randint(0, 6))
            for _ in range(rng.choice((1, 1, 3, 12)))
        ]
        model.upsert(batch, position_key=position)
        for r in batch:
            reference[r.id] = r
        if rng.random() < 0.2:
            gone = rng.sample(sorted(reference), k=min(3, len(reference)))
            assert model.remove_keys([*gone, 999]) == len(gone)
            for k in gone:
                del reference[k]
        shown = model.rows()
        assert {r.id: r for r in shown} == reference
        assert [position(r) for r in shown] == sorted(position(r) for r in shown)
        assert [model.index_of(r.id) for r in shown] == list(range(len(shown)))
    # set_rows after upserts and removals diffs against the right order.
    shuffled = list(model.rows())
    rng.shuffle(shuffled)
    model.set_rows(shuffled[3:])
    assert list(model.rows()) == shuffled[3:]


def test_upsert_updates_in_place_and_appends_without_a_position_key(model: Model) -> None:
    model.set_rows(items(1, 2, 3))
    log = SignalLog(model)
    model.upsert([Item(2, "two", 0), Item(9, "nine", 0), Item(8, "eight", 0), Item(9, "9", 1)])
    assert keys(model) == [1, 2, 3, 9, 8]
    assert model.row_for(9) == Item(9, "9", 1)  # the last of a key wins
    assert log.names() == ["dataChanged", "rowsInserted"]
    log.clear()
    model.upsert([Item(2, "two", 0)])  # unchanged: nothing to tell
    assert log.events == []


def test_upsert_into_a_sorted_model_inserts_each_row_in_place(model: Model) -> None:
    model.set_rows([Item(i, "x", rank) for i, rank in enumerate((0, 2, 4, 6))])
    model.upsert([Item(10, "x", 5), Item(11, "x", 1), Item(12, "x", 1), Item(13, "x", 9)],
                 position_key=lambda r: r.rank)  # fmt: skip
    assert [r.rank for r in model.rows()] == [0, 1, 1, 2, 4, 5, 6, 9]
    assert keys(model) == [0, 11, 12, 1, 2, 10, 3, 13]


def test_accessors_and_roles(model: Model) -> None:
    model.set_rows([Item(5, "five", 0), Item(6, "six", 3)])
    assert model.row_at(1) == Item(6, "six", 3)
    with pytest.raises(IndexError):
        model.row_at(2)
    assert model.row_for(6) == Item(6, "six", 3)
    assert model.row_for(99) is None
    assert model.index_of(6) == 1
    assert model.index_of(99) is None
    assert len(model) == 2
    name = model.index(0, model.column_index("name"))
    assert name.data() == "five"
    assert name.data(KEY_ROLE) == 5
    assert model.index(1, 0).data(KEY_ROLE) == 6
    assert model.index(0, 0).data(SORT_ROLE) == 5
    assert name.data(SORT_ROLE) == "five"  # no sort key: the text
    assert name.data(Qt.ItemDataRole.BackgroundRole) == QColor("red")
    assert name.data(Qt.ItemDataRole.ForegroundRole) == QColor("white")
    assert name.data(Qt.ItemDataRole.ToolTipRole) == "five (0)"
    assert name.data(Qt.ItemDataRole.TextAlignmentRole) == Qt.AlignmentFlag.AlignRight
    assert model.index(1, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Rank"
    assert model.data(QModelIndex()) is None


def test_refresh_column_signals_one_column(model: Model) -> None:
    model.set_rows(items(*range(30)))
    log = SignalLog(model)
    model.refresh_column("rank")
    ((name, (top, bottom, _roles)),) = log.events
    assert name == "dataChanged"
    assert (top.row(), top.column(), bottom.row(), bottom.column()) == (0, 2, 29, 2)
    with pytest.raises(KeyError):
        model.refresh_column("nope")


def test_retranslate_rereads_headers_and_cells(
    model: Model, monkeypatch: pytest.MonkeyPatch
) -> None:
    model.set_rows(items(1, 2))
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    monkeypatch.setitem(HEADERS, "name", "名称")
    log = SignalLog(model)
    model.retranslate()
    assert log.names() == ["headerDataChanged", "dataChanged"]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "名称"


def test_columns_need_unique_names() -> None:
    with pytest.raises(ValueError, match="unique"):
        RowTableModel([COLUMNS[0], COLUMNS[0]], key=lambda r: r.id)
    with pytest.raises(ValueError, match="column"):
        RowTableModel([], key=lambda r: r)
