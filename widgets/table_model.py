"""A table model of frozen-dataclass rows that changes in place, never by a full reset."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from widgets.text import plain_tooltip

R = TypeVar("R")
K = TypeVar("K", bound=Hashable)

_Index = QModelIndex | QPersistentModelIndex

KEY_ROLE = Qt.ItemDataRole.UserRole
"""The row's key (e.g. an incident id), in every column."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""A column's sort key (or its display text): set as a QSortFilterProxyModel's sortRole."""

# Beyond this many rows out of place, one layout change is cheaper for views than a move each.
MOVE_LIMIT = 8


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """How one column shows a row.

    Attributes:
        name: A stable identifier (``"age"``), for :meth:`RowTableModel.refresh_column`.
        header: The header text, called each time it is shown so that it follows the language,
            e.g. ``lambda: QCoreApplication.translate("IncidentQueue", "Age")``.
        display: The cell text.
        background, foreground: A QBrush or QColor for the cell, or None for the default.
        tooltip: The cell's tooltip, or None.
        alignment: The cell's Qt.AlignmentFlag, or None for the default.
        sort_key: The value a sorting proxy compares (str, int or float, which QVariant
            compares), under :data:`SORT_ROLE`; the display text when absent.
    """

    name: str
    header: Callable[[], str]
    display: Callable[[R], str]
    background: Callable[[R], Any] | None = None
    foreground: Callable[[R], Any] | None = None
    tooltip: Callable[[R], str | None] | None = None
    alignment: Callable[[R], Qt.AlignmentFlag | None] | None = None
    sort_key: Callable[[R], Any] | None = None


