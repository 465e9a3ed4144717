"""Device status: every reader, camera, panel and phone with its state and last contact."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import (
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

from core.model import DeviceState
from core.timefmt import DEFAULT_ZONE, fmt_local
from core.views import DeviceCounts, DeviceRow, not_reporting
from widgets import labels
from widgets.device_detail import detail_text
from widgets.empty_state import EmptyStateWidget
from widgets.palette import DEVICE_STATE_COLOURS
from widgets.table_model import SORT_ROLE, Column, RowTableModel
from widgets.table_titles import fit_columns

_Index = QModelIndex | QPersistentModelIndex


SIZE_SAMPLE_ROWS = 25  # rows measured when sizing columns to their contents
CELL_PADDING = 16  # a cell's margins around its text (Fusion's, with the theme's padding)


class DeviceStatusModel(RowTableModel[DeviceRow, int]):
    """Rows of DeviceRow, by kind and code."""

    COLUMNS = ("state", "code", "name", "kind", "community", "workstation", "last_seen", "detail")

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QObject | None = None):
        self._zone = zone
        self._now: datetime | None = None  # set by the owner's clock (set_now)
        super().__init__(
            [
                Column(
                    "state",
                    lambda: self.tr("State"),
                    self._state_text,
                    foreground=lambda d: QBrush(
                        DEVICE_STATE_COLOURS[DeviceState.UNKNOWN if self._silent(d) else d.state]
                    ),
                ),
                Column("code", lambda: self.tr("Code"), lambda d: d.code),
                Column("name", lambda: self.tr("Name"), lambda d: d.name),
                Column("kind", lambda: self.tr("Kind"), lambda d: labels.device_kind(d.kind)),
                Column(
                    "community",
                    lambda: self.tr("Community"),
                    lambda d: d.community_name or self.tr("Control centre"),
                ),
                Column("workstation", lambda: self.tr("Workstation"), lambda d: d.workstation),
                Column(
                    "last_seen",
                    lambda: self.tr("Last seen"),
                    lambda d: fmt_local(d.last_seen_at, self._zone) or "—",
                    sort_key=lambda d: d.last_seen_at.isoformat() if d.last_seen_at else "",
                ),
                Column("detail", lambda: self.tr("Detail"), lambda d: detail_text(d.detail)),
            ],
            key=lambda d: d.id,
            parent=parent,
        )

    def counts(self) -> DeviceCounts:
        """Online/offline/never-seen totals of the rows shown."""
        return DeviceCounts.of(self.rows(), self._now)

    def set_now(self, now: datetime) -> None:
        """The time the rows are judged at: an online camera whose recorder stopped reporting
        reads "not reporting" once its last report is too old (core.views.not_reporting)."""
        before = {r.id for r in self.rows() if self._silent(r)}
        self._now = now
        if {r.id for r in self.rows() if self._silent(r)} != before:
            self.refresh_column("state")

    def _silent(self, d: DeviceRow) -> bool:
        return self._now is not None and not_reporting(d, self._now)

    def _state_text(self, d: DeviceRow) -> str:
        if self._silent(d):
            return "● " + self.tr("Not reporting")
        return "● " + labels.device_state(d.state)


class DeviceStatusWidget(QWidget):
    """A filterable device table with a one-line summary."""

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("deviceStatus")
        self.model = DeviceStatusModel(zone, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._sized = False
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
        """Show the devices (GUI thread); applied in place, so selection and scroll stay."""
        self.model.set_rows(rows)
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        if rows and not self._sized:
            # Once, and from the first rows only: measuring every cell costs ~150 ms per 500
            # rows (FIELD-NOTES), paid on the GUI thread before the first paint.
            self._sized = True
            self.table.horizontalHeader().setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
            fit_columns(self.table)
            # The sample is the first kinds in order (panels, cameras): a kind further down
            # ("RFID 读卡器") was cut. The kinds are few, so the column fits every one of them.
            kind = self.model.column_index("kind")
            metrics = self.table.fontMetrics()
            widest = max(
                metrics.horizontalAdvance(labels.device_kind(k)) for k in {r.kind for r in rows}
            )
            self.table.setColumnWidth(
                kind, max(self.table.columnWidth(kind), widest + CELL_PADDING)
            )
        self._update_summary()

    def rows(self) -> tuple[DeviceRow, ...]:
        """The devices shown, in order."""
        return self.model.rows()

    def set_now(self, now: datetime) -> None:
        """Judge the rows at `now` (the owner's clock; see DeviceStatusModel.set_now)."""
        self.model.set_now(now)
        self._update_summary()

    def _update_summary(self) -> None:
        c = self.model.counts()
        text = self.tr("{online} online · {offline} offline · {unknown} never seen").format(
            online=c.online, offline=c.offline, unknown=c.unknown
        )
        if c.silent:
            text += self.tr(" · {silent} not reporting").format(silent=c.silent)
        self.summary.setText(text)

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


class DeviceCountsLabel(QLabel):
    """The status bar's device line: online / offline / never seen; red when any is offline."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("statusDevices")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._counts: DeviceCounts | None = None
        self._update()

    def set_counts(self, counts: DeviceCounts | None) -> None:
        """New totals; None while loading (or signed out)."""
        self._counts = counts
        self._update()

    def counts(self) -> DeviceCounts | None:
        """The totals shown."""
        return self._counts

    def _update(self) -> None:
        c = self._counts
        bad = c is not None and c.offline > 0
        self.setObjectName("statusDevicesBad" if bad else "statusDevices")
        if c is None:
            self.setText(self.tr("Devices: loading…"))
        else:
            text = self.tr("Devices: {on} online / {off} offline / {unk} never seen").format(
                on=c.online, off=c.offline, unk=c.unknown
            )
            if c.silent:
                text += self.tr(" / {silent} not reporting").format(silent=c.silent)
            self.setText(text)
        self.style().unpolish(self)
        self.style().polish(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update()
        super().changeEvent(event)
