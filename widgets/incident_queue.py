"""The incident queue: open items by priority, with an empty state when there are none."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStackedWidget, QTableView, QWidget

from core.timefmt import DEFAULT_ZONE, fmt_local, utcnow
from core.views import IncidentRow
from widgets import labels
from widgets.empty_state import EmptyStateWidget
from widgets.palette import PRIORITY_COLOURS, TEXT_ON_PRIORITY

_Index = QModelIndex | QPersistentModelIndex


def age_parts(since: datetime, now: datetime) -> tuple[int, int, int]:
    """Whole days, hours and minutes between two instants (never negative)."""
    secs = max(0, int((now - since).total_seconds()))
    return secs // 86400, secs % 86400 // 3600, secs % 3600 // 60


class IncidentQueueModel(QAbstractTableModel):
    """Rows of IncidentRow; the order is the service's (priority, new first, oldest first)."""

    COLUMNS = ("priority", "state", "title", "community", "location", "created", "age", "claimed")

    def __init__(
        self,
        zone: str = DEFAULT_ZONE,
        clock: Callable[[], datetime] = utcnow,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._rows: list[IncidentRow] = []
        self._zone = zone
        self._clock = clock

    def set_rows(self, rows: Sequence[IncidentRow]) -> None:
        """Replace the content (called on the GUI thread with the service's result)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> IncidentRow:
        """The incident shown in a row."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Priority"),
            self.tr("State"),
            self.tr("Incident"),
            self.tr("Community"),
            self.tr("Location"),
            self.tr("Reported"),
            self.tr("Age"),
            self.tr("Handled by"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "priority": labels.priority(r.priority),
                "state": labels.incident_state(r.state),
                "title": r.title,
                "community": r.community_name or "—",
                "location": r.location,
                "created": fmt_local(r.created_at, self._zone, seconds=False),
                "age": self.age_text(r.created_at),
                "claimed": r.claimed_by or "",
            }[col]
        if col == "priority" and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(PRIORITY_COLOURS[r.priority])
        if col == "priority" and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(TEXT_ON_PRIORITY)
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None

    def age_text(self, since: datetime) -> str:
        """'3 min', '2 h 05 min', '1 d 4 h': compact, for a column read at a glance."""
        d, h, m = age_parts(since, self._clock())
        if d:
            return self.tr("{d} d {h} h").format(d=d, h=h)
        if h:
            return self.tr("{h} h {m} min").format(h=h, m=f"{m:02d}")
        return self.tr("{m} min").format(m=m)

    def refresh_ages(self) -> None:
        """Repaint the age column (a timer calls this; ages grow while nothing else changes)."""
        if self._rows:
            col = self.COLUMNS.index("age")
            self.dataChanged.emit(self.index(0, col), self.index(len(self._rows) - 1, col))

    def retranslate(self) -> None:
        """Re-read every label after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            )


class IncidentQueueWidget(QStackedWidget):
    """The queue table, or an empty state when nothing is open."""

    sig_incident_activated = Signal(int)  # incident id; Enter or double-click; GUI thread

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("incidentQueue")
        self.model = IncidentQueueModel(zone, parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._on_table_activated)
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(30_000)
        self._age_timer.timeout.connect(self.model.refresh_ages)
        self._age_timer.start()
        self.empty = EmptyStateWidget(self)
        self.addWidget(self.empty)
        self.addWidget(self.table)
        self.retranslate()

    def set_rows(self, rows: Sequence[IncidentRow]) -> None:
        """Show the open incidents (GUI thread), keeping the selection where possible."""
        keep = self.selected_incident_id()
        self.model.set_rows(rows)
        self.setCurrentWidget(self.table if rows else self.empty)
        if rows:
            self.table.resizeColumnsToContents()
        if keep is not None:
            for i, r in enumerate(rows):
                if r.id == keep:
                    self.table.selectRow(i)
                    break

    def selected_incident_id(self) -> int | None:
        """The id of the selected incident, if any."""
        sel = self.table.selectionModel().selectedRows()
        return self.model.row_at(sel[0].row()).id if sel else None

    def _on_table_activated(self, index: QModelIndex) -> None:
        self.sig_incident_activated.emit(self.model.row_at(index.row()).id)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.empty.set_texts(
            "✓",
            self.tr("No open incidents"),
            self.tr(
                "Incidents raised by calls, alarms, tracking rules or operators appear here, "
                "most urgent first. Press Ctrl+N to log one by hand."
            ),
        )
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