class RowTableModel(QAbstractTableModel, Generic[R, K]):
    """Ordered rows of a frozen dataclass, each with a unique key, shown column by column.

    Every change reaches the views as the smallest set of row removals, insertions, moves and
    ``dataChanged`` ranges, so selection, current index and scroll position survive, and the
    cost is in proportion to what changed rather than to the rows shown. There is no full
    reset. Rows are compared with ``==`` (frozen dataclasses compare field by field).

    GUI thread only, like every QObject here. ``UserRole`` (:data:`KEY_ROLE`) returns the key.
    """

    def __init__(
        self,
        columns: Sequence[Column[R]],
        key: Callable[[R], K],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if not columns:
            raise ValueError("a table needs at least one column")
        names = [c.name for c in columns]
        if len(set(names)) != len(names):
            raise ValueError(f"column names must be unique: {names}")
        self._columns: tuple[Column[R], ...] = tuple(columns)
        self._col_by_name = {c.name: i for i, c in enumerate(self._columns)}
        self._key = key
        self._rows: list[R] = []
        self._pos: dict[K, int] = {}

    # -- reading ---------------------------------------------------------------------------

    @property
    def columns(self) -> tuple[Column[R], ...]:
        """The columns, in order."""
        return self._columns

    def key(self, row: R) -> K:
        """The key of a row."""
        return self._key(row)

    def column_index(self, name: str) -> int:
        """The position of a named column (KeyError if unknown)."""
        return self._col_by_name[name]

    def rows(self) -> tuple[R, ...]:
        """Every row, in display order (a snapshot)."""
        return tuple(self._rows)

    def row_at(self, i: int) -> R:
        """The row shown at position `i` (IndexError if out of range)."""
        if not 0 <= i < len(self._rows):
            raise IndexError(i)
        return self._rows[i]

    def row_for(self, key: K) -> R | None:
        """The row with this key, if shown."""
        i = self._pos.get(key)
        return None if i is None else self._rows[i]

    def index_of(self, key: K) -> int | None:
        """The position of the row with this key, if shown."""
        return self._pos.get(key)

    def __len__(self) -> int:
        return len(self._rows)

    # -- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header()
        if orientation == Qt.Orientation.Vertical:
            return super().headerData(section, orientation, role)  # row numbers
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < len(self._rows) and 0 <= c < len(self._columns)):
            return None
        row = self._rows[r]
        col = self._columns[c]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.display(row)
        if role == KEY_ROLE:
            return self._key(row)
        if role == SORT_ROLE:
            return col.sort_key(row) if col.sort_key is not None else col.display(row)
        fn: Callable[[R], Any] | None
        if role == Qt.ItemDataRole.BackgroundRole:
            fn = col.background
        elif role == Qt.ItemDataRole.ForegroundRole:
            fn = col.foreground
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col.tooltip is None:
                return None
            tip = col.tooltip(row)
            return plain_tooltip(tip) if isinstance(tip, str) else tip
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            fn = col.alignment
        else:
            return None
        return fn(row) if fn is not None else None

    # -- changing --------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[R]) -> None:
        """Show exactly these rows in this order, applied as a minimal diff (GUI thread).

        Rows whose key is gone are removed, new keys are inserted where they belong, rows out
        of order are moved (a layout change when many are), and rows that compare unequal to
        the shown ones get one ``dataChanged`` per contiguous run. Unchanged rows keep their
        persistent indexes, hence selection. Raises ValueError on duplicate keys.
        """
        new = list(rows)
        new_keys = [self._key(r) for r in new]
        new_pos = {k: i for i, k in enumerate(new_keys)}
        if len(new_pos) != len(new_keys):
            raise ValueError("set_rows: duplicate keys")
        old_keys = list(self._pos)  # _pos is rebuilt in row order after every structural change
        if old_keys == new_keys:
            self._replace_changed(new)
            return
        if not self._rows or not new:
            self._replace_all(new, new_pos)
            return
        self._remove_positions([i for i, k in enumerate(old_keys) if k not in new_pos])
        self._reorder([k for k in new_keys if k in self._pos])
        self._insert_missing(new, new_keys)
        self._replace_changed(new)

    def upsert(self, rows: Iterable[R], position_key: Callable[[R], Any] | None = None) -> None:
        """Update rows with known keys and insert the others (GUI thread).

        With `position_key`, the model is taken to be sorted by it: new rows are inserted where
        that order puts them (after equal keys) and updated rows whose position key changed are
        moved to keep it. Without, updated rows stay where they are and new rows are appended
        in the order given. When a key appears twice in `rows`, the last row wins.
        """
        latest = {self._key(r): r for r in rows}
        fresh: list[R] = []
        for k, r in latest.items():
            i = self._pos.get(k)
            if i is None:
                fresh.append(r)
                continue
            old = self._rows[i]
            if old is r or old == r:
                continue
            self._rows[i] = r
            if position_key is not None and position_key(old) != position_key(r):
                self._move_into_order(i, position_key)
                i = self._pos[k]
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(self._columns) - 1))
        if fresh:
            self._insert_fresh(fresh, position_key)

    def remove_keys(self, keys: Iterable[K]) -> int:
        """Remove the rows with these keys (unknown keys are ignored); returns how many."""
        positions = sorted({i for k in keys if (i := self._pos.get(k)) is not None})
        self._remove_positions(positions)
        return len(positions)

    def refresh_column(self, name: str) -> None:
        """Tell views that one column changed in every row (e.g. ages, as time passes)."""
        c = self.column_index(name)
        if self._rows:
            self.dataChanged.emit(self.index(0, c), self.index(len(self._rows) - 1, c))

    def retranslate(self) -> None:
        """Re-read headers and every cell after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1)
            )

    # -- the diff's steps ------------------------------------------------------------------

    def _reindex(self) -> None:
        self._pos = {self._key(r): i for i, r in enumerate(self._rows)}

    def _replace_all(self, new: list[R], new_pos: dict[K, int]) -> None:
        """From empty, or to empty: one insertion or one removal of every row."""
        if self._rows:
            self.beginRemoveRows(QModelIndex(), 0, len(self._rows) - 1)
            self._rows = []
            self._pos = {}
            self.endRemoveRows()
        if new:
            self.beginInsertRows(QModelIndex(), 0, len(new) - 1)
            self._rows = new
            self._pos = new_pos
            self.endInsertRows()

    def _remove_positions(self, positions: list[int]) -> None:
        """Remove rows at ascending positions, one contiguous run at a time, bottom up."""
        if not positions:
            return
        runs: list[tuple[int, int]] = []
        first = last = positions[0]
        for p in positions[1:]:
            if p == last + 1:
                last = p
            else:
                runs.append((first, last))
                first = last = p
        runs.append((first, last))
        for first, last in reversed(runs):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
        self._reindex()

    def _reorder(self, target: list[K]) -> None:
        """Put the shown rows (exactly the keys of `target`) in `target`'s order.

        The rows on a longest increasing subsequence stay; each other row, in target order, is
        moved to just after its target predecessor: the fewest moves possible.
        """
        current = [self._pos[k] for k in target]
        stay = _longest_increasing_run(current)
        movers = {k for k, pos in zip(target, current, strict=True) if pos not in stay}
        if not movers:
            return
        if len(movers) > MOVE_LIMIT:
            by_key = {self._key(r): r for r in self._rows}
            self._relayout([by_key[k] for k in target])
            return
        keys = [self._key(r) for r in self._rows]
        for t, k in enumerate(target):
            if k not in movers:
                continue
            src = keys.index(k)
            dst = 0 if t == 0 else keys.index(target[t - 1]) + 1
            self._move_row(src, dst, keys)
        self._reindex()

    def _move_row(self, src: int, dst: int, keys: list[K] | None = None) -> None:
        """Move one row to before position `dst` (pre-move coordinates), as Qt counts it."""
        if dst in (src, src + 1):
            return
        if not self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), dst):
            raise RuntimeError(f"Qt refused to move row {src} to {dst}")
        to = dst if dst < src else dst - 1
        self._rows.insert(to, self._rows.pop(src))
        if keys is not None:
            keys.insert(to, keys.pop(src))
        self.endMoveRows()

    def _relayout(self, ordered: list[R]) -> None:
        """A reorder of many rows as one layout change, carrying persistent indexes along."""
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_keys = [self._key(self._rows[p.row()]) for p in old_persistent]
        self._rows = ordered
        self._reindex()
        new_persistent = [
            self.index(self._pos[k], p.column())
            for k, p in zip(old_keys, old_persistent, strict=True)
        ]
        self.changePersistentIndexList(old_persistent, new_persistent)
        self.layoutChanged.emit()

    def _insert_missing(self, new: list[R], new_keys: list[K]) -> None:
        """Insert the rows of `new` whose keys are not shown, each run where it belongs.

        The shown rows are already `new`'s known rows in `new`'s order.
        """
        i = 0
        inserted = False
        while i < len(new):
            if new_keys[i] in self._pos:
                i += 1
                continue
            j = i
            while j < len(new) and new_keys[j] not in self._pos:
                j += 1
            # Rows 0..i-1 of `new` are shown at 0..i-1 already: the run goes in at i.
            self.beginInsertRows(QModelIndex(), i, j - 1)
            self._rows[i:i] = new[i:j]
            self.endInsertRows()
            inserted = True
            i = j
        if inserted:
            self._reindex()

    def _replace_changed(self, new: list[R]) -> None:
        """Take `new`'s rows (same keys, same order) and signal each run of changed rows."""
        last_col = len(self._columns) - 1
        run_start: int | None = None
        for i, (old, row) in enumerate(zip(self._rows, new, strict=True)):
            changed = old is not row and old != row
            self._rows[i] = row
            if changed and run_start is None:
                run_start = i
            elif not changed and run_start is not None:
                self.dataChanged.emit(self.index(run_start, 0), self.index(i - 1, last_col))
                run_start = None
        if run_start is not None:
            self.dataChanged.emit(
                self.index(run_start, 0), self.index(len(self._rows) - 1, last_col)
            )

    def _move_into_order(self, i: int, position_key: Callable[[R], Any]) -> None:
        """Move the row at `i` (whose position key changed) to where the order puts it."""
        others = [position_key(r) for j, r in enumerate(self._rows) if j != i]
        to = bisect.bisect_right(others, position_key(self._rows[i]))
        # `to` counts without the row itself; in Qt's pre-move coordinates that is to or to+1.
        self._move_row(i, to if to < i else to + 1)
        self._reindex()

    def _insert_fresh(self, fresh: list[R], position_key: Callable[[R], Any] | None) -> None:
        """Insert rows with new keys: appended, or each where the position key puts it."""
        if position_key is None:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()
            self._reindex()
            return
        fresh = sorted(fresh, key=position_key)
        shown = [position_key(r) for r in self._rows]
        # Group by insertion point in the rows shown now; insert bottom up so points hold.
        groups: dict[int, list[R]] = {}
        for r in fresh:
            groups.setdefault(bisect.bisect_right(shown, position_key(r)), []).append(r)
        for at in sorted(groups, reverse=True):
            run = groups[at]
            self.beginInsertRows(QModelIndex(), at, at + len(run) - 1)
            self._rows[at:at] = run
            self.endInsertRows()
        self._reindex()


