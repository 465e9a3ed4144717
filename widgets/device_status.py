"""Device status: every reader, camera, panel and phone with its state and last contact."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.timefmt import DEFAULT_ZONE, fmt_local
from core.views import DeviceCounts, DeviceRow
from widgets import labels
from widgets.empty_state import EmptyStateWidget
from widgets.palette import DEVICE_STATE_COLOURS

_Index = QModelIndex | QPersistentModelIndex


class DeviceStatusModel(QAbstractTableModel):
    """Rows of DeviceRow."""

    COLUMNS = ("state", "code", "name", "kind", "community", "workstation", "last_seen", "detail")

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[DeviceRow] = []
        self._zone = zone

    def set_rows(self, rows: Sequence[DeviceRow]) -> None:
        """Replace the content (GUI thread)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

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
            self.tr("State"),
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Community"),
            self.tr("Workstation"),
            self.tr("Last seen"),
            self.tr("Detail"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "state": "● " + labels.device_state(d.state),
                "code": d.code,
                "name": d.name,
                "kind": labels.device_kind(d.kind),
                "community": d.community_name or self.tr("Control centre"),
                "workstation": d.workstation,
                "last_seen": fmt_local(d.last_seen_at, self._zone) or "—",
                "detail": d.detail,
            }[col]
        if col == "state" and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(DEVICE_STATE_COLOURS[d.state])
        return None

    def counts(self) -> DeviceCounts:
        """Online/offline/never-seen totals of the rows shown."""
        return DeviceCounts.of(self._rows)

    def retranslate(self) -> None:
        """Re-read every label after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            )


class DeviceStatusWidget(QWidget):
    """A filterable device table with a one-line summary."""

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("deviceStatus")
        self.model = DeviceStatusModel(zone, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.summary = QLabel(self)
        self.summary.setObjectName("deviceSummary")
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.summary)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = EmptyStateWidget(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.stack, 1)
        self.retranslate()

    def set_rows(self, rows: Sequence[DeviceRow]) -> None:
        """Show the devices (GUI thread)."""
        self.model.set_rows(rows)
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        if rows:
            self.table.resizeColumnsToContents()
        self._update_summary()

    def _update_summary(self) -> None:
        c = self.model.counts()
        self.summary.setText(
            self.tr("{online} online · {offline} offline · {unknown} never seen").format(
                online=c.online, offline=c.offline, unknown=c.unknown
            )
        )

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.filter.setPlaceholderText(self.tr("Filter by code, name, community… (Ctrl+F)"))
        self.empty.set_texts(
            "⌁",
            self.tr("No devices configured"),
            self.tr("Readers, cameras, alarm panels and phones come from the site file."),
        )
        self.model.retranslate()
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