def _longest_increasing_run(seq: list[int]) -> set[int]:
    """The values of one longest strictly increasing subsequence of `seq` (O(n log n))."""
    tails: list[int] = []  # tails[j]: index in seq of the smallest tail of a run of length j+1
    prev: list[int] = [-1] * len(seq)
    tail_values: list[int] = []
    for i, v in enumerate(seq):
        j = bisect.bisect_left(tail_values, v)
        if j == len(tails):
            tails.append(i)
            tail_values.append(v)
        else:
            tails[j] = i
            tail_values[j] = v
        prev[i] = tails[j - 1] if j else -1
    out: set[int] = set()
    i = tails[-1] if tails else -1
    while i != -1:
        out.add(seq[i])
        i = prev[i]
    return out


class PagedRowTableModel(RowTableModel[R, K]):
    """A RowTableModel whose view asks for the next page when it reaches the last row.

    `fetchMore` emits `sig_more_requested` once; the owner loads the page, adds its rows and
    answers with `set_more(more)`, which also allows the next request.
    """

    sig_more_requested = Signal()  # the view reached the last row and more exist; GUI thread

    def __init__(
        self,
        columns: Sequence[Column[R]],
        key: Callable[[R], K],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, key, parent)
        self._more = False  # rows follow the last one shown
        self._fetching = False  # a page was asked for and has not come yet

    def set_more(self, more: bool) -> None:
        """Whether rows follow the last one (another page can be fetched)."""
        self._more = more
        self._fetching = False

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetching:
            return
        self._fetching = True  # one request at a time; set_more() answers it
        self.sig_more_requested.emit()
